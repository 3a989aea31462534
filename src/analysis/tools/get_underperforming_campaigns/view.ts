// get_underperforming_campaigns's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { formatMetric } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { filtersText, num } from '../view-helpers.js';

export function underperformingView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const threshold = formatMetric('roi', num(args.roi_threshold) ?? 0, currency, language);
  const spend = output.rows.reduce((sum, row) => sum + (num(row.mark_spent) ?? 0), 0);
  const list = output.rows
    .map((row) => `${row.campaign_name} (${formatMetric('roi', num(row.roi), currency, language)})`)
    .join(', ');
  const headline =
    output.rows.length === 0
      ? tr(
          language,
          `Aucune campagne n'a un ROI inférieur à ${threshold}${filtersText(args, language)}.`,
          `No campaign has an ROI below ${threshold}${filtersText(args, language)}.`,
        )
      : output.rows.length === 1
        ? tr(
            language,
            `Une campagne a un ROI inférieur à ${threshold}${filtersText(args, language)} : ${list}. Elle représente ${formatMetric('mark_spent', spend, currency, language)} de dépenses.`,
            `One campaign has an ROI below ${threshold}${filtersText(args, language)}: ${list}. It accounts for ${formatMetric('mark_spent', spend, currency, language)} of spend.`,
          )
        : tr(
            language,
            `${output.rows.length} campagnes ont un ROI inférieur à ${threshold}${filtersText(args, language)} : ${list}. Elles représentent ${formatMetric('mark_spent', spend, currency, language)} de dépenses.`,
            `${output.rows.length} campaigns have an ROI below ${threshold}${filtersText(args, language)}: ${list}. They account for ${formatMetric('mark_spent', spend, currency, language)} of spend.`,
          );
  return {
    headline,
    tableKeys: ['campaign_name', 'category', 'roi', 'mark_spent', 'revenue', 'cpl'],
    chart:
      output.rows.length > 0
        ? {
            kind: 'ranking',
            title: tr(language, 'ROI des campagnes sous-performantes', 'ROI of underperforming campaigns'),
            alt: '',
            measure: 'roi',
            rows: output.rows,
          }
        : undefined,
    followUps: [
      tr(
        language,
        'Simule −20 % de budget sur les campagnes social',
        'Simulate −20% budget on social campaigns',
      ),
      tr(language, 'Analyse la performance par catégorie', 'Analyse performance by category'),
    ],
  };
}
