// A streamed answer in a Teams personal chat, through the Agents SDK's StreamingResponse: an informative update at
// once (Teams shows it in place of « … est en train d'écrire »), the composed text in a few chunks when an LLM wrote
// it, then the final message: the card, the sources as citations, the AI label, the native feedback loop. The SDK
// swallows send failures inside the stream; they are caught here so a card the connector never confirmed still ends
// the turn with PLATFORM_TIMEOUT (the user is told to look before asking again) and any other failure falls back to
// an ordinary message.
import { Activity } from '@microsoft/agents-activity';
import { StreamingResponseResult, type TurnContext } from '@microsoft/agents-hosting';
import type { Answer } from '../../src/core/answer.js';
import { isAppError } from '../../src/core/errors.js';
import { neutralizeLinks } from './markdown.js';

export interface StreamSettings {
  /** Pause the SDK keeps after each streamed send (Teams allows about one per second; tests use less). */
  delayMs?: number;
}

/** The informative update sent while the agent works. */
export function thinkingUpdate(question: string): string {
  const english =
    /\b(what|which|how|show|the|campaigns|revenue)\b/i.test(question) &&
    !/\b(quel(le)?s?|des|les|la|le|par|sur|campagnes)\b|[éèàùç]/i.test(question);
  return english
    ? 'Reading your question and querying the data…'
    : 'Je lis votre question et j’interroge les données…';
}

/** The text in a few chunks cut at sentence ends, so a long answer appears progressively. */
export function textChunks(text: string, maxChunks = 4): string[] {
  const sentences = text.match(/[^.!?\n]+[.!?\n]*\s*/g) ?? [text];
  const per = Math.max(1, Math.ceil(sentences.length / maxChunks));
  const chunks: string[] = [];
  for (let index = 0; index < sentences.length; index += per)
    chunks.push(sentences.slice(index, index + per).join(''));
  return chunks;
}

export interface FinalMessage {
  type: 'message';
  text?: string;
  attachments: unknown[];
  entities?: unknown[];
}

export interface StreamedReply {
  /** The id of the message Teams shows (the stream's), when known. */
  messageId?: string;
  streamed: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Streams one answer: `produce` runs the agent and builds the final message while the informative update shows.
 * Throws a PLATFORM_TIMEOUT when the final message timed out; `fallback` sends the message the ordinary way when
 * the stream failed otherwise (or the client refused streaming).
 */
export async function streamAnswer(
  turn: TurnContext,
  question: string,
  produce: () => Promise<{ answer: Answer; message: FinalMessage }>,
  settings: StreamSettings,
  fallback: (message: FinalMessage, answer: Answer) => Promise<string | undefined>,
): Promise<StreamedReply> {
  const stream = turn.streamingResponse;
  if (settings.delayMs !== undefined) stream.setDelayInMs(settings.delayMs);
  let finalError: unknown;
  turn.onSendActivities(async (_context, activities, next) => {
    try {
      return await next();
    } catch (error) {
      if (activities.some((activity) => activity.type === 'message')) finalError = error;
      throw error;
    }
  });
  stream.queueInformativeUpdate(thinkingUpdate(question));
  const { answer, message } = await produce();
  if (answer.planner === 'llm') {
    for (const chunk of textChunks(answer.text)) {
      stream.queueTextChunk(neutralizeLinks(chunk));
      await sleep(Math.min(settings.delayMs ?? 250, 250));
    }
  }
  const { attachments, ...rest } = message;
  stream.setFinalMessage(Activity.fromObject(rest));
  stream.setAttachments(attachments as never);
  stream.setFeedbackLoop(true);
  const result = await stream.endStream();
  if (result === StreamingResponseResult.Success && finalError === undefined) {
    return { messageId: stream.streamId, streamed: true };
  }
  // A card the connector never confirmed may have arrived: sending it again could answer twice.
  if (isAppError(finalError) && finalError.code === 'PLATFORM_TIMEOUT') throw finalError;
  return { messageId: await fallback(message, answer), streamed: false };
}
