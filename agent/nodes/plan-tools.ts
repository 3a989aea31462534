// plan_tools: when the offline plan is not confident and an LLM is configured, ask the LLM (one call); if it
// fails or times out, keep the offline plan and say so discreetly. A broken LLM that answers (plain text, unknown
// tools, arguments that do not validate: a plan with a confidence under LLM_BROKEN) counts as a failure too
// when the offline plan is confident (calls, no question back, confidence ≥ OFFLINE_CONFIDENT): a question the
// offline planner reads well is never refused because the LLM misbehaved. Then validate every call with its tool's
// zod schema: invalid calls are dropped, never executed; if nothing valid is left, ask the user to rephrase.
import type { Plan } from '../../src/analysis/plan.js';
import { findTool } from '../../src/analysis/tools/registry.js';
import { askCriterion, rankedWithoutCriterion } from '../nlu/criterion.js';
import { questionFor } from '../nlu/rephrase.js';
import { withoutWord } from '../nlu/unexplained.js';
import type { AgentStateType, AgentUpdate } from '../state.js';
import type { AgentDeps } from './deps.js';

const NO_TOOL_INTENTS = new Set(['help', 'out_of_scope', 'digest_admin']);
/** An offline plan this sure (with calls, no question back) answers when the LLM fails. */
export const OFFLINE_CONFIDENT = 0.75;
/** An LLM plan below this is a failed reply (plain text 0.3, invalid calls 0.2, unknown tools). */
export const LLM_BROKEN = 0.5;

/**
 * Below this, an offline reading with calls is a guess (a ranking read from a metric word alone, a trend without a
 * metric): with no LLM configured to settle it, the bot asks back with the reading as a button rather than answer a
 * question that may not be the one asked (a wrong figure given with confidence is the worst failure).
 */
export const OFFLINE_GUESS = 0.75;

function askIfGuess(plan: Plan, question: string): Plan {
  if (plan.calls.length === 0 || plan.clarification || plan.confidence >= OFFLINE_GUESS) return plan;
  const en = plan.language === 'en';
  const other = en ? 'What can I ask?' : 'Que puis-je demander ?';
  const unexplained = plan.unexplained ?? [];
  // A ranking with no figure named: which criterion, one button each (not « did you mean by ROI? »).
  if (unexplained.length === 0 && rankedWithoutCriterion(question, plan)) return askCriterion(plan, question);
  // The reading said back: a preset's own question, else the question without the words it could not read
  // (it parses to the same reading by construction, so the button answers at once).
  const reading =
    questionFor(plan.calls[0]!, plan.language) ??
    (unexplained.length > 0 ? unexplained.reduce(withoutWord, question) : undefined);
  if (!reading) return plan;
  const words = unexplained.map((word) => (en ? `"${word}"` : `« ${word} »`)).join(', ');
  const clarification =
    unexplained.length > 0
      ? en
        ? `I do not know the word ${words} here, and I would rather ask than guess. Do you mean "${reading}"? Otherwise, rephrase with another word.`
        : `Je ne connais pas ${unexplained.length > 1 ? 'les mots' : 'le mot'} ${words} ici, et je préfère demander plutôt que deviner. Vous voulez dire « ${reading} » ? Sinon, reformulez avec un autre mot.`
      : en
        ? `I am not sure I understood. Do you mean "${reading}"?`
        : `Je ne suis pas sûr d'avoir compris. Vous voulez dire « ${reading} » ?`;
  return { ...plan, calls: [], clarification, options: [reading, other] };
}

/** The offline plan when the LLM could not settle it: a reading with a word it could not explain is asked back. */
function unlessUnexplained(offline: Plan, question: string): Plan {
  return offline.unexplained?.length ? askIfGuess(validated(offline), question) : validated(offline);
}

function confident(plan: Plan): boolean {
  return plan.calls.length > 0 && !plan.clarification && plan.confidence >= OFFLINE_CONFIDENT;
}

function validated(plan: Plan): Plan {
  const calls = plan.calls
    .filter((call) => findTool(call.tool)?.schema.safeParse(call.args).success === true)
    .slice(0, 2);
  if (calls.length > 0 || plan.calls.length === 0) return { ...plan, calls };
  return {
    ...plan,
    calls: [],
    clarification:
      plan.language === 'en'
        ? 'I could not read some parameters of the question. Could you rephrase it, e.g. "Top 5 campaigns by ROI"?'
        : 'Je n’ai pas pu lire certains paramètres de la question. Pouvez-vous la reformuler, par exemple « Top 5 des campagnes par ROI » ?',
  };
}

export function planToolsNode(deps: AgentDeps) {
  return async (state: AgentStateType): Promise<AgentUpdate> => {
    if (state.answer || !state.plan) return {};
    const offline = state.plan;
    const consultLlm =
      deps.llm !== undefined &&
      offline.confidence < deps.llm.confidenceThreshold &&
      // A question back about words the rules could not read (a period) is the LLM's to settle first.
      (!offline.clarification || (offline.unexplained?.length ?? 0) > 0);
    // Offline only: nobody else can settle a guess, so the bot asks back. With an LLM configured the LLM settles
    // it, and if the LLM fails the guess answers with a notice that the language model was not available.
    if (!deps.llm) return { plan: askIfGuess(validated(offline), state.question) };
    if (!consultLlm) return { plan: validated(offline) };
    try {
      const catalog = await deps.tools.catalog.get();
      const llmPlan = await deps.llm.planner.plan({
        text: state.question,
        previous: state.previous,
        catalog,
      });
      // An LLM that found nothing to do (no call, no question back) does not override the offline plan.
      if (llmPlan.confidence < LLM_BROKEN && confident(offline)) {
        deps.logger.warn(
          { llmConfidence: llmPlan.confidence, offlineConfidence: offline.confidence },
          'LLM planner gave an unusable plan; confident offline plan used',
        );
        return { plan: unlessUnexplained(offline, state.question), planner: 'offline_fallback' };
      }
      if (llmPlan.calls.length === 0 && !llmPlan.clarification && !NO_TOOL_INTENTS.has(llmPlan.intent))
        return { plan: unlessUnexplained(offline, state.question), planner: 'llm' };
      return { plan: validated({ ...llmPlan, language: offline.language }), planner: 'llm' };
    } catch (error) {
      deps.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'LLM planner failed; offline plan used',
      );
      return { plan: unlessUnexplained(offline, state.question), planner: 'offline_fallback' };
    }
  };
}
