// The fake Slack Web API in its own process (for benchmarks): the adapter under measurement then shares its event
// loop with nothing but itself, as in production where the Web API is Slack's. Prints the API URL on stdout and
// serves until its stdin closes (so it dies with its parent).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startFakeSlackWebApi } from './slack-web-api.js';

export interface FakeSlackWebApiProcess {
  apiUrl: string;
  close(): Promise<void>;
}

/** Starts this file as a child process (through tsx) and resolves with its URL. */
export async function spawnFakeSlackWebApi(): Promise<FakeSlackWebApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    apiUrl: line.toString('utf8').trim(),
    async close() {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

if (process.argv.includes('--serve')) {
  const api = await startFakeSlackWebApi();
  process.stdout.write(`${api.apiUrl}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void api.close().then(() => process.exit(0));
  });
}
