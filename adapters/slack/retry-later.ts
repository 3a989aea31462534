// Questions Slack would not take. When the Web API is down (5xx, network, rate limits past the client's own
// retries) as the bot posts its « Analyse en cours… » placeholder, nothing reaches the thread and nobody can be
// told; dropping the question would lose it. It is kept in the state store and asked again every minute, oldest
// first, until Slack takes the placeholder; a restart picks the list up again. An entry leaves the list as soon as
// its placeholder is posted, so a crash after that never posts it twice. After `maxAgeMs` (1 h) an entry is dropped
// with a warning: an answer that late would puzzle more than help, and the asker will have asked again.
import { z } from 'zod';
import type { ListStore } from '../../src/core/list-store.js';
import type { Logger } from '../../src/core/logger.js';
import type { FlowOptions, FlowOutcome, Question } from './answer-flow.js';

export const unansweredSchema = z.object({
  team: z.string(),
  channel: z.string(),
  threadTs: z.string(),
  user: z.string(),
  text: z.string(),
  firstFailedAt: z.number(),
  attempts: z.number().int().min(1),
});
export type Unanswered = z.infer<typeof unansweredSchema>;

/**
 * Where the kept questions live: a port, so the app decides. It passes the state store's `slack-unanswered`
 * collection (a JsonCollection fits as is), which survives a restart; `createMemoryUnansweredStore` does not.
 */
/** Where the questions wait: the state store's collection in the app, a memory list in tests. */
export type UnansweredStore = ListStore<Unanswered>;

/** The list in memory only (tests, and a Slack adapter given no store): lost on restart. */
export function createMemoryUnansweredStore(): UnansweredStore {
  let items: Unanswered[] = [];
  return {
    async load() {},
    all: () => [...items],
    async update(mutate) {
      items = mutate([...items]);
    },
  };
}

export interface RetryLaterOptions {
  collection: UnansweredStore;
  ask(question: Question, options: FlowOptions): Promise<FlowOutcome>;
  logger: Logger;
  /** How often the list is tried again. Default 60 s. */
  intervalMs?: number;
  /** How long a question is kept. Default 1 h. */
  maxAgeMs?: number;
  now?: () => number;
}

export interface RetryLater {
  /** Keeps a question Slack would not take (the same question in the same thread is kept once). */
  add(question: Question): Promise<void>;
  /** Asks the kept questions again now, oldest first; stops at the first one Slack still refuses. */
  retry(): Promise<void>;
  /** Retries every `intervalMs` (and once at once, for what a previous run left). */
  start(): void;
  stop(): Promise<void>;
  pending(): Promise<Unanswered[]>;
}

/** Entries kept at most: an outage during a busy hour, not an unbounded file. */
export const MAX_UNANSWERED = 1000;

const sameQuestion = (a: Question, b: Question) =>
  a.channel === b.channel && a.threadTs === b.threadTs && a.text === b.text && a.user === b.user;

export function createRetryLater(options: RetryLaterOptions): RetryLater {
  const { collection, logger } = options;
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const remove = (entry: Unanswered) =>
    collection.update((items) => items.filter((item) => !sameQuestion(item, entry)));

  async function retryAll(): Promise<void> {
    await collection.load();
    for (const entry of collection.all()) {
      const { firstFailedAt, attempts, ...question } = entry;
      const where = { channel: entry.channel, threadTs: entry.threadTs, attempts };
      if (now() - firstFailedAt > maxAgeMs) {
        await remove(entry);
        logger.warn(where, 'slack question dropped: Slack did not take it within the retry window');
        continue;
      }
      const outcome = await options.ask(question, { onPlaceholderPosted: () => remove(entry) });
      if (outcome === 'slack_unreachable') {
        await collection.update((items) =>
          items.map((item) => (sameQuestion(item, entry) ? { ...item, attempts: item.attempts + 1 } : item)),
        );
        logger.info(where, 'slack still unreachable; the question stays in the retry list');
        return; // Slack is still down: the others would fail the same way
      }
      logger.info(where, 'slack question answered after an outage');
    }
  }

  const retry = () => {
    running ??= retryAll()
      .catch((error: unknown) =>
        logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'slack retry round failed',
        ),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    async add(question) {
      await collection.update((items) => {
        if (items.some((item) => sameQuestion(item, question))) return items;
        const entry: Unanswered = { ...question, firstFailedAt: now(), attempts: 1 };
        return [...items, entry].slice(-MAX_UNANSWERED);
      });
      logger.warn(
        { channel: question.channel, threadTs: question.threadTs },
        'slack unreachable: the question is kept and will be asked again when Slack answers',
      );
    },
    retry,
    start() {
      if (timer) return;
      void retry();
      timer = setInterval(() => void retry(), options.intervalMs ?? 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    async pending() {
      await collection.load();
      return collection.all();
    },
  };
}
