// The Agent every surface talks to: a question in, an Answer out, never an exception. agent/ implements it with
// LangGraph; src/app wraps it in the question pipeline (rate limit → queue → agent → audit); adapters call it.
import type { Answer } from './answer.js';
import type { Question } from './question.js';

export interface Agent {
  ask(question: Question): Promise<Answer>;
  /** Waits until conversation memory is on disk (shutdown). */
  close?(): Promise<void>;
  /** The conversation ids it remembers (persisted memory only), least recent first. */
  conversations?(): string[];
}
