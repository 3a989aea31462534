// Recent answers by answerId, for the card buttons (« Voir la requête SQL », feedback). Bounded (least recently used
// first out) so a long-running bot keeps flat memory; a button on an older card gets a polite « trop ancienne ».
import type { Answer } from '../../src/core/answer.js';

export interface RememberedAnswer {
  conversation: string;
  answer: Answer;
}

export interface RecentAnswers {
  get(answerId: string): RememberedAnswer | undefined;
  set(answerId: string, entry: RememberedAnswer): void;
  readonly size: number;
}

export function createRecentAnswers(maxEntries: number): RecentAnswers {
  const entries = new Map<string, RememberedAnswer>();
  return {
    get(answerId) {
      const entry = entries.get(answerId);
      if (!entry) return undefined;
      // Re-insert: a Map keeps insertion order, so the last used ends last and is evicted last.
      entries.delete(answerId);
      entries.set(answerId, entry);
      return entry;
    },
    set(answerId, entry) {
      entries.delete(answerId);
      entries.set(answerId, entry);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
