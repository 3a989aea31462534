// The LLM composer: at most one model call that writes the short business answer and 2–4 recommendations
// from the tool summaries. The reply comes back as a forced tool call (structured JSON that every
// OpenAI-compatible server supports, unlike response_format json_schema) and is validated with zod.
// The graph then runs the grounding check and falls back to the template composer if anything fails.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { type AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import type { Fact, Language } from '../../src/core/answer.js';
import { LlmUnavailableError } from './errors.js';
import { invokeWithDeadline } from './invoke.js';
import { composerSystemPrompt, composerUserPrompt } from './prompts.js';
import { toolSpec } from './tool-specs.js';

export interface ComposeInput {
  question: string;
  language: Language;
  /** One summary per executed tool (ToolOutput.summary): the only figures the model may use. */
  toolSummaries: string[];
  facts: Fact[];
}

export interface ComposedAnswer {
  text: string;
  recommendations: string[];
}

const WRITE_ANSWER = 'write_answer';
const DEFAULT_TIMEOUT_MS = 15_000;

export const composedAnswerSchema = z.object({
  text: z.string().trim().min(1).max(2000).describe('The short business answer'),
  recommendations: z
    .array(z.string().trim().min(1).max(400))
    .min(2)
    .max(6)
    .describe('2 to 4 concrete recommendations'),
});

const WRITE_ANSWER_SPEC = toolSpec(
  WRITE_ANSWER,
  'Return the answer and its recommendations.',
  composedAnswerSchema,
);

export async function composeWithLlm(
  model: BaseChatModel,
  input: ComposeInput,
  options: { timeoutMs?: number } = {},
): Promise<ComposedAnswer> {
  if (typeof model.bindTools !== 'function') {
    throw new LlmUnavailableError('unsupported', 'the chat model does not support tool calling');
  }
  const bound = model.bindTools([WRITE_ANSWER_SPEC], { tool_choice: WRITE_ANSWER });
  const messages = [
    new SystemMessage(composerSystemPrompt(input.language)),
    new HumanMessage(composerUserPrompt(input)),
  ];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const reply = (await invokeWithDeadline(bound, messages, timeoutMs, 'llm composer')) as AIMessage;
  const parsed = composedAnswerSchema.safeParse(payloadOf(reply));
  if (!parsed.success) {
    throw new LlmUnavailableError('invalid_response', `llm composer: ${parsed.error.issues[0]?.message}`);
  }
  // Up to 6 are tolerated from the model, 4 are kept: the answer format promises 2 to 4.
  return { text: parsed.data.text, recommendations: parsed.data.recommendations.slice(0, 4) };
}

/** The write_answer arguments, or a JSON object in the content from a server that ignored tool_choice. */
function payloadOf(reply: AIMessage): unknown {
  const call = (reply.tool_calls ?? []).find((candidate) => candidate.name === WRITE_ANSWER);
  if (call) return call.args;
  const content = typeof reply.content === 'string' ? reply.content : '';
  const json = content.match(/\{[\s\S]*\}/)?.[0];
  if (!json) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
