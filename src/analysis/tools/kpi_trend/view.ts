// kpi_trend's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { formatMetric, METRIC_INFO } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { capitalized, filtersText, metricOf, num } from '../view-helpers.js';

export function trendView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const metric = metricOf(args.metric);
  const values = output.rows.filter((row) => num(row.value) !== null);
  const best = [...values].sort((a, b) => (num(b.value) ?? 0) - (num(a.value) ?? 0))[0];
  const worst = [...values].sort((a, b) => (num(a.value) ?? 0) - (num(b.value) ?? 0))[0];
  const first = values[0];
  const last = values.at(-1);
  const fmt = (row: Row | undefined) => formatMetric(metric, num(row?.value), currency, language);
  return {
    headline: tr(
      language,
      `${capitalized(METRIC_INFO[metric].fr)}${filtersText(args, language)} : de ${fmt(first)} (${first?.period}) à ${fmt(last)} (${last?.period}) ; le plus haut ${fmt(best)} (${best?.period}), le plus bas ${fmt(worst)} (${worst?.period}).`,
      `${capitalized(METRIC_INFO[metric].en)}${filtersText(args, language)}: from ${fmt(first)} (${first?.period}) to ${fmt(last)} (${last?.period}); highest ${fmt(best)} (${best?.period}), lowest ${fmt(worst)} (${worst?.period}).`,
    ),
    // The metric's own column (same value as `value`) gets its label and format in every renderer.
    tableKeys: [...new Set(['period', metric, 'mark_spent', 'revenue'])],
    chart: {
      kind: 'trend',
      title: tr(language, `Évolution : ${METRIC_INFO[metric].fr}`, `Trend: ${METRIC_INFO[metric].en}`),
      alt: '',
      measure: 'value',
      rows: output.rows,
    },
    followUps: [tr(language, 'Analyse la performance par catégorie', 'Analyse performance by category')],
  };
}
