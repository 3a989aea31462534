// Is STATE_DIR writable right now? /healthz asks (cached a few seconds): a small file written, synced and removed.
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
  return {
    async check() {
      if (last && now() - last.at < cacheMs) return last.result;
      running ??= probe().then((result) => {
        last = { at: now(), result };
        running = undefined;
        return result;
      });
      return running;
    },
  };
}
