// Is STATE_DIR writable right now? /healthz asks (the answer is at most a few seconds old): a small file written,
// synced and removed.
// A full disk (ENOSPC), a read-only mount (EROFS) or lost permissions (EACCES) make the answer « no » with the
// reason, so a load balancer or a person sees `degraded` instead of an `ok` that silently loses state.
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface StateProbe {
  /** undefined when writable; otherwise the error code and message. */
  check(): Promise<string | undefined>;
}

const PROBE_BYTES = Buffer.alloc(4096, 0x20);

export function createStateProbe(
  dir: string,
  options: { cacheMs?: number; now?: () => number } = {},
): StateProbe {
  const cacheMs = options.cacheMs ?? 5000;
  const now = options.now ?? Date.now;
  let last: { at: number; result: string | undefined } | undefined;
  let running: Promise<string | undefined> | undefined;
  const probe = async (): Promise<string | undefined> => {
    const file = join(dir, `.probe.${process.pid}.tmp`);
    try {
      const handle = await open(file, 'w');
      try {
        await handle.writeFile(PROBE_BYTES);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return `${code ?? 'ERROR'}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      await rm(file, { force: true }).catch(() => undefined);
    }
  };
  const refresh = () => {
    running ??= probe().then((result) => {
      last = { at: now(), result };
      running = undefined;
      return result;
    });
    return running;
  };
  return {
    async check() {
      // Only the very first check waits for the disk; later ones answer from the last result at once and refresh
      // it in the background when it is older than cacheMs (/healthz must never wait behind a slow disk).
      if (!last) return refresh();
      if (now() - last.at >= cacheMs) void refresh();
      return last.result;
    },
  };
}
