// aggregate_by_dimension's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { formatMetric } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { filtersText, num } from '../view-helpers.js';

export function aggregateView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const key = String(args.group_by ?? 'category');
  const isTime = key === 'day' || key === 'week' || key === 'month';
  const lines = output.rows
    .slice(0, 6)
    .map(
      (row) =>
        `${row[key]}${tr(language, ' :', ':')} ROI ${formatMetric('roi', num(row.roi), currency, language)}, ${tr(language, 'CA', 'revenue')} ${formatMetric('revenue', num(row.revenue), currency, language)}`,
    )
    .join(tr(language, ' ; ', '; '));
  return {
    headline: tr(
      language,
      `Performance par ${key === 'category' ? 'catégorie' : key === 'campaign_name' ? 'campagne' : key === 'day' ? 'jour' : key === 'week' ? 'semaine' : 'mois'}${filtersText(args, language)} : ${lines}.`,
      `Performance by ${key === 'campaign_name' ? 'campaign' : key}${filtersText(args, language)}: ${lines}.`,
    ),
    tableKeys: [key, 'mark_spent', 'revenue', 'roi', 'roas', 'ctr', 'cvr', 'cpl', 'cpa'],
    chart: {
      kind: isTime ? 'trend' : 'grouped',
      title: tr(language, 'Dépenses, CA et ROI', 'Spend, revenue and ROI'),
      alt: '',
      measure: isTime ? 'roi' : 'revenue',
      rows: output.rows,
    },
    followUps: [
      tr(language, 'Quelles campagnes sont sous-performantes ?', 'Which campaigns are underperforming?'),
      tr(language, 'Segmente les campagnes', 'Segment the campaigns'),
    ],
  };
}
