// Background threads yield the cores to the main thread (BACKGROUND_THREAD_NICE, src/core/thread-priority.ts): a
// worker lowers itself and only itself, never raises a priority, the main thread lowers every other thread but not
// itself, and the bot's workers (the chart pool's here) run at the setting. Nice values are read from
// /proc/<pid>/task/<tid>/stat, not through the module under test. Linux only (elsewhere the module does nothing).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from '@jest/globals';
import { createChartRenderPool } from '../../charts/render-pool.js';
import { loadConfig } from '../../src/config.js';
import type { NiceOutcome } from '../../src/core/thread-priority.js';
import { chartFixture } from '../fixtures/answers/index.js';

const linux = existsSync('/proc/thread-self');
const onLinux = linux ? test : test.skip;
const MODULE = new URL('../../src/core/thread-priority.ts', import.meta.url).href;

/** A thread's nice value as the kernel reports it (field 19 of its stat line). */
function niceOf(tid: number, pid = process.pid): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** This process's threads at a given nice value. */
function threadsAtNice(nice: number): number[] {
  return readdirSync('/proc/self/task')
    .map(Number)
    .filter((tid) => {
      try {
        return niceOf(tid) === nice;
      } catch {
        return false; // ended meanwhile
      }
    });
}

/** A worker thread running `body` (with `lower` = lowerCurrentThreadPriority, `os`) that posts its result and waits
 * for a message before ending, so that its nice value can be read while it lives. */
async function inWorker(
  body: string,
): Promise<{ worker: Worker; reply: { tid: number; outcome: NiceOutcome } }> {
  const code =
    `const { parentPort } = require('node:worker_threads');` +
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(async (tsx) => { tsx.register();` +
    ` const { lowerCurrentThreadPriority: lower, currentThreadId } = await import(${JSON.stringify(MODULE)});` +
    ` const os = require('node:os'); const tid = currentThreadId(); ${body}` +
    ` parentPort.once('message', () => process.exit(0)); });`;
  const worker = new Worker(code, { eval: true });
  const reply = await new Promise<{ tid: number; outcome: NiceOutcome }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, reply };
}

const workers: Worker[] = [];
const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const worker of workers) worker.postMessage('end');
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('thread priorities', () => {
  onLinux(
    'a worker lowers its own priority, and not the main thread',
    async () => {
      const mainBefore = niceOf(process.pid);
      const { worker, reply } = await inWorker(`parentPort.postMessage({ tid, outcome: lower(7) });`);
      workers.push(worker);
      expect(reply.outcome).toEqual({ ok: true, changed: 1 });
      expect(reply.tid).not.toBe(process.pid);
      expect(niceOf(reply.tid)).toBe(7);
      expect(niceOf(process.pid)).toBe(mainBefore);
    },
    30_000,
  );

  onLinux(
    'a priority already lower is left as it is (never raised back)',
    async () => {
      const { worker, reply } = await inWorker(
        `os.setPriority(tid, 12); parentPort.postMessage({ tid, outcome: lower(5) });`,
      );
      workers.push(worker);
      expect(reply.outcome).toEqual({ ok: true, changed: 0 });
      expect(niceOf(reply.tid)).toBe(12);
    },
    30_000,
  );

  test('0 leaves the thread alone, whatever the platform', async () => {
    const { lowerCurrentThreadPriority, lowerOtherThreadsPriority } = await import(
      '../../src/core/thread-priority.js'
    );
    expect(lowerCurrentThreadPriority(0)).toEqual({ ok: true, changed: 0 });
    expect(lowerOtherThreadsPriority(0)).toEqual({ ok: true, changed: 0 });
  });

  onLinux(
    "the main thread lowers all of its process's other threads, not itself",
    () => {
      // In a process of its own: this one's threads (jest's) keep their priority.
      const output = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `const { lowerOtherThreadsPriority } = await import(${JSON.stringify(MODULE)});
         const { readdirSync, readFileSync } = await import('node:fs');
         const outcome = lowerOtherThreadsPriority(6);
         const nice = (tid) => { const s = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
           return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]); };
         const others = readdirSync('/proc/self/task').map(Number).filter((tid) => tid !== process.pid);
         console.log(JSON.stringify({ outcome, main: nice(process.pid), others: others.map(nice) }));`,
        ],
        { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
      );
      const { outcome, main, others } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
        outcome: NiceOutcome;
        main: number;
        others: number[];
      };
      expect(outcome.ok).toBe(true);
      expect(others.length).toBeGreaterThan(2); // V8's platform threads, libuv's pool at least
      expect(outcome).toEqual({ ok: true, changed: others.length });
      expect(others.every((nice) => nice === 6)).toBe(true);
      expect(main).toBe(0);
    },
    30_000,
  );

  onLinux(
    'the chart worker draws at its threadNice; the main thread keeps its priority',
    async () => {
      expect(threadsAtNice(9)).toEqual([]);
      const pool = createChartRenderPool({ idleTimeoutMs: 60_000, threadNice: 9 });
      pools.push(pool);
      await pool.render(chartFixture('ranking'), { currency: 'CHF', language: 'fr' });
      expect(pool.threads).toBe(1);
      expect(threadsAtNice(9).length).toBeGreaterThanOrEqual(1);
      expect(threadsAtNice(9)).not.toContain(process.pid);
    },
    60_000,
  );

  test('BACKGROUND_THREAD_NICE: 10 by default, 0 to 19', () => {
    expect(loadConfig({}).backgroundThreadNice).toBe(10);
    expect(loadConfig({ BACKGROUND_THREAD_NICE: '0' }).backgroundThreadNice).toBe(0);
    expect(loadConfig({ BACKGROUND_THREAD_NICE: '19' }).backgroundThreadNice).toBe(19);
    expect(() => loadConfig({ BACKGROUND_THREAD_NICE: '20' })).toThrow(/BACKGROUND_THREAD_NICE/);
    expect(() => loadConfig({ BACKGROUND_THREAD_NICE: '-5' })).toThrow(/BACKGROUND_THREAD_NICE/);
  });
});
