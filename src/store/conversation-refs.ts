// Conversation references (what a platform needs to post into a conversation later) in the state store, so digests
// and alerts can post proactively after a restart. The platform's reference is an opaque JSON object here; Teams'
// ConversationRefStore port has this shape, so the app passes this store in (the store never imports an adapter).
import { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { createJsonCollection } from './json-collection.js';

const entrySchema = z.object({ key: z.string(), ref: z.record(z.string(), z.unknown()), at: z.string() });
const MAX_REFS = 50_000;

export interface StoredConversationRefs<Ref extends object> {
  /** Keeps (or replaces) the reference under `key`; skips the write when it is unchanged. */
  save(key: string, ref: Ref): Promise<void>;
  get(key: string): Promise<Ref | undefined>;
}

export function createStoredConversationRefs<Ref extends object>(
  stateDir: string,
  deps: { logger: Logger },
): StoredConversationRefs<Ref> {
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
      return collection.all().find((entry) => entry.key === key)?.ref as Ref | undefined;
    },
  };
}
