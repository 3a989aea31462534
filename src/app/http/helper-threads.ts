// The process's helper threads yield the cores to the thread that serves HTTP. Besides the workers the bot starts
// (which lower their own priority, BACKGROUND_THREAD_NICE), a Node process runs V8's platform threads (garbage
// collection helpers), libuv's pool (DuckDB queries, file writes, DNS) and DuckDB's own threads, all at the main
// thread's priority. Profiled during the 1,000-question burst (BENCHMARKS.md `load`) they ran about as long as the
// main thread, which waited seconds for a core. They are lowered once the server listens (they exist by then);
// threads the main thread starts later inherit its priority.
import { isMainThread } from 'node:worker_threads';
import type { Logger } from '../../core/logger.js';
import { lowerOtherThreadsPriority } from '../../core/thread-priority.js';

/** Every thread but the main one at nice `nice` (0 = leave them); the outcome is logged once, it never throws. */
export function lowerHelperThreads(nice: number, logger: Logger): void {
  if (nice <= 0 || !isMainThread) return;
  const outcome = lowerOtherThreadsPriority(nice);
  if (outcome.ok) logger.debug({ threads: outcome.changed, nice }, 'helper threads lowered in priority');
  else
    logger.warn(
      { reason: outcome.reason, setting: 'BACKGROUND_THREAD_NICE' },
      'helper threads keep the main thread priority',
    );
}
