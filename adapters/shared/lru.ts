// A small bounded map (least recently used entry evicted first). Used for Slack's event-id dedupe and for the
// recent answers the Slack and Teams buttons refer to: all must stay bounded in a long-running process.
export interface Lru<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  has(key: K): boolean;
  readonly size: number;
}

export function createLru<K, V>(maxEntries: number): Lru<K, V> {
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      // Re-insert to mark it as recently used (a Map keeps insertion order).
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    has: (key) => entries.has(key),
    get size() {
      return entries.size;
    },
  };
}

/** Remembers ids already seen; `firstTime(id)` is true once per id (while it stays in the window). */
export function createDedupe(maxEntries: number): { firstTime(id: string | undefined): boolean } {
  const seen = createLru<string, true>(maxEntries);
  return {
    firstTime(id) {
      // No id (should not happen for Events API payloads): never drop a question because of it.
      if (!id) return true;
      if (seen.has(id)) return false;
      seen.set(id, true);
      return true;
    },
  };
}
