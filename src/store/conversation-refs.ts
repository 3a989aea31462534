// Teams conversation references in the state store, so digests and alerts can post proactively after a restart.
import { z } from 'zod';
import type {
  ConversationRefStore,
  TeamsConversationReference,
} from '../../adapters/teams/conversation-refs.js';
import type { Logger } from '../core/logger.js';
import { createJsonCollection } from './json-collection.js';

const entrySchema = z.object({ key: z.string(), ref: z.record(z.string(), z.unknown()), at: z.string() });
const MAX_REFS = 50_000;

export function createStoredConversationRefs(
  stateDir: string,
  deps: { logger: Logger },
): ConversationRefStore {
  const collection = createJsonCollection(stateDir, 'teams-conversations', entrySchema, {
    logger: deps.logger,
    // The most recently seen conversations are kept when the bound is reached.
    prune: (items) => items.slice(-MAX_REFS),
  });
  return {
    async save(key, ref) {
      await collection.load();
      const previous = collection.all().find((entry) => entry.key === key);
      // Saved on every message: skip the write when nothing changed.
      if (previous && JSON.stringify(previous.ref) === JSON.stringify(ref)) return;
      await collection.update((items) => [
        ...items.filter((entry) => entry.key !== key),
        { key, ref: ref as Record<string, unknown>, at: new Date().toISOString() },
      ]);
    },
    async get(key) {
      await collection.load();
      return collection.all().find((entry) => entry.key === key)?.ref as
        | TeamsConversationReference
        | undefined;
    },
  };
}
