// explain_change's view: the KPI in each period, the change, and the members that drove it, largest first, each
// with its own before/after figure; the contributions as a chart.
import type { Language, TableColumn } from '../../../core/answer.js';
import { tableColumn } from '../../../core/columns.js';
import { formatPoints } from '../../../core/format.js';
import { formatMetric, METRIC_INFO, type Metric } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import { periodText, scopeText } from '../query_metrics/view.js';
import type { ToolOutput, ToolView } from '../types.js';
import { capitalized, num } from '../view-helpers.js';

/** A change, signed: in points for a rate (« +0,30 pts », not a percent of a percent), else in the KPI's unit. */
const signed = (metric: Metric, value: number | null, currency: string, language: Language) => {
  if (value === null) return '–';
  if (METRIC_INFO[metric].unit === 'percent') return formatPoints(value, metric === 'roi' ? 1 : 2, language);
  return `${value > 0 ? '+' : ''}${formatMetric(metric, value, currency, language).replace(/^\+/, '')}`;
};

export function explainChangeView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const metric = (args.metric ?? 'roi') as Metric;
  const before = (args.before ?? {}) as { date_from?: string; date_to?: string };
  const after = (args.after ?? {}) as { date_from?: string; date_to?: string };
  const total = output.rows.find((row) => row.is_total) ?? {};
  const drivers = output.rows.filter((row) => !row.is_total).slice(0, Number(args.limit ?? 3));
  const label = METRIC_INFO[metric][language];
  const Label = capitalized(label);
  const scope = scopeText({ ...args, date_from: undefined, date_to: undefined }, language).replace(
    /, [^,]*$/,
    '',
  );
  const from = num(total.before);
  const to = num(total.after);
  const change = from !== null && to !== null ? to - from : null;
  const driverText = drivers
    .map(
      (row) =>
        `${row.member} (${signed(metric, num(row.contribution), currency, language)} ; ${tr(language, 'de', 'from')} ${formatMetric(metric, num(row.before), currency, language)} ${tr(language, 'à', 'to')} ${formatMetric(metric, num(row.after), currency, language)})`,
    )
    .join(', ');
  // « pourquoi le CPA a grimpé ? » when it fell: say so first — the figures then answer the real movement.
  const contradicted =
    change !== null &&
    change !== 0 &&
    ((args.assumed_direction === 'up' && change < 0) || (args.assumed_direction === 'down' && change > 0));
  const correction = contradicted
    ? tr(
        language,
        `Contrairement à ce que suppose la question, la valeur a ${change! < 0 ? 'baissé' : 'augmenté'} (${signed(metric, change, currency, language)}). `,
        `Contrary to what the question assumes, ${label} went ${change! < 0 ? 'down' : 'up'} (${signed(metric, change, currency, language)}). `,
      )
    : '';
  const headline =
    correction +
    tr(
      language,
      `${Label} (${scope}) : ${formatMetric(metric, from, currency, language)} ${periodText(before.date_from, before.date_to, language)}, ${formatMetric(metric, to, currency, language)} ${periodText(after.date_from, after.date_to, language)}, soit ${signed(metric, change, currency, language)}. Principaux facteurs : ${driverText || '–'}.`,
      `${Label} (${scope}): ${formatMetric(metric, from, currency, language)} ${periodText(before.date_from, before.date_to, language)}, ${formatMetric(metric, to, currency, language)} ${periodText(after.date_from, after.date_to, language)}, a change of ${signed(metric, change, currency, language)}. Main drivers: ${driverText || '–'}.`,
    );
  const format = tableColumn(metric, language).format;
  const deltaFormat = METRIC_INFO[metric].unit === 'percent' ? 'delta_points' : format;
  const column = (key: string, fr: string, en: string, delta = false): TableColumn => ({
    key,
    label: tr(language, fr, en),
    format: delta ? deltaFormat : format,
  });
  return {
    headline,
    tableKeys: [
      {
        key: 'member',
        label: tableColumn(String(args.by ?? 'campaign_name'), language).label,
        format: 'text',
      },
      column('before', 'Avant', 'Before'),
      column('after', 'Après', 'After'),
      column('contribution', 'Contribution', 'Contribution', true),
      column('rate_effect', 'Effet taux', 'Rate effect', true),
      column('mix_effect', 'Effet mix', 'Mix effect', true),
    ],
    chart: {
      kind: 'ranking',
      title: tr(language, `Contributions au changement : ${label}`, `Contributions to the change: ${label}`),
      alt: '',
      measure: 'contribution',
      rows: drivers.map((row) => ({
        campaign_name: String(row.member),
        contribution: num(row.contribution),
      })),
    },
    followUps: [
      tr(
        language,
        `Classement des campagnes par ${METRIC_INFO[metric].fr}`,
        `Campaigns ranked by ${METRIC_INFO[metric].en}`,
      ),
    ],
  };
}
