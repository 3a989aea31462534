// Trained models kept per dataset version and scope (category or 'all'). The cache holds the training
// promise, so concurrent requests for one model share one training; a failed training is not kept.
// Least recently used entries leave first when the cache is full.
import type { RevenueModel } from './revenue-model.js';

export interface ModelCache {
  get(key: { version: string; scope: string }, train: () => Promise<RevenueModel>): Promise<RevenueModel>;
  /** Whether a model is cached (or being trained) for this key. */
  has(key: { version: string; scope: string }): boolean;
  clear(): void;
  readonly size: number;
}

export function createModelCache(options: { maxEntries?: number } = {}): ModelCache {
  const maxEntries = options.maxEntries ?? 32;
  const entries = new Map<string, Promise<RevenueModel>>();
  const keyOf = (key: { version: string; scope: string }) => `${key.version}\u0000${key.scope.toLowerCase()}`;
  return {
    get(key, train) {
      const id = keyOf(key);
      const cached = entries.get(id);
      if (cached) {
        entries.delete(id);
        entries.set(id, cached);
        return cached;
      }
      const training = train().catch((error: unknown) => {
        if (entries.get(id) === training) entries.delete(id);
        throw error;
      });
      entries.set(id, training);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return training;
    },
    has: (key) => entries.has(keyOf(key)),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
