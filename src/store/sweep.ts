// Temp files left by a write that never finished (a crash, a kill -9 between write and rename) hold disk space
// and are never read. At start the app removes them: a `*.tmp` whose name carries the pid of a process that is no
// longer running (`<file>.<pid>.<hex>.tmp`, `<file>.<pid>.tmp`), or one with no pid older than a minute. Files of a
// live process (another command writing the same STATE_DIR) are left alone.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface SweepOptions {
  /** Whether a process id is running (default: signal 0). */
  isAlive?: (pid: number) => boolean;
  now?: () => number;
  /** Age past which a temp file without a pid is removed (default 60 s). */
  minAgeMs?: number;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Removes orphan temp files in each directory (not recursive); returns the names removed. */
export async function sweepTempFiles(dirs: string[], options: SweepOptions = {}): Promise<string[]> {
  const isAlive = options.isAlive ?? processAlive;
  const now = options.now ?? Date.now;
  const minAgeMs = options.minAgeMs ?? 60_000;
  const removed: string[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.endsWith('.tmp')) continue;
      const path = join(dir, name);
      const pid = /\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/.exec(name)?.[1];
      if (pid !== undefined) {
        if (isAlive(Number(pid))) continue;
      } else {
        const info = await stat(path).catch(() => undefined);
        if (!info || now() - info.mtimeMs < minAgeMs) continue;
      }
      await rm(path, { force: true }).then(
        () => removed.push(name),
        () => undefined,
      );
    }
  }
  return removed;
}
