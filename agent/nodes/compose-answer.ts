// compose_answer: the Answer for this turn. No-data intents get a short text with example questions; data
// intents get the template answer, whose text and recommendations an LLM may rewrite when one planned the turn,
// provided every number it writes is grounded in the tool outputs.

import { clarifyAnswer, composeAnswer, simpleAnswer } from '../../src/analysis/compose/template-composer.js';
import { tr } from '../../src/analysis/i18n.js';
import type { Answer } from '../../src/core/answer.js';
import { AppError, ERROR_CODES } from '../../src/core/errors.js';
import { SIGNALS } from '../nlu/intents.js';
import { prepare } from '../nlu/normalize.js';
import { THANKS_ONLY } from '../nlu/router.js';
import type { AgentStateType, AgentUpdate } from '../state.js';
import type { AgentDeps } from './deps.js';

function noDataAnswer(state: AgentStateType): Answer | undefined {
  const plan = state.plan!;
  const language = plan.language;
  // A question back: intent `clarify`, its options as buttons (or, without options, example questions).
  if (plan.clarification)
    return plan.options?.length
      ? clarifyAnswer(plan, plan.clarification, state.planner)
      : { ...simpleAnswer(plan, plan.clarification, { planner: state.planner }), intent: 'clarify' };
  switch (plan.intent) {
    case 'help':
      return simpleAnswer(
        plan,
        tr(
          language,
          "J'analyse vos campagnes marketing : classements par KPI (ROI, CPL, CTR…), campagnes sous-performantes, performance par catégorie ou par période, simulations de budget et segments de campagnes. Par exemple :",
          'I analyse your marketing campaigns: rankings by KPI (ROI, CPL, CTR…), underperforming campaigns, performance by category or period, budget simulations and campaign segments. For example:',
        ),
        { planner: state.planner },
      );
    case 'out_of_scope':
      return simpleAnswer(
        plan,
        THANKS_ONLY.test(prepare(state.question))
          ? tr(
              language,
              'Avec plaisir ! Une autre question ? Par exemple :',
              'You are welcome! Anything else? For example:',
            )
          : // « mets en pause X maintenant »: the bot reads an export; it cannot act in the ad platform.
            SIGNALS.platformAction.test(prepare(state.question))
            ? tr(
                language,
                'Je ne peux pas agir sur les campagnes (les mettre en pause, changer un budget) : je lis seulement vos données. Je peux en revanche vous montrer les chiffres, par exemple :',
                'I cannot act on your campaigns (pause them, change a budget): I only read your data. I can show you the figures, for example:',
              )
            : tr(
                language,
                'Je ne peux répondre qu’à des questions sur la performance de vos campagnes marketing. Essayez par exemple :',
                'I can only answer questions about your marketing campaigns’ performance. Try for example:',
              ),
        { planner: state.planner },
      );
    case 'digest_admin':
      return simpleAnswer(
        plan,
        `${ERROR_CODES.NOT_IMPLEMENTED} ${tr(language, 'Les digests programmés arrivent bientôt.', 'Scheduled digests are coming soon.')}`,
        {
          planner: state.planner,
          errorCode: 'NOT_IMPLEMENTED',
        },
      );
    default:
      return undefined;
  }
}

export function composeAnswerNode(deps: AgentDeps) {
  return async (state: AgentStateType): Promise<AgentUpdate> => {
    if (state.answer || !state.plan) return {};
    const canned = noDataAnswer(state);
    if (canned) return { answer: canned };
    const failures = state.failures.map(
      (failure) => new AppError(failure.code, failure.tool, { hint: failure.hint }),
    );
    let answer = composeAnswer({
      plan: state.plan,
      outputs: state.outputs,
      failures,
      currency: deps.tools.currency,
      planner: state.planner,
      dataRange: await deps.tools.catalog.get(),
    });
    const composer = deps.llm?.composer;
    if (state.planner === 'llm' && composer && state.outputs.length > 0 && failures.length === 0) {
      try {
        const facts = answer.blocks.flatMap((block) => (block.type === 'facts' ? block.facts : []));
        const written = await composer.compose({
          question: state.question,
          language: answer.language,
          outputs: state.outputs,
          facts,
        });
        const grounded = composer.isGrounded(
          [written.text, ...written.recommendations].join('\n'),
          state.outputs,
          {
            question: state.question,
            plan: state.plan,
            // The template answer is computed from the same outputs (totals, thresholds): its figures count too,
            // read like a tool summary (with their signs and the campaign they stand next to).
            reference: [answer.text, ...answer.recommendations].join('\n'),
          },
        );
        if (grounded && written.recommendations.length >= 2) {
          answer = {
            ...answer,
            text: written.text,
            recommendations: written.recommendations.slice(0, 4),
            blocks: answer.blocks.map((block, index) =>
              index === 0 && block.type === 'text' ? { ...block, text: written.text } : block,
            ),
          };
        } else {
          deps.logger.info('LLM answer not grounded in the tool results; template answer kept');
        }
      } catch (error) {
        deps.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'LLM composer failed; template answer kept',
        );
      }
    }
    if (state.planner === 'offline_fallback') {
      answer = {
        ...answer,
        blocks: [
          ...answer.blocks.slice(0, -1),
          {
            type: 'notice',
            level: 'info',
            text: tr(
              answer.language,
              'Réponse calculée sans le modèle de langage (indisponible).',
              'Answered without the language model (unavailable).',
            ),
          },
          ...answer.blocks.slice(-1),
        ],
      };
    }
    return { answer };
  };
}
