// The embedded state store: one JSON file per collection in STATE_DIR, loaded on first use and rewritten
// atomically on every change. Small state (subscriptions, ledger, alert snapshots, later feedback and audit)
// does not justify a database; a file per collection keeps a corrupt one from taking the others down.
import type { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { createDiskBackend, type StoreBackend } from './backend.js';

export interface JsonCollection<T> {
  readonly name: string;
  /** Reads the file once (later calls reuse the loaded items). A corrupt file is set aside: items start empty. */
  load(): Promise<void>;
  /** A snapshot of the items (load() first). */
  all(): T[];
  /**
   * Changes the items and persists them before resolving. Updates are serialized within the process, so two
   * concurrent writers never lose each other's change; the mutator sees the result of the previous update.
   */
  update<R>(mutate: (items: T[]) => { items: T[]; result: R } | T[]): Promise<R | undefined>;
}

export interface CollectionOptions<T> {
  logger: Logger;
  backend?: StoreBackend;
  /** Applied before each write: keeps a collection bounded (ledger retention, audit size). */
  prune?: (items: T[]) => T[];
  /** For the name of a corrupt file set aside (injectable so tests are stable). */
  now?: () => number;
}

const FORMAT_VERSION = 1;

export function createJsonCollection<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  options: CollectionOptions<T>,
): JsonCollection<T> {
  const backend = options.backend ?? createDiskBackend(dir);
  const file = `${name}.json`;
  let items: T[] | undefined;
  let loading: Promise<void> | undefined;
  // The tail of the write queue: each update chains on it, so writes happen one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();

  async function readItems(): Promise<T[]> {
    const text = await backend.read(file);
    if (text === undefined) return [];
    try {
      const parsed = JSON.parse(text) as { version?: number; items?: unknown[] };
      if (!parsed || !Array.isArray(parsed.items)) throw new Error('no items array');
      return parsed.items.map((item) => schema.parse(item));
    } catch (error) {
      // Never crash on a bad file: keep it for a human to inspect and start empty.
      const aside = await backend.setAside(file, (options.now ?? Date.now)());
      options.logger.error(
        { collection: name, setAside: aside, err: error instanceof Error ? error.message : String(error) },
        'state file was corrupt; set aside, collection starts empty',
      );
      return [];
    }
  }

  const collection: JsonCollection<T> = {
    name,
    load() {
      loading ??= readItems().then((loaded) => {
        items = loaded;
      });
      return loading;
    },
    all() {
      if (!items) throw new Error(`collection ${name} used before load()`);
      return [...items];
    },
    update<R>(mutate: (current: T[]) => { items: T[]; result: R } | T[]) {
      const run = async (): Promise<R | undefined> => {
        await collection.load();
        const outcome = mutate([...(items ?? [])]);
        const next = Array.isArray(outcome) ? outcome : outcome.items;
        const kept = options.prune ? options.prune(next) : next;
        await backend.write(file, `${JSON.stringify({ version: FORMAT_VERSION, items: kept }, null, 1)}\n`);
        items = kept; // only after the write succeeded: memory never runs ahead of the disk
        return Array.isArray(outcome) ? undefined : outcome.result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
  return collection;
}
