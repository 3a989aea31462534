// describe_campaign's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { formatMetric } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { filtersText, num } from '../view-helpers.js';

export function describeView(output: ToolOutput, language: Language, currency: string): ToolView {
  const row: Row = output.rows[0] ?? {};
  const scope = `${row.campaign_name} (${row.category})${filtersText({ ...output.provenance.args, campaign_name: undefined }, language)}`;
  const roi = formatMetric('roi', num(row.roi), currency, language);
  const revenue = formatMetric('revenue', num(row.revenue), currency, language);
  const spend = formatMetric('mark_spent', num(row.mark_spent), currency, language);
  return {
    headline: tr(
      language,
      `${scope} : ROI ${roi}, ${revenue} de chiffre d'affaires pour ${spend} de dépenses.`,
      `${scope}: ROI ${roi}, ${revenue} of revenue for ${spend} of spend.`,
    ),
    tableKeys: [],
    factKeys: ['mark_spent', 'revenue', 'roi', 'roas', 'ctr', 'cvr', 'cpl', 'cpa'],
    followUps: [
      tr(
        language,
        `Évolution du ROI de ${row.campaign_name} par jour`,
        `ROI trend of ${row.campaign_name} per day`,
      ),
      tr(language, 'Top 5 des campagnes par ROI', 'Top 5 campaigns by ROI'),
    ],
  };
}
