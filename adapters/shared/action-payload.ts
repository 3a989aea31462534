// The payload a button carries back to the adapter: `{kind, value, answerId}` as JSON. Slack caps a button value
// at 2000 chars, so a long value (a follow-up question) is shortened rather than making the API reject the message.
import type { AnswerAction } from '../../src/core/answer.js';
import { truncate } from './truncate.js';

export interface ActionPayload {
  kind: AnswerAction['kind'];
  value: string;
  answerId?: string;
}

const KINDS: readonly string[] = ['ask', 'show_sql', 'feedback'];

export function encodeActionPayload(action: AnswerAction, answerId: string | undefined, max: number): string {
  const id = answerId === undefined ? undefined : truncate(answerId, 200);
  const encode = (value: string) => JSON.stringify({ kind: action.kind, value, answerId: id });
  let value = action.value;
  let json = encode(value);
  // JSON escaping can lengthen the text (quotes, control characters): shrink until the encoded form fits.
  while (json.length > max && value.length > 0) {
    value = truncate(value, Math.max(0, value.length - (json.length - max) - 1));
    json = encode(value);
  }
  return json;
}

/** For the adapters: the payload of a pressed button, or undefined when it is not one of ours. */
export function parseActionPayload(json: string): ActionPayload | undefined {
  try {
    const data: unknown = JSON.parse(json);
    if (typeof data !== 'object' || data === null) return undefined;
    const { kind, value, answerId } = data as Record<string, unknown>;
    if (typeof kind !== 'string' || !KINDS.includes(kind) || typeof value !== 'string') return undefined;
    return {
      kind: kind as ActionPayload['kind'],
      value,
      ...(typeof answerId === 'string' ? { answerId } : {}),
    };
  } catch {
    return undefined;
  }
}
