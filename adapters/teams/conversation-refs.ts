// Conversation references: what the Bot Framework needs to post into a conversation later (service URL, ids), kept
// when the bot is installed or spoken to, so digests and alerts can post proactively. The composition root backs
// the store with the state store; the in-memory one is for tests and local runs.
import type { ConversationReference } from '@microsoft/agents-activity';

export type TeamsConversationReference = Partial<ConversationReference>;

export interface ConversationRefStore {
  /** Keeps (or replaces) the reference under `key` (a `teams:<conversation id>` string). */
  save(key: string, ref: TeamsConversationReference): Promise<void>;
  get(key: string): Promise<TeamsConversationReference | undefined>;
}

/** The conversation key the agent's memory and the reference store share: `teams:<conversation id>`. */
export const teamsConversationKey = (conversationId: string): string => `teams:${conversationId}`;

/**
 * A channel thread's conversation id is `<channel id>;messageid=<root message id>`. Digests target the channel, so
 * a reference seen in a thread is also kept under the channel's own key (without the thread).
 */
export function channelConversationId(conversationId: string): string | undefined {
  const index = conversationId.indexOf(';messageid=');
  return index > 0 ? conversationId.slice(0, index) : undefined;
}

/** Two conversation keys name the same place (a channel and one of its threads count as the same). */
export function sameConversation(a: string, b: string): boolean {
  const base = (key: string) => channelConversationId(key) ?? key;
  return base(a) === base(b);
}

/** The keys a reference is saved under: its conversation and, for a channel thread, the channel itself. */
export function referenceEntries(ref: TeamsConversationReference): [string, TeamsConversationReference][] {
  const id = ref.conversation?.id;
  if (!id) return [];
  // activityId points at one message: a proactive post must not become a reply to it.
  const { activityId: _activityId, ...stable } = ref;
  const entries: [string, TeamsConversationReference][] = [[teamsConversationKey(id), stable]];
  const channel = channelConversationId(id);
  if (channel && ref.conversation) {
    entries.push([
      teamsConversationKey(channel),
      { ...stable, conversation: { ...ref.conversation, id: channel } },
    ]);
  }
  return entries;
}

/**
 * A stored reference as the Agents SDK reads it: references saved by the Bot Framework SDK (before the move) name the
 * bot `bot`, the Agents SDK names it `agent`.
 */
export function agentsReference(ref: TeamsConversationReference): ConversationReference {
  const legacy = ref as TeamsConversationReference & { bot?: ConversationReference['agent'] };
  const { bot, ...rest } = legacy;
  return { ...rest, agent: rest.agent ?? bot } as ConversationReference;
}

export function createMemoryConversationRefStore(
  maxEntries = 10_000,
): ConversationRefStore & { readonly size: number } {
  const refs = new Map<string, TeamsConversationReference>();
  return {
    async save(key, ref) {
      refs.delete(key);
      refs.set(key, structuredClone(ref));
      // Bounded: the oldest reference goes first (a Map keeps insertion order).
      for (const oldest of refs.keys()) {
        if (refs.size <= maxEntries) break;
        refs.delete(oldest);
      }
    },
    async get(key) {
      const ref = refs.get(key);
      return ref ? structuredClone(ref) : undefined;
    },
    get size() {
      return refs.size;
    },
  };
}
