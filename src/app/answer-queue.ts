// The line questions wait in. Every surface answers through one agent on one event loop: with no limit, a burst of
// questions interleaves hundreds of answers, each slowed by all the others, and the event loop has no gap left to
// acknowledge Slack's next delivery within its 3 s. Answering a few at a time, in arrival order, keeps those gaps;
// a question that would wait behind `maxWaiting` others is turned away politely instead of waiting minutes, and
// one whose turn comes after `maxWaitMs` in line is turned away then (its asker has waited long enough; answering
// it late would only make everyone behind it later still).
import PQueue from 'p-queue';

export interface AnswerQueue {
  /** Runs `task` when a slot is free; `undefined` without running it when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** Questions waiting, and being answered (for /healthz and the load bench). */
  stats(): { waiting: number; running: number; expired: number };
}

export interface AnswerQueueOptions {
  concurrency: number;
  maxWaiting: number;
  /** Longest wait in line (ms) before a question is turned away instead of answered; 0 / absent = no limit. */
  maxWaitMs?: number;
  now?: () => number;
}

export function createAnswerQueue(options: AnswerQueueOptions): AnswerQueue {
  const queue = new PQueue({ concurrency: options.concurrency });
  const now = options.now ?? Date.now;
  let expired = 0;
  return {
    async run<T>(task: () => Promise<T>) {
      // Refused only if it would have to wait and the line is full (maxWaiting 0 = answer now or not at all).
      if (queue.pending >= options.concurrency && queue.size >= options.maxWaiting) return undefined;
      const queuedAt = now();
      return queue.add(async () => {
        if (options.maxWaitMs && now() - queuedAt > options.maxWaitMs) {
          expired++;
          return undefined;
        }
        // p-queue starts the next answer inside the promise chain of the one that just finished, and an answer's
        // first steps (routing, planning) are CPU without I/O: without this turn of the event loop, /healthz and
        // Slack acks waiting on the socket could wait behind several answers back to back.
        await new Promise<void>((resolve) => setImmediate(resolve));
        return task();
      });
    },
    stats: () => ({ waiting: queue.size, running: queue.pending, expired }),
  };
}
