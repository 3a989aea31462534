// compose_answer: the Answer for this turn. No-data intents get a short text with example questions; data
// intents get the template answer, whose text and recommendations an LLM may rewrite when one planned the turn,
// provided every number it writes is grounded in the tool outputs.

import { tr } from '../../src/analysis/compose/i18n.js';
import { composeAnswer, simpleAnswer } from '../../src/analysis/compose/template-composer.js';
import type { Answer } from '../../src/core/answer.js';
import { AppError, ERROR_CODES, toAppError, userMessage } from '../../src/core/errors.js';
import { formatPercent } from '../../src/core/format.js';
import type { AgentStateType, AgentUpdate } from '../state.js';
import type { AgentDeps, DigestAdmin, DigestSubscriptionView } from './deps.js';

function noDataAnswer(state: AgentStateType): Answer | undefined {
  const plan = state.plan!;
  const language = plan.language;
  if (plan.clarification) return simpleAnswer(plan, plan.clarification, { planner: state.planner });
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
        tr(
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

function describeDigest(
  digest: DigestSubscriptionView,
  admin: DigestAdmin,
  language: Answer['language'],
): string {
  const next = admin.nextRun(digest.id);
  const when =
    next === undefined
      ? ''
      : tr(language, ', prochain envoi : ', ', next: ') +
        new Intl.DateTimeFormat(language === 'fr' ? 'fr-CH' : 'en-GB', {
          dateStyle: 'full',
          timeStyle: 'short',
          timeZone: digest.timezone,
        }).format(next);
  const threshold = formatPercent(digest.roiThreshold);
  const category = digest.category ? ` (${digest.category})` : '';
  return tr(
    language,
    `n° ${digest.id} : « ${digest.cron} » (${digest.timezone}), campagnes${category} sous un ROI de ${threshold}${when}`,
    `#${digest.id}: "${digest.cron}" (${digest.timezone}), campaigns${category} below ${threshold} ROI${when}`,
  );
}

/** digest_admin acts on the asking conversation's own subscriptions: add, list, remove. */
async function digestAdminAnswer(state: AgentStateType, admin: DigestAdmin): Promise<Answer> {
  const plan = state.plan!;
  const language = plan.language;
  const request = plan.digest ?? { action: 'list' as const };
  const target = state.conversation;
  const answer = (text: string, errorCode?: string) =>
    simpleAnswer(plan, text, {
      planner: state.planner,
      examples: false,
      ...(errorCode ? { errorCode } : {}),
    });
  try {
    if (request.action === 'add') {
      const added = await admin.add({ target, cron: request.cron ?? '0 9 * * 1' });
      return answer(
        tr(
          language,
          `C'est noté : digest ${describeDigest(added, admin, language)}, dans cette conversation. Pour l'arrêter : « arrête le digest ${added.id} ».`,
          `Done: digest ${describeDigest(added, admin, language)}, in this conversation. To stop it: "stop digest ${added.id}".`,
        ),
      );
    }
    if (request.action === 'remove') {
      const removed = await admin.remove(request.id ?? '', { target });
      return answer(tr(language, `Digest n° ${removed.id} arrêté.`, `Digest #${removed.id} stopped.`));
    }
    const mine = await admin.list(target);
    if (mine.length === 0)
      return answer(
        tr(
          language,
          'Aucun digest programmé dans cette conversation. Par exemple : « digest chaque lundi à 9h ».',
          'No digest is scheduled in this conversation. For example: "digest every Monday at 9am".',
        ),
      );
    const lines = mine.map((digest) => `• ${describeDigest(digest, admin, language)}`);
    return answer(
      `${tr(language, 'Digests de cette conversation :', 'Digests in this conversation:')}\n${lines.join('\n')}`,
    );
  } catch (error) {
    // An unknown digest id or a bad schedule: the hint alone is the clear message (the generic one speaks of KPIs).
    const appError = toAppError(error);
    const text =
      appError.code === 'INVALID_ARGUMENTS' && appError.hint ? appError.hint : userMessage(appError);
    return answer(text, appError.code);
  }
}

export function composeAnswerNode(deps: AgentDeps) {
  return async (state: AgentStateType): Promise<AgentUpdate> => {
    if (state.answer || !state.plan) return {};
    if (state.plan.intent === 'digest_admin' && !state.plan.clarification && deps.digests)
      return { answer: await digestAdminAnswer(state, deps.digests) };
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
