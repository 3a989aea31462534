// Recent answers by answerId, for the card buttons (« Voir la requête SQL », feedback). Bounded (least recently used
// first out) so a long-running bot keeps flat memory; a button on an older card gets a polite « trop ancienne ».
import type { Answer } from '../../src/core/answer.js';
import { createLru } from '../shared/lru.js';

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
  return createLru<string, RememberedAnswer>(maxEntries);
}
