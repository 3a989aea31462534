// Once the server listens, the process's other threads (V8's, libuv's, DuckDB's) run at BACKGROUND_THREAD_NICE and
// the main thread, which serves /healthz, keeps its priority; 0 leaves every thread alone. Each case runs the real
// app and server in a process of its own (jest's threads keep their priority); nice values are read from /proc.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { freePort } from '../fixtures/free-port.js';

const onLinux = existsSync('/proc/thread-self') ? test : test.skip;
const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);

/** The nice values of a served app's threads, main thread apart, with BACKGROUND_THREAD_NICE = `nice`. */
function servedThreads(nice: string, healthPort = '0'): { main: number; others: number[]; health?: number } {
  const script = `
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import(${module('../../src/config.ts')});
    const { createApp } = await import(${module('../../src/app/app.ts')});
    const { startServer } = await import(${module('../../src/app/http/server.ts')});
    const { silentLogger } = await import(${module('../../src/core/logger.ts')});
    const config = loadConfig({ DUCKDB_PATH: ':memory:', STATE_DIR: mkdtempSync(join(tmpdir(), 'nice-')), PORT: '0',
      BACKGROUND_THREAD_NICE: ${JSON.stringify(nice)}, HEALTH_PORT: ${JSON.stringify(healthPort)} });
    const app = await createApp(config, { logger: silentLogger() });
    const before = new Set(readdirSync('/proc/self/task').map(Number));
    const server = await startServer(app, []);
    const niceOf = (tid) => { const s = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]); };
    const probe = server.health?.threadId;
    // With HEALTH_PORT, only the threads that existed before the server started (the ones it lowers): the probe's
    // worker may start its own (Node 20 runs tsx's module hooks on a thread of their own, when running the .ts).
    const others = readdirSync('/proc/self/task').map(Number)
      .filter((tid) => tid !== process.pid && tid !== probe && (probe === undefined || before.has(tid))).map(niceOf);
    console.log(JSON.stringify({ main: niceOf(process.pid), others, health: probe && niceOf(probe) }));
    await server.close();
    await app.close();
    process.exit(0);`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    main: number;
    others: number[];
    health?: number;
  };
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
    "HEALTH_PORT set: the health probe's thread keeps the main thread's priority, the others at 7",
    async () => {
      const { main, others, health } = servedThreads('7', String(await freePort()));
      expect(health).toBe(0);
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
