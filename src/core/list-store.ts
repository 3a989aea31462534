// A small persisted list, as a port: what adapters need from the state store (src/store's JSON collections have
// this shape) without importing it. Tests pass an in-memory one.
export interface ListStore<Item> {
  /** Reads the stored list once (later calls reuse it). */
  load(): Promise<void>;
  /** A snapshot of the list (load() first). */
  all(): Item[];
  /** Replaces the list with `mutate`'s result and persists it before resolving; updates are serialized. */
  update(mutate: (items: Item[]) => Item[]): Promise<unknown>;
}
