// The chart store: bounded in bytes with least-recently-used eviction, and its lazy entries: a chart stored as a way
// to draw it is drawn once, on the first request, never when nobody asks (a burst of web answers costs no
// rendering), and a failed drawing is reported and retried.
import { describe, expect, test } from '@jest/globals';
import { chartRequestWeight, createChartStore } from '../../src/app/http/chart-store.js';

describe('lazy charts', () => {
  test('drawn once on the first load, shared by concurrent loads; never drawn if never loaded', async () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 1_000_000 });
    let draws = 0;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const ids = Array.from({ length: 5 }, () =>
      store.putLazy(async () => {
        draws++;
        return png;
      }),
    );
    expect(draws).toBe(0);
    const loaded = await Promise.all([store.load(ids[0]!), store.load(ids[0]!), store.load(ids[0]!)]);
    expect(loaded).toEqual([png, png, png]);
    expect(draws).toBe(1);
    expect(store.get(ids[0]!)).toBe(png);
    expect(store.get(ids[1]!)).toBeUndefined(); // not drawn yet
    expect(draws).toBe(1);
  });

  test('a failed drawing answers undefined, is reported, and is tried again at the next load', async () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 1_000_000 });
    const errors: unknown[] = [];
    let attempt = 0;
    const id = store.putLazy(
      async () => {
        attempt++;
        if (attempt === 1) throw new Error('vega failed');
        return Buffer.from('ok');
      },
      (error) => errors.push(error),
    );
    expect(await store.load(id)).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect((await store.load(id))?.toString()).toBe('ok');
    expect(attempt).toBe(2);
  });

  test('expired and unknown ids load nothing', async () => {
    let clock = 1_000_000;
    const store = createChartStore({ ttlMs: 1000, maxBytes: 1_000_000, now: () => clock });
    const id = store.putLazy(async () => Buffer.from('x'));
    clock += 1001;
    expect(await store.load(id)).toBeUndefined();
    expect(await store.load('not-an-id')).toBeUndefined();
  });
});

describe('the byte bound', () => {
  const png = (kb: number, fill: number) => Buffer.alloc(kb * 1024, fill);

  test('kept within maxBytes whatever the number of charts; the least recently used goes first', () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 500 * 1024 });
    const ids = [1, 2, 3, 4].map((fill) => store.put(png(100, fill)));
    expect(store.bytes).toBe(400 * 1024);
    // Reading the first chart makes it the most recently used: the second is now the oldest.
    expect(store.get(ids[0]!)?.[0]).toBe(1);
    const fifth = store.put(png(100, 5));
    const sixth = store.put(png(100, 6));
    expect(store.bytes).toBeLessThanOrEqual(500 * 1024);
    expect(store.get(ids[1]!)).toBeUndefined();
    expect(store.get(ids[0]!)?.[0]).toBe(1);
    expect(store.get(ids[2]!)?.[0]).toBe(3);
    expect(store.get(fifth)?.[0]).toBe(5);
    expect(store.get(sixth)?.[0]).toBe(6);
    expect(store.size).toBe(5);
  });

  test('many small and a few large charts: bytes, not entries, decide (a count bound would keep 10× more)', () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 1024 * 1024 });
    for (let i = 0; i < 1000; i++) store.put(png(i % 10 === 0 ? 200 : 20, i % 256));
    expect(store.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(store.bytes).toBeGreaterThan(800 * 1024);
    expect(store.size).toBeLessThan(60);
  });

  test('a chart larger than the whole bound is not kept (and evicts nothing)', () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 100 * 1024 });
    const small = store.put(png(10, 1));
    const huge = store.put(png(200, 2));
    expect(store.get(huge)).toBeUndefined();
    expect(store.get(small)?.[0]).toBe(1);
  });

  test('a lazy chart counts its rows until drawn, then its PNG', async () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 1024 * 1024 });
    const rows = Array.from({ length: 50 }, (_, i) => ({ campaign_name: `c${i}`, roi: i / 10 }));
    const weight = chartRequestWeight({ rows });
    expect(weight).toBeGreaterThan(2 * JSON.stringify(rows).length);
    const id = store.putLazy(async () => png(150, 7), undefined, weight);
    expect(store.bytes).toBe(weight);
    await store.load(id);
    expect(store.bytes).toBe(150 * 1024);
  });

  test('lazy charts past the bound are evicted before being drawn: their drawing never runs', async () => {
    const store = createChartStore({ ttlMs: 60_000, maxBytes: 10_000 });
    let draws = 0;
    const ids = Array.from({ length: 30 }, () =>
      store.putLazy(
        async () => {
          draws++;
          return png(1, 1);
        },
        undefined,
        1000,
      ),
    );
    expect(store.size).toBe(10);
    expect(await store.load(ids[0]!)).toBeUndefined();
    expect(await store.load(ids[29]!)).toBeDefined();
    expect(draws).toBe(1);
  });
});
