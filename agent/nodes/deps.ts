// What the graph's nodes need: the tools, the two planners, an optional LLM composer, and limits.
import type { Fact, Language } from '../../src/core/answer.js';
import type { Logger } from '../../src/core/logger.js';
import type { Plan, Planner } from '../plan.js';
import type { ToolContext, ToolOutput } from '../tools/types.js';

export interface LlmComposer {
  /** One LLM call: a short answer and 2–4 recommendations written from the tool outputs. */
  compose(input: {
    question: string;
    language: Language;
    outputs: ToolOutput[];
    facts: Fact[];
  }): Promise<{ text: string; recommendations: string[] }>;
  /**
   * Every number of the text must appear in the outputs (or in the question / the plan's arguments);
   * otherwise the template answer is kept.
   */
  isGrounded(text: string, outputs: ToolOutput[], context: { question: string; plan: Plan }): boolean;
}

export interface AgentDeps {
  tools: ToolContext;
  offline: Planner;
  llm?: { planner: Planner; composer?: LlmComposer; confidenceThreshold: number };
  logger: Logger;
  maxQuestionChars: number;
}
