// manage_digests: the digest_admin intent acts on the asking conversation's own subscriptions (add, list,
// remove) here, in its own node, and the answer carries the change as provenance (like a tool call), so the
// audit log records what was subscribed or stopped. compose_answer only ever composes.
import { simpleAnswer } from '../../src/analysis/compose/template-composer.js';
import { tr } from '../../src/analysis/i18n.js';
import type { Answer } from '../../src/core/answer.js';
import { toAppError, userMessage } from '../../src/core/errors.js';
import { formatPercent } from '../../src/core/format.js';
import type { Provenance } from '../../src/core/provenance.js';
import type { AgentStateType, AgentUpdate } from '../state.js';
import type { AgentDeps, DigestAdmin, DigestSubscriptionView } from './deps.js';

/** Whether this turn is a digest request the node can act on (a question back is composed as usual). */
export function isDigestRequest(state: AgentStateType, deps: AgentDeps): boolean {
  return Boolean(
    state.plan && state.plan.intent === 'digest_admin' && !state.plan.clarification && deps.digests,
  );
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
  const started = Date.now();
  const plan = state.plan!;
  const language = plan.language;
  const request = plan.digest ?? { action: 'list' as const };
  const target = state.conversation;
  let touched: DigestSubscriptionView[] = [];
  const answer = (text: string, errorCode?: string): Answer => {
    const provenance: Provenance = {
      tool: 'manage_digests',
      args: { ...request, target },
      rows: touched.map((digest) => ({ ...digest })),
      rowCount: touched.length,
      ms: Date.now() - started,
    };
    const composed = simpleAnswer(plan, text, {
      planner: state.planner,
      examples: false,
      ...(errorCode ? { errorCode } : {}),
    });
    return { ...composed, provenance: [provenance] };
  };
  try {
    if (request.action === 'add') {
      const added = await admin.add({ target, cron: request.cron ?? '0 9 * * 1' });
      touched = [added];
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
      touched = [removed];
      return answer(tr(language, `Digest n° ${removed.id} arrêté.`, `Digest #${removed.id} stopped.`));
    }
    const mine = await admin.list(target);
    touched = mine;
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

export function manageDigestsNode(deps: AgentDeps) {
  return async (state: AgentStateType): Promise<AgentUpdate> => {
    if (state.answer || !isDigestRequest(state, deps)) return {};
    return { answer: await digestAdminAnswer(state, deps.digests!) };
  };
}
