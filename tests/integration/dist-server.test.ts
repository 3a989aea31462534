// The compiled server, as `npm start` runs it: `node dist/src/app/main.js serve` with no tsx anywhere. It finds the
// files it reads beside its modules (the web chat's page and script, the fonts for charts), answers a question with
// a real PNG chart, and runs the ML training and segmentation in worker threads started from the compiled .js
// (a worker that failed to start would fall back in-process with a warning: there must be none). dist/ is built
// first when missing or stale (`scripts/build.mjs --if-stale`, the step `npm start` takes).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';

const run = promisify(execFile);
let child: ChildProcess;
let url: string;
let stderr = '';

beforeAll(async () => {
  await run(process.execPath, ['scripts/build.mjs', '--if-stale']);
  const dir = mkdtempSync(join(tmpdir(), 'dist-server-'));
  child = spawn(process.execPath, ['dist/src/app/main.js', 'serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DUCKDB_PATH: join(dir, 'bot.duckdb'),
      STATE_DIR: join(dir, 'state'),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
  });
  // The start-up line names the address the server listens on (PORT=0: a free port).
  url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const ready = /prêt : (http:\/\/\S+\/) /.exec(stdout);
      if (ready) resolve(ready[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

const ask = async (text: string) =>
  (await (
    await fetch(`${url}api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    })
  ).json()) as { intent: string; chartUrls: Record<string, { url: string }> };

test('the compiled server serves the web chat page and its script', async () => {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toMatch(/<html/i);
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const js = await fetch(new URL(script!, url));
  expect(js.status).toBe(200);
  expect((await js.text()).length).toBeGreaterThan(100);
});

test('a question gets a chart rendered to PNG by the compiled chart module', async () => {
  const answer = await ask('Quelles campagnes sont sous-performantes ?');
  expect(answer.intent).toBe('diagnostic');
  const chart = Object.values(answer.chartUrls)[0]!.url;
  const png = await fetch(new URL(chart, url));
  expect(png.headers.get('content-type')).toBe('image/png');
  const bytes = Buffer.from(await png.arrayBuffer());
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('training and segmentation run in workers started from the compiled modules', async () => {
  expect((await ask('Quel chiffre d’affaires peut-on attendre si le budget augmente de 20 % ?')).intent).toBe(
    'budget_simulation',
  );
  expect((await ask('Quel segment a le meilleur ROI ?')).intent).toBe('segmentation');
  const events = stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string });
  expect(events.filter((event) => /worker unavailable/.test(event.msg))).toEqual([]);
  expect(events.some((event) => event.msg === 'ready')).toBe(true);
});
