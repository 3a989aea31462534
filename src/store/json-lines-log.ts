// An append-only log in JSON lines (`<name>.jsonl`, one item per line) with rotation by count: once the current
// file holds `linesPerFile` lines it is renamed `<name>.<n>.jsonl` and a new one starts; at most `maxFiles` files
// are kept (the oldest removed). An append writes only its own lines (one write + fsync), never the whole log: the
// JSON collection (json-collection.ts) rewrote every entry on every change, which at 20,000 audit entries cost
// tens of ms of main-thread JSON per answer. A line that does not parse (a torn write from a crash, a hand edit) is
// skipped and reported, never the whole file. A `<name>.json` left by the JSON collection is migrated once.
// Why not a logging library's rotating stream: this log must report each failed write to its caller (a full disk
// keeps entries in memory for a retry) and cut a half-written append back; a fire-and-forget stream cannot.
import type { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { createDiskBackend, type StoreBackend } from './backend.js';

export interface JsonLinesLog<T> {
  readonly name: string;
  /**
   * Adds the items as lines in one write, after rotating a full file; resolves once they are on disk. A write the
   * disk refuses rejects and leaves nothing of it behind. Appends are serialized, in call order.
   */
  append(items: readonly T[]): Promise<void>;
  /** Every kept item, oldest first, read from the files (lines that do not parse are skipped and logged). */
  readAll(): Promise<T[]>;
}

export interface JsonLinesOptions<T> {
  logger: Logger;
  backend?: StoreBackend;
  /** Lines per file before it is rotated. */
  linesPerFile: number;
  /** Files kept, the current one included (at least 2). */
  maxFiles: number;
  /** A rotated file whose newest item this says is expired is removed at the next rotation (age retention). */
  expired?: (newest: T) => boolean;
  now?: () => number;
}

const ROTATED = (name: string) =>
  new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.jsonl$`);

export function createJsonLinesLog<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  options: JsonLinesOptions<T>,
): JsonLinesLog<T> {
  const backend = options.backend ?? createDiskBackend(dir);
  const now = options.now ?? Date.now;
  const current = `${name}.jsonl`;
  const legacy = `${name}.json`;
  const maxFiles = Math.max(2, options.maxFiles);
  const rotatedPattern = ROTATED(name);
  let state: { lines: number; needsNewline: boolean } | undefined;
  let opening: Promise<{ lines: number; needsNewline: boolean }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const rotatedFiles = async () =>
    (await backend.list())
      .flatMap((file) => {
        const seq = rotatedPattern.exec(file)?.[1];
        return seq === undefined ? [] : [{ file, seq: Number(seq) }];
      })
      .sort((a, b) => a.seq - b.seq);

  const parseLines = (text: string, file: string): T[] => {
    const items: T[] = [];
    let bad = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        items.push(schema.parse(JSON.parse(line)));
      } catch {
        bad++;
      }
    }
    if (bad > 0)
      options.logger.warn({ log: name, file, skipped: bad }, 'log lines that do not parse were skipped');
    return items;
  };

  /** The JSON collection's single file, turned into JSON lines once (then renamed, so it is never read again). */
  async function migrateLegacy(): Promise<void> {
    const text = await backend.read(legacy);
    if (text === undefined) return;
    let items: T[];
    try {
      const parsed = JSON.parse(text) as { items?: unknown[] };
      if (!parsed || !Array.isArray(parsed.items)) throw new Error('no items array');
      items = parsed.items.map((item) => schema.parse(item));
    } catch (error) {
      const aside = await backend.setAside(legacy, now());
      options.logger.error(
        { log: name, setAside: aside, err: error instanceof Error ? error.message : String(error) },
        'old log file was corrupt; set aside, not migrated',
      );
      return;
    }
    // A JSON-lines file already there means a migration stopped after writing it: it wins.
    if ((await backend.read(current)) === undefined && items.length > 0)
      await backend.write(current, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
    const done = `${legacy}.migrated-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    await backend.rename(legacy, done);
    options.logger.info({ log: name, entries: items.length, renamedTo: done }, 'log migrated to JSON lines');
  }

  function open() {
    opening ??= (async () => {
      await migrateLegacy();
      const text = (await backend.read(current)) ?? '';
      const opened = {
        lines: text.split('\n').filter((line) => line.trim() !== '').length,
        // A torn last line (a crash mid-append): the next append starts on a line of its own.
        needsNewline: text.length > 0 && !text.endsWith('\n'),
      };
      state = opened;
      return opened;
    })().catch((error: unknown) => {
      opening = undefined; // tried again at the next call (the disk may come back)
      throw error;
    });
    return opening;
  }

  async function rotate(): Promise<void> {
    const rotated = await rotatedFiles();
    const next = (rotated.at(-1)?.seq ?? 0) + 1;
    await backend.rename(current, `${name}.${next}.jsonl`);
    state = { lines: 0, needsNewline: false };
    const kept = [...rotated, { file: `${name}.${next}.jsonl`, seq: next }];
    // Beyond the count, the oldest go; then any whose newest line is past the age retention.
    while (kept.length > maxFiles - 1) await backend.remove(kept.shift()!.file);
    if (!options.expired) return;
    for (const { file } of [...kept]) {
      const items = parseLines((await backend.read(file)) ?? '', file);
      const newest = items.at(-1);
      if (newest !== undefined && !options.expired(newest)) break;
      await backend.remove(file);
    }
  }

  return {
    name,
    append(items) {
      const run = async () => {
        if (items.length === 0) return;
        const opened = state ?? (await open());
        if (opened.lines >= options.linesPerFile) await rotate();
        const lines = `${items.map((item) => JSON.stringify(item)).join('\n')}\n`;
        await backend.append(current, (state!.needsNewline ? '\n' : '') + lines);
        state = { lines: state!.lines + items.length, needsNewline: false };
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async readAll() {
      await open();
      const files = [...(await rotatedFiles()).map((entry) => entry.file), current];
      const items: T[] = [];
      for (const file of files) items.push(...parseLines((await backend.read(file)) ?? '', file));
      return items;
    },
  };
}
