// Charts drawn off the main thread: the pool's worker (the .ts under tsx here, through render-worker.tsx.mjs) gives
// the same PNG as the in-process renderer, a chart the renderer refuses is refused the same way, and a worker that
// cannot start falls back to drawing in-process (reported once) instead of losing the chart.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, test } from '@jest/globals';
import { createChartRenderer } from '../../charts/render.js';
import { createChartRenderPool, DEFAULT_CHART_WORKER_IDLE_MS } from '../../charts/render-pool.js';
import { loadConfig } from '../../src/config.js';
import { chartFixture } from '../fixtures/answers/index.js';

const context = { currency: 'CHF', language: 'fr' as const };
const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('the chart worker pool', () => {
  test('a chart drawn in the worker is the in-process chart, byte for byte, as a Buffer', async () => {
    const pool = createChartRenderPool({ idleTimeoutMs: 1000 });
    pools.push(pool);
    const request = chartFixture('ranking');
    const [pooled, local] = await Promise.all([
      pool.render(request, context),
      createChartRenderer().render(request, context),
    ]);
    expect(pool.kind).toBe('worker');
    expect(Buffer.isBuffer(pooled.png)).toBe(true);
    expect(pooled.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pooled.png.equals(local.png)).toBe(true);
    expect({ ...pooled, png: undefined }).toEqual({ ...local, png: undefined });
  }, 60_000);

  test('a chart with no rows is refused from the worker as in-process (the pool stays a worker pool)', async () => {
    const pool = createChartRenderPool({ idleTimeoutMs: 1000 });
    pools.push(pool);
    await expect(pool.render({ ...chartFixture('ranking'), rows: [] }, context)).rejects.toThrow(/no rows/);
    expect(pool.kind).toBe('worker');
  }, 60_000);

  test('a worker that cannot load falls back to in-process drawing, reported once', async () => {
    const fallbacks: unknown[] = [];
    const pool = createChartRenderPool({
      entry: new URL('./no-such-render-worker.mjs', import.meta.url).href,
      onFallback: (error) => fallbacks.push(error),
    });
    pools.push(pool);
    const first = await pool.render(chartFixture('ranking'), context);
    const second = await pool.render(chartFixture('trend'), context);
    expect(pool.kind).toBe('in-process');
    expect(first.png.length).toBeGreaterThan(1000);
    expect(second.png.length).toBeGreaterThan(1000);
    expect(fallbacks).toHaveLength(1);
  }, 60_000);

  test('an idle worker exits after its idle timeout (CHART_WORKER_IDLE_MS), a longer timeout keeps it alive', async () => {
    const brief = createChartRenderPool({ idleTimeoutMs: 200 });
    const long = createChartRenderPool({ idleTimeoutMs: 600_000 });
    pools.push(brief, long);
    expect(brief.idleTimeoutMs).toBe(200);
    expect(long.idleTimeoutMs).toBe(600_000);
    await Promise.all([
      brief.render(chartFixture('ranking'), context),
      long.render(chartFixture('ranking'), context),
    ]);
    expect(long.threads).toBe(1);
    // No clock bound: the brief pool's worker must go (jest's timeout fails the test if it never does) while the
    // long one, idle just as long, stays.
    while (brief.threads > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    // Past the default timeout too: a pool that ignored its setting would have let this worker go by now.
    await new Promise((resolve) => setTimeout(resolve, DEFAULT_CHART_WORKER_IDLE_MS + 500));
    expect(long.threads).toBe(1);
  }, 60_000);

  test("the default idle timeout is the setting's default", () => {
    const pool = createChartRenderPool();
    pools.push(pool);
    expect(pool.idleTimeoutMs).toBe(DEFAULT_CHART_WORKER_IDLE_MS);
    expect(loadConfig({}).chartWorker.idleTimeoutMs).toBe(DEFAULT_CHART_WORKER_IDLE_MS);
  });

  test('a chart handed back is not kept by the pool (it was, for ever, by a race against the broken-pool signal)', async () => {
    const pool = createChartRenderPool({ idleTimeoutMs: 60_000 });
    pools.push(pool);
    // Weak references to the PNGs' memory only: once the caller drops a chart, nothing else may hold it.
    const drawn: WeakRef<ArrayBufferLike>[] = [];
    const drawOne = async (kind: 'ranking' | 'trend') => {
      const chart = await pool.render(chartFixture(kind), context);
      drawn.push(new WeakRef(chart.png.buffer));
    };
    await drawOne('ranking');
    await drawOne('trend');
    expect(pool.waiting).toBe(0);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // WeakRefs are cleared after the job that made them: collect on later turns.
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(drawn.map((ref) => ref.deref() === undefined)).toEqual([true, true]);
  }, 60_000);
});
