// rank_campaigns's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { formatMetric, METRIC_INFO } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { extremeText, filtersText, metricOf, num } from '../view-helpers.js';

export function rankingView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const metric = metricOf(args.metric);
  const label = METRIC_INFO[metric][language];
  const top = args.direction !== 'bottom';
  const list = output.rows
    .slice(0, 5)
    .map((row) => `${row.campaign_name} ${formatMetric(metric, num(row[metric]), currency, language)}`)
    .join(', ');
  return {
    headline:
      output.rows.length === 1
        ? tr(
            language,
            `La campagne ${extremeText(metric, top, language)}${filtersText(args, language)} : ${list}.`,
            `The campaign ${extremeText(metric, top, language)}${filtersText(args, language)}: ${list}.`,
          )
        : tr(
            language,
            `Les ${output.rows.length} campagnes ${extremeText(metric, top, language)}${filtersText(args, language)} : ${list}.`,
            `The ${output.rows.length} campaigns ${extremeText(metric, top, language)}${filtersText(args, language)}: ${list}.`,
          ),
    tableKeys: [
      'campaign_name',
      'category',
      metric,
      ...(metric === 'roi' ? ['mark_spent', 'revenue'] : ['roi']),
    ],
    chart: {
      kind: 'ranking',
      title: tr(language, `${label} par campagne`, `${label} by campaign`),
      alt: '',
      measure: metric,
      rows: output.rows,
    },
    followUps: [
      tr(
        language,
        `Top 10 des campagnes par ${METRIC_INFO[metric].fr}`,
        `Top 10 campaigns by ${METRIC_INFO[metric].en}`,
      ),
      tr(language, 'Quelles campagnes sont sous-performantes ?', 'Which campaigns are underperforming?'),
    ],
  };
}
