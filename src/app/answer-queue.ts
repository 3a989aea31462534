// The line questions wait in. Every surface answers through one agent on one event loop: with no limit, a burst of
// questions interleaves hundreds of answers, each slowed by all the others, and the event loop has no gap left to
// acknowledge Slack's next delivery within its 3 s. Answering a few at a time, in arrival order, keeps those gaps;
// a question that would wait behind `maxWaiting` others is turned away politely instead of waiting minutes.
import PQueue from 'p-queue';

export interface AnswerQueue {
  /** Runs `task` when a slot is free; `undefined` without running it when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** Questions waiting, and being answered (for /healthz and the load bench). */
  stats(): { waiting: number; running: number };
}

export function createAnswerQueue(options: { concurrency: number; maxWaiting: number }): AnswerQueue {
  const queue = new PQueue({ concurrency: options.concurrency });
  return {
    async run<T>(task: () => Promise<T>) {
      // Refused only if it would have to wait and the line is full (maxWaiting 0 = answer now or not at all).
      if (queue.pending >= options.concurrency && queue.size >= options.maxWaiting) return undefined;
      return queue.add(task);
    },
    stats: () => ({ waiting: queue.size, running: queue.pending }),
  };
}
