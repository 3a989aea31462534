// How long the calling thread ran and how long it waited, runnable, for a core (Linux: /proc/thread-self/schedstat,
// « time on cpu » and « time waiting on a runqueue », in ns). The load bench reads it on the server's main thread
// around the burst: /healthz is late either because that thread is busy (its run time, the event loop's
// utilization) or because it is ready and waiting for one of the machine's two cores (this wait).
import { readFileSync } from 'node:fs';

export interface CoreTimes {
  runMs: number;
  waitMs: number;
}

/** The calling thread's times so far; undefined where /proc/thread-self/schedstat does not exist. */
export function threadCoreTimes(): CoreTimes | undefined {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    if (run === undefined || wait === undefined || Number.isNaN(run) || Number.isNaN(wait)) return undefined;
    return { runMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}

/** Times spent since `before` (undefined if either reading is). */
export function coreTimesSince(before: CoreTimes | undefined): CoreTimes | undefined {
  const now = threadCoreTimes();
  if (!before || !now) return undefined;
  return { runMs: Math.round(now.runMs - before.runMs), waitMs: Math.round(now.waitMs - before.waitMs) };
}
