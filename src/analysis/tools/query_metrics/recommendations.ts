// What query_metrics' rows support: the campaign rules on a breakdown by campaign, the group rules on a breakdown
// by category, nothing on a single figure or a comparison (no filler: advice must rest on the figures shown).
import type { Language } from '../../../core/answer.js';
import { groupRules } from '../aggregate_by_dimension/recommendations.js';
import { campaignRules } from '../campaign-rules.js';
import type { ToolOutput } from '../types.js';

export function queryMetricsRecommendations(
  output: ToolOutput,
  language: Language,
  currency: string,
): string[] {
  const groups = Array.isArray(output.provenance.args.group_by) ? output.provenance.args.group_by : [];
  const rows = output.rows.filter((row) => !row.is_total && !row.compared_period);
  if (
    groups.length !== 1 ||
    output.provenance.args.grain ||
    rows.length < 2 ||
    !rows.some((row) => 'roi' in row)
  )
    return [];
  if (groups[0] === 'campaign_name') return campaignRules(rows, language, currency);
  if (groups[0] === 'category')
    return groupRules(
      { ...output, rows, provenance: { ...output.provenance, args: { group_by: 'category' } } },
      language,
      currency,
    );
  return [];
}
