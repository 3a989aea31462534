// The digest Answer, built from the same tools and template composer as a chat answer (so it renders with the
// same adapters and carries the same table, chart request and provenance), plus a « since last time » section.
import { composeAnswer } from '../analysis/compose/template-composer.js';
import type { Plan } from '../analysis/plan.js';
import { runTool } from '../analysis/tools/registry.js';
import type { ToolContext, ToolOutput } from '../analysis/tools/types.js';
import type { Answer, Block } from '../core/answer.js';
import { formatPoints } from '../core/format.js';
import { formatMetric } from '../core/metrics.js';
import type { Row } from '../core/rows.js';
import { type DigestChanges, detectChanges } from './changes.js';
import type { DigestRow, Subscription } from './model.js';

export interface DigestContent {
  answer: Answer;
  /** The listed campaigns, kept in the store as the next digest's comparison base. */
  rows: DigestRow[];
  changes: DigestChanges;
}

const MAX_LISTED = 50;

export const toDigestRow = (row: Row): DigestRow => ({
  campaign_name: String(row.campaign_name),
  category: String(row.category),
  roi: typeof row.roi === 'number' && Number.isFinite(row.roi) ? row.roi : null,
});

function changeLines(changes: DigestChanges, currency: string): string[] {
  const roi = (value: number | null) => formatMetric('roi', value, currency);
  if (!changes.compared)
    return ['Premier digest pour cet abonnement : les évolutions apparaîtront au prochain envoi.'];
  const lines = [
    ...changes.newEntries.map(
      (row) => `Nouvelle sous le seuil : ${row.campaign_name} (ROI ${roi(row.roi)}).`,
    ),
    ...changes.recoveries.map(
      (row) =>
        `Repassée au-dessus du seuil : ${row.campaign_name}${row.roi === null ? '' : ` (ROI ${roi(row.roi)})`}.`,
    ),
    ...changes.moves.map(
      (move) =>
        `${move.row.campaign_name} : ROI ${roi(move.previousRoi)} → ${roi(move.row.roi)} (${formatPoints(move.delta, 1)}).`,
    ),
  ];
  return lines.length > 0 ? lines : ['Aucun changement depuis le digest précédent.'];
}

/** Recommendations when nothing is below the threshold (the rule-based ones need rows to talk about). */
function allClearRecommendations(subscription: Subscription, currency: string): string[] {
  return [
    `Aucune campagne sous ${formatMetric('roi', subscription.roiThreshold, currency)} de ROI : conserver les budgets actuels et surveiller le prochain digest.`,
    'Tester une hausse progressive (10 à 20 %) du budget des campagnes au meilleur ROI, par exemple « Simule +20 % de budget ».',
  ];
}

/**
 * Runs get_underperforming_campaigns for the subscription (threshold, category) and composes the digest.
 * `previous` is the subscription's last posted rows; recoveries get their current ROI from rank_campaigns.
 */
export async function composeDigest(
  subscription: Subscription,
  previous: DigestRow[] | undefined,
  deps: { tools: ToolContext; now: number },
): Promise<DigestContent> {
  const args = {
    roi_threshold: subscription.roiThreshold,
    limit: MAX_LISTED,
    ...(subscription.category ? { category: subscription.category } : {}),
  };
  const outputs: ToolOutput[] = [await runTool('get_underperforming_campaigns', args, deps.tools)];
  const rows = outputs[0]!.rows.map(toDigestRow);
  const listed = new Set(rows.map((row) => row.campaign_name));
  let ranking: ToolOutput | undefined;
  if (previous?.some((row) => !listed.has(row.campaign_name))) {
    ranking = await runTool(
      'rank_campaigns',
      {
        metric: 'roi',
        direction: 'top',
        limit: MAX_LISTED,
        ...(subscription.category ? { category: subscription.category } : {}),
      },
      deps.tools,
    );
  }
  const roiNow = new Map(ranking?.rows.map((row) => [String(row.campaign_name), toDigestRow(row).roi]));
  const changes = detectChanges(previous, rows, (name) => roiNow.get(name) ?? null);
  const plan: Plan = {
    intent: 'diagnostic',
    language: 'fr',
    confidence: 1,
    calls: [{ tool: outputs[0]!.tool, args }],
  };
  const base = composeAnswer({
    plan,
    outputs,
    failures: [],
    currency: deps.tools.currency,
    planner: 'offline',
  });
  const day = new Intl.DateTimeFormat('fr-CH', { dateStyle: 'full', timeZone: subscription.timezone }).format(
    deps.now,
  );
  const title = `Digest n° ${subscription.id} du ${day}${subscription.category ? ` — catégorie ${subscription.category}` : ''}`;
  const since = changeLines(changes, deps.tools.currency);
  const text = [
    title,
    base.text,
    `Depuis le dernier digest :\n${since.map((line) => `• ${line}`).join('\n')}`,
  ].join('\n\n');
  const recommendations = (
    base.recommendations.length >= 2
      ? base.recommendations
      : allClearRecommendations(subscription, deps.tools.currency)
  ).slice(0, 4);
  const sinceBlock: Block = {
    type: 'facts',
    facts: since.map((line, index) => ({
      label: index === 0 ? 'Depuis le dernier digest' : '',
      value: line,
    })),
  };
  const [, ...rest] = base.blocks; // the first block is the template's text: replaced by the digest's
  return {
    answer: {
      ...base,
      text,
      recommendations,
      blocks: [{ type: 'text', text: `${title}\n\n${base.text}` }, sinceBlock, ...rest],
      provenance: [...base.provenance, ...(ranking ? [ranking.provenance] : [])],
    },
    rows,
    changes,
  };
}
