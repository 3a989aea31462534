// The chart store's lazy entries: a chart stored as a way to draw it is drawn once, on the first request, never
// when nobody asks (a burst of web answers costs no rendering), and a failed drawing is reported and retried.
import { describe, expect, test } from '@jest/globals';
import { createChartStore } from '../../src/app/http/chart-store.js';

describe('lazy charts', () => {
  test('drawn once on the first load, shared by concurrent loads; never drawn if never loaded', async () => {
    const store = createChartStore({ ttlMs: 60_000, maxEntries: 10 });
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
    const store = createChartStore({ ttlMs: 60_000, maxEntries: 10 });
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
    let clock = 0;
    const store = createChartStore({ ttlMs: 1000, maxEntries: 10, now: () => clock });
    const id = store.putLazy(async () => Buffer.from('x'));
    clock = 1001;
    expect(await store.load(id)).toBeUndefined();
    expect(await store.load('not-an-id')).toBeUndefined();
  });
});
