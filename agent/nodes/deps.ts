// What the graph's nodes need: the tools, the two planners, an optional LLM composer, and limits.

import type { Plan, Planner } from '../../src/analysis/plan.js';
import type { ToolContext, ToolOutput } from '../../src/analysis/tools/types.js';
import type { Fact, Language } from '../../src/core/answer.js';
import type { Logger } from '../../src/core/logger.js';

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
  isGrounded(
    text: string,
    outputs: ToolOutput[],
    context: { question: string; plan: Plan; reference?: string },
  ): boolean;
}

/** A digest subscription as the agent shows it (src/digests' Subscription has this shape). */
export interface DigestSubscriptionView {
  id: string;
  target: string;
  cron: string;
  timezone: string;
  roiThreshold: number;
  category?: string;
}

/**
 * What the digest_admin intent needs from the digests service (src/digests/service.ts implements it; the app
 * passes it in). The asking conversation is the target: a chat sees and removes only its own digests.
 */
export interface DigestAdmin {
  add(input: { target: string; cron: string }): Promise<DigestSubscriptionView>;
  list(target?: string): Promise<DigestSubscriptionView[]>;
  remove(id: string, options?: { target?: string }): Promise<DigestSubscriptionView>;
  /** The next scheduled slot (ms since epoch), when the scheduler runs in this process. */
  nextRun(id: string): number | undefined;
}

export interface AgentDeps {
  tools: ToolContext;
  offline: Planner;
  llm?: { planner: Planner; composer?: LlmComposer; confidenceThreshold: number };
  logger: Logger;
  maxQuestionChars: number;
  /** Digest subscriptions; without it digest_admin answers that digests are not available. */
  digests?: DigestAdmin;
}
