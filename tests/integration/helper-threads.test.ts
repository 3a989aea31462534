// Once the server listens, the process's other threads (V8's, libuv's, DuckDB's) run at BACKGROUND_THREAD_NICE and
// the main thread, which serves /healthz, keeps its priority; 0 leaves every thread alone. Each case runs the real
// app and server in a process of its own (jest's threads keep their priority); nice values are read from /proc.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';

const onLinux = existsSync('/proc/thread-self') ? test : test.skip;
const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);

/** The nice values of a served app's threads, main thread apart, with BACKGROUND_THREAD_NICE = `nice`. */
function servedThreads(nice: string): { main: number; others: number[] } {
  const script = `
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import(${module('../../src/config.ts')});
    const { createApp } = await import(${module('../../src/app/app.ts')});
    const { startServer } = await import(${module('../../src/app/http/server.ts')});
    const { silentLogger } = await import(${module('../../src/core/logger.ts')});
    const config = loadConfig({ DUCKDB_PATH: ':memory:', STATE_DIR: mkdtempSync(join(tmpdir(), 'nice-')), PORT: '0',
      BACKGROUND_THREAD_NICE: ${JSON.stringify(nice)} });
    const app = await createApp(config, { logger: silentLogger() });
    const server = await startServer(app, []);
    const niceOf = (tid) => { const s = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]); };
    const others = readdirSync('/proc/self/task').map(Number).filter((tid) => tid !== process.pid).map(niceOf);
    console.log(JSON.stringify({ main: niceOf(process.pid), others }));
    await server.close();
    await app.close();
    process.exit(0);`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { main: number; others: number[] };
}

describe("the server lowers its process's helper threads", () => {
  onLinux(
    'BACKGROUND_THREAD_NICE=7: every thread but the main one at 7 once listening',
    () => {
      const { main, others } = servedThreads('7');
      expect(others.length).toBeGreaterThan(4); // V8's platform threads and libuv's pool at least
      expect(others.filter((nice) => nice !== 7)).toEqual([]);
      expect(main).toBe(0);
    },
    60_000,
  );

  onLinux(
    'BACKGROUND_THREAD_NICE=0: every thread left at 0',
    () => {
      const { main, others } = servedThreads('0');
      expect(others.filter((nice) => nice !== 0)).toEqual([]);
      expect(main).toBe(0);
    },
    60_000,
  );
});
