// The model cache: one training per (dataset version, scope), shared by concurrent callers; failures are not
// kept; the least recently used entry leaves first.
import { describe, expect, jest, test } from '@jest/globals';
import { createModelCache } from '../../src/ml/model-cache.js';
import type { RevenueModel } from '../../src/ml/revenue-model.js';

const fakeModel = (scope: string) => ({ scope }) as unknown as RevenueModel;

describe('createModelCache', () => {
  test('trains once per version and scope (scope case-insensitive), concurrent callers share it', async () => {
    const cache = createModelCache();
    const train = jest.fn(async () => fakeModel('social'));
    const [a, b] = await Promise.all([
      cache.get({ version: 'v1', scope: 'social' }, train),
      cache.get({ version: 'v1', scope: 'Social' }, train),
    ]);
    expect(a).toBe(b);
    expect(train).toHaveBeenCalledTimes(1);
    await cache.get({ version: 'v2', scope: 'social' }, train);
    await cache.get({ version: 'v1', scope: 'all' }, train);
    expect(train).toHaveBeenCalledTimes(3);
    expect(cache.has({ version: 'v1', scope: 'social' })).toBe(true);
  });

  test('a failed training is not cached', async () => {
    const cache = createModelCache();
    const failing = jest.fn(async (): Promise<RevenueModel> => {
      throw new Error('boom');
    });
    await expect(cache.get({ version: 'v', scope: 'all' }, failing)).rejects.toThrow('boom');
    expect(cache.has({ version: 'v', scope: 'all' })).toBe(false);
    await expect(cache.get({ version: 'v', scope: 'all' }, async () => fakeModel('all'))).resolves.toEqual({
      scope: 'all',
    });
  });

  test('evicts the least recently used entry', async () => {
    const cache = createModelCache({ maxEntries: 2 });
    await cache.get({ version: 'v', scope: 'a' }, async () => fakeModel('a'));
    await cache.get({ version: 'v', scope: 'b' }, async () => fakeModel('b'));
    await cache.get({ version: 'v', scope: 'a' }, async () => fakeModel('a')); // a is now the most recent
    await cache.get({ version: 'v', scope: 'c' }, async () => fakeModel('c'));
    expect(cache.size).toBe(2);
    expect(cache.has({ version: 'v', scope: 'a' })).toBe(true);
    expect(cache.has({ version: 'v', scope: 'b' })).toBe(false);
  });
});
