// 👍 / 👎 on answers, from any surface, kept in the state store (bounded) for whoever tunes the bot.
import { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { createJsonCollection } from './json-collection.js';

const feedbackSchema = z.object({
  at: z.string(),
  surface: z.enum(['slack', 'teams', 'web']),
  conversation: z.string(),
  answerId: z.string(),
  value: z.enum(['up', 'down']),
  user: z.string().optional(),
});

export type Feedback = z.infer<typeof feedbackSchema>;
const MAX_FEEDBACK = 20_000;

export interface FeedbackLog {
  record(feedback: Omit<Feedback, 'at'>): Promise<void>;
  all(): Promise<Feedback[]>;
}

export function createFeedbackLog(stateDir: string, deps: { logger: Logger; now?: () => Date }): FeedbackLog {
  const now = deps.now ?? (() => new Date());
  const collection = createJsonCollection(stateDir, 'feedback', feedbackSchema, {
    logger: deps.logger,
    prune: (items) => items.slice(-MAX_FEEDBACK),
  });
  return {
    async record(feedback) {
      await collection.load();
      // The same button pressed twice on one answer by one user counts once (the last value wins).
      await collection.update((items) => [
        ...items.filter(
          (item) =>
            !(
              item.answerId === feedback.answerId &&
              item.user === feedback.user &&
              item.conversation === feedback.conversation
            ),
        ),
        { ...feedback, at: now().toISOString() },
      ]);
    },
    async all() {
      await collection.load();
      return collection.all();
    },
  };
}
