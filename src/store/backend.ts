// Where collection files live. The disk backend writes atomically (temp file + fsync + rename + directory
// fsync), so a crash mid-write leaves either the old file or the new one, never half of each; it appends (JSON-lines
// logs) all or nothing. The memory
// backend keeps "files" in a Map: scheduler tests share one across simulated restarts without any real I/O.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoreBackend {
  /** The file's text, or undefined when it does not exist yet. */
  read(file: string): Promise<string | undefined>;
  write(file: string, text: string): Promise<void>;
  /** Renames a bad file to `<file>.corrupt-<timestamp>`; returns the new name. */
  setAside(file: string, now: number): Promise<string>;
  /**
   * Adds text at the end of the file (created if absent), synced before resolving. All or nothing: a write the
   * disk refuses halfway (ENOSPC) is cut back, so a retry never duplicates or tears a line.
   */
  append(file: string, text: string): Promise<void>;
  /** The names of the files in the store's directory. */
  list(): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
}

const asideName = (file: string, now: number) =>
  `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;

export function createDiskBackend(dir: string): StoreBackend {
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => {
    ready ??= mkdir(dir, { recursive: true });
    return ready;
  };
  return {
    async read(file) {
      try {
        return await readFile(join(dir, file), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(file, text) {
      await ensureDir();
      const target = join(dir, file);
      const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'w');
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync(); // the bytes are on disk before the rename makes them the file
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        // A full disk must not keep a half-written temp file that holds the space: remove it, report the failure.
        await rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
      // The rename itself is durable only once the directory entry is flushed (not supported everywhere).
      const dirHandle = await open(dir, 'r').catch(() => undefined);
      if (dirHandle) await dirHandle.sync().catch(() => undefined);
      await dirHandle?.close();
    },
    async setAside(file, now) {
      const aside = asideName(file, now);
      await rename(join(dir, file), join(dir, aside));
      return aside;
    },
    async append(file, text) {
      await ensureDir();
      const handle = await open(join(dir, file), 'a');
      try {
        const { size } = await handle.stat();
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync();
        } catch (error) {
          // Part of the text may be on disk: cut it back so the file ends on a whole line, as before.
          await handle.truncate(size).catch(() => undefined);
          throw error;
        }
      } finally {
        await handle.close();
      }
    },
    list: async () => readdir(dir).catch(() => [] as string[]),
    rename: (from, to) => rename(join(dir, from), join(dir, to)),
    remove: (file) => rm(join(dir, file), { force: true }),
  };
}

/** An in-memory backend; pass the same `files` map to simulate a restart over the same "disk". */
export function createMemoryBackend(files: Map<string, string> = new Map()): StoreBackend & {
  files: Map<string, string>;
} {
  return {
    files,
    async read(file) {
      return files.get(file);
    },
    async write(file, text) {
      files.set(file, text);
    },
    async setAside(file, now) {
      const aside = asideName(file, now);
      const text = files.get(file);
      files.delete(file);
      if (text !== undefined) files.set(aside, text);
      return aside;
    },
    async append(file, text) {
      files.set(file, (files.get(file) ?? '') + text);
    },
    list: async () => [...files.keys()],
    async rename(from, to) {
      const text = files.get(from);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
      files.delete(from);
      files.set(to, text);
    },
    async remove(file) {
      files.delete(file);
    },
  };
}
