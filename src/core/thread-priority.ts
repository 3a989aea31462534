// Lowering the scheduling priority of single threads (Linux). The bot's main thread serves HTTP: /healthz, Slack's
// 3 s acks, the web chat. On a small machine its other threads (chart, training, segmentation and agent workers,
// V8's GC helpers, libuv's pool running DuckDB queries and file writes) compete with it for the same cores, and a
// health check then waits for a core rather than for work (BENCHMARKS.md `load`). A higher nice value on those
// threads lets the kernel hand the core to the main thread as soon as it has something to do; they still get every
// cycle it leaves. Linux applies setpriority(2) to one thread when given its thread id (`/proc/thread-self` →
// "PID/task/TID"); elsewhere the same call would renice the whole process, main thread included, so this does
// nothing there. Lowering a priority needs no privilege; it never raises one, and it never throws.
import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export type NiceOutcome =
  /** `changed`: threads whose nice value was raised to the target (the others already were at it or beyond). */
  { ok: true; changed: number } | { ok: false; reason: string };

/** The calling thread's kernel id (Linux), or undefined where /proc/thread-self does not exist. */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** Raises one thread's nice value to `nice` (0–19) unless it is already there or beyond. */
function lowerOne(tid: number, nice: number): boolean {
  if (getPriority(tid) >= nice) return false;
  setPriority(tid, nice);
  return true;
}

const describe = (error: unknown) =>
  error instanceof Error
    ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim()
    : String(error);

/** The calling thread (a worker's first line) at nice `nice`; 0 = leave it. */
export function lowerCurrentThreadPriority(nice: number): NiceOutcome {
  if (nice <= 0) return { ok: true, changed: 0 };
  const tid = currentThreadId();
  if (tid === undefined)
    return { ok: false, reason: 'no /proc/thread-self (not Linux): priority left as is' };
  try {
    return { ok: true, changed: lowerOne(tid, Math.min(19, nice)) ? 1 : 0 };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

/**
 * Every thread of this process but the calling one (the main thread, at start) at nice `nice`; 0 = leave them.
 * Threads that end while this runs are skipped. Threads created later by the main thread inherit its priority.
 */
export function lowerOtherThreadsPriority(nice: number): NiceOutcome {
  if (nice <= 0) return { ok: true, changed: 0 };
  const self = currentThreadId();
  if (self === undefined)
    return { ok: false, reason: 'no /proc/thread-self (not Linux): priority left as is' };
  let tids: number[];
  try {
    tids = readdirSync('/proc/self/task').map(Number);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  let changed = 0;
  for (const tid of tids) {
    if (tid === self) continue;
    try {
      if (lowerOne(tid, Math.min(19, nice))) changed += 1;
    } catch (error) {
      // A thread that ended between the listing and the call is not a failure.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') continue;
      return { ok: false, reason: describe(error) };
    }
  }
  return { ok: true, changed };
}
