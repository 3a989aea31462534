// "Never throws", once: the Answer every layer returns instead of an exception (the graph, the question pipeline,
// the adapters' last guard) and the plain text answers built on it. A user sees a short French message and a code,
// never a stack trace.
import type { Answer, AnswerIntent, Language } from './answer.js';
import { userMessage } from './errors.js';

export interface TextAnswerOptions {
  intent?: AnswerIntent;
  language?: Language;
  planner?: Answer['planner'];
  errorCode?: string;
}

/** An answer that is only text (a refusal, a notice, a question back): no data, no chart, no buttons. */
export function textAnswer(text: string, options: TextAnswerOptions = {}): Answer {
  return {
    language: options.language ?? 'fr',
    intent: options.intent ?? 'out_of_scope',
    text,
    recommendations: [],
    blocks: [{ type: 'text', text }],
    charts: [],
    provenance: [],
    followUps: [],
    planner: options.planner ?? 'offline',
    ...(options.errorCode ? { errorCode: options.errorCode } : {}),
  };
}

/** The answer for a failure: its French message (userMessage) and a code (INTERNAL unless told otherwise). */
export function errorAnswer(error: unknown, code = 'INTERNAL'): Answer {
  return textAnswer(userMessage(error), { errorCode: code });
}
