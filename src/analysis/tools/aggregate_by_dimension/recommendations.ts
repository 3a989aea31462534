// What aggregate_by_dimension's rows support as recommendations.
import type { Language } from '../../../core/answer.js';
import { formatMetric } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';
import { tr } from '../../i18n.js';
import { byRoi, campaignRules, finite as num } from '../campaign-rules.js';
import type { ToolOutput } from '../types.js';

export function groupRules(output: ToolOutput, language: Language, currency: string): string[] {
  const key = String(output.provenance.args.group_by ?? 'category');
  if (key === 'campaign_name') return campaignRules(output.rows, language, currency);
  const ranked = byRoi(output.rows);
  const best = ranked[0];
  const worst = ranked.at(-1);
  if (!best || !worst || best === worst) return [];
  const label = (row: Row) => String(row[key]);
  return [
    tr(
      language,
      `Renforcer ${label(best)} (ROI ${formatMetric('roi', num(best.roi), currency, language)}) : c'est là que chaque franc rapporte le plus.`,
      `Invest more in ${label(best)} (ROI ${formatMetric('roi', num(best.roi), currency, language)}): that is where each unit of spend returns most.`,
    ),
    tr(
      language,
      `Auditer ${label(worst)} (ROI ${formatMetric('roi', num(worst.roi), currency, language)}, ${formatMetric('mark_spent', num(worst.mark_spent), currency, language)} dépensés) campagne par campagne.`,
      `Audit ${label(worst)} (ROI ${formatMetric('roi', num(worst.roi), currency, language)}, ${formatMetric('mark_spent', num(worst.mark_spent), currency, language)} spent) campaign by campaign.`,
    ),
  ];
}
