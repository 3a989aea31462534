// The plan: what a planner (the offline NLU or an LLM) decides to do with a question. One interface, two
// implementations; the graph validates every call with the tool's zod schema before anything runs.
import type { Intent, Language } from '../core/answer.js';
import type { Catalog } from '../warehouse/catalog.js';

export interface PlannedCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface Plan {
  intent: Intent;
  language: Language;
  /** One or two tool calls; none for help, out_of_scope and digest_admin. */
  calls: PlannedCall[];
  /** 0..1. The offline planner's own confidence: the LLM is consulted only below the threshold. */
  confidence: number;
  /** A question back to the user when the request is ambiguous or an argument is missing (nothing runs). */
  clarification?: string;
  /** With a clarification: 2–4 questions the user can pick as buttons, one per reading. */
  options?: string[];
  /** Words of the question the offline reading could not explain (the bot asks back rather than guess). */
  unexplained?: string[];
  /** For digest_admin: what the user asked to do with digests (the digests issue acts on it). */
  digest?: { action: 'add' | 'list' | 'remove'; cron?: string; id?: string };
}

/** What the previous turn in the same conversation planned, for follow-ups (« et pour search ? »). */
export interface PreviousTurn {
  intent: Intent;
  calls: PlannedCall[];
  /** When the previous turn asked back: the readings it offered (a short reply picks one). */
  options?: string[];
  /** The language the conversation was in: a short reply with no word of either (« only social ») keeps it. */
  language?: Language;
  /** The first member the previous answer showed (« le pire canal » → social): what « dans ce canal » names. */
  leader?: Leader;
}

export interface Leader {
  key: 'category' | 'campaign_name';
  member: string;
}

export interface PlannerInput {
  text: string;
  /** The conversation's previous plan, when there is one. */
  previous?: PreviousTurn;
  /** Campaign names, categories and the data's date range (relative dates count from `lastDay`). */
  catalog: Catalog;
}

export interface Planner {
  readonly name: 'offline' | 'llm';
  plan(input: PlannerInput): Promise<Plan>;
}
