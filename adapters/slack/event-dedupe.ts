// Slack event deduplication that survives a restart. Slack retries an event it thinks unacknowledged (after
// 1 s, 1 min and 5 min); a process that restarted in between would otherwise answer the retry a second time.
// Ids seen are kept in memory (checked synchronously, so two deliveries racing in one process are answered once)
// and in a bounded collection of the state store (STATE_DIR/slack-events.json), written before the event is
// answered. A write that fails (full disk) is logged and the event is still answered: answering twice after an
// unlucky restart is better than not answering.
import { z } from 'zod';
import type { ListStore } from '../../src/core/list-store.js';
import type { Logger } from '../../src/core/logger.js';

export const seenEventSchema = z.object({ id: z.string().min(1).max(200), at: z.number() });
export type SeenEvent = z.infer<typeof seenEventSchema>;

export interface EventDedupe {
  /** True the first time an event id is seen (across restarts); an event without id is always new. */
  firstTime(id: string | undefined): Promise<boolean>;
}

export interface PersistentDedupeOptions {
  collection: ListStore<SeenEvent>;
  logger: Logger;
  /** Ids kept (default 2,000: far more than the events of Slack's 5-minute retry window). */
  max?: number;
  /** Ids older than this are forgotten (default 1 h; Slack's last retry comes after 5 min). */
  maxAgeMs?: number;
  now?: () => number;
}

/** The ids kept: none older than maxAgeMs, at most max (the newest). */
export function pruneSeen(items: SeenEvent[], max: number, maxAgeMs: number, now: number): SeenEvent[] {
  return items.filter((item) => now - item.at <= maxAgeMs).slice(-max);
}

export function createPersistentDedupe(options: PersistentDedupeOptions): EventDedupe {
  const max = options.max ?? 2000;
  const maxAgeMs = options.maxAgeMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  let loading: Promise<void> | undefined;
  const load = () => {
    loading ??= options.collection.load().then(
      () => {
        for (const item of pruneSeen(options.collection.all(), max, maxAgeMs, now()))
          seen.set(item.id, item.at);
      },
      (error: unknown) => {
        options.logger.error(
          { err: String(error) },
          'slack event ids could not be read; dedupe in memory only',
        );
      },
    );
    return loading;
  };
  return {
    async firstTime(id) {
      if (!id) return true;
      await load();
      if (seen.has(id)) return false;
      const at = now();
      seen.set(id, at);
      while (seen.size > max) seen.delete(seen.keys().next().value as string);
      try {
        await options.collection.update((items) => pruneSeen([...items, { id, at }], max, maxAgeMs, at));
      } catch (error) {
        options.logger.error(
          { eventId: id, err: error instanceof Error ? error.message : String(error) },
          'slack event id not saved; a retry after a restart could be answered twice',
        );
      }
      return true;
    },
  };
}
