// route_intent: refuse what must not be processed (too long, empty), then let the offline NLU route and plan.
// It is deterministic and instant; plan_tools decides whether an LLM should take a second look.

import { simpleAnswer } from '../../src/analysis/compose/template-composer.js';
import type { Plan } from '../../src/analysis/plan.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import type { AgentStateType, AgentUpdate } from '../state.js';
import type { AgentDeps } from './deps.js';

const CONTEXT_FREE = new Set<Plan['intent']>(['out_of_scope', 'help']);

export function routeIntentNode(deps: AgentDeps) {
  return async (state: AgentStateType): Promise<AgentUpdate> => {
    // The plan of the previous turn in this thread (from the checkpoint) is what a follow-up builds on. A turn
    // that asked nothing of the data (« merci », a greeting, help) keeps the context before it, so « et pour
    // search ? » still works after it.
    const previous =
      state.plan && !CONTEXT_FREE.has(state.plan.intent)
        ? {
            intent: state.plan.intent,
            calls: state.plan.calls,
            language: state.plan.language,
            ...(state.plan.clarification && state.plan.options ? { options: state.plan.options } : {}),
            ...(state.leader ? { leader: state.leader } : {}),
          }
        : state.previous;
    const reset: AgentUpdate = {
      previous,
      leader: undefined,
      outputs: [],
      failures: [],
      answer: undefined,
      planner: 'offline',
    };
    const text = state.question.trim();
    if (text.length > deps.maxQuestionChars) {
      const plan: Plan = { intent: 'out_of_scope', language: 'fr', calls: [], confidence: 1 };
      return {
        ...reset,
        plan,
        answer: simpleAnswer(plan, ERROR_CODES.QUESTION_TOO_LONG, { errorCode: 'QUESTION_TOO_LONG' }),
      };
    }
    const catalog = await deps.tools.catalog.get();
    const plan = await deps.offline.plan({ text, previous, catalog });
    return { ...reset, plan };
  };
}
