// Conversation references: `slack:<team>:<channel>[:<thread_ts>]`. The agent's memory is keyed by the full form,
// so one Slack thread is one conversation.
import { AppError } from '../../src/core/errors.js';

export interface SlackThread {
  team: string;
  channel: string;
  /** The thread to answer in; absent for a channel-level post (digests). */
  threadTs?: string;
}

export function conversationKey(thread: SlackThread & { threadTs: string }): string {
  return `slack:${thread.team}:${thread.channel}:${thread.threadTs}`;
}

const REF = /^slack:([A-Z0-9]+):([A-Z0-9]+)(?::(\d+\.\d+))?$/;

export function parseSlackRef(ref: string): SlackThread {
  const match = REF.exec(ref);
  if (!match) {
    throw new AppError('INVALID_ARGUMENTS', `not a Slack conversation reference: ${ref}`, {
      hint: 'Une cible Slack s’écrit « slack:<équipe>:<canal> » ou « slack:<équipe>:<canal>:<fil> ».',
    });
  }
  return { team: match[1]!, channel: match[2]!, ...(match[3] ? { threadTs: match[3] } : {}) };
}
