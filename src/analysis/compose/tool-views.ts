// What the template composer says about each tool's result: a headline with the key figures, which columns the
// table shows, which chart to draw, and the natural next questions. Figures come from the rows only.
import type { ChartRequest, Language } from '../../core/answer.js';
import { formatMetric, METRIC_INFO, METRICS, type Metric } from '../../core/metrics.js';
import type { Row } from '../../core/rows.js';
import type { ToolOutput } from '../tools/types.js';
import { tr } from './i18n.js';

export interface ToolView {
  headline: string;
  tableKeys: string[];
  chart?: Omit<ChartRequest, 'id'>;
  followUps: string[];
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const metricOf = (value: unknown): Metric => (METRICS.includes(value as Metric) ? (value as Metric) : 'roi');

function filtersText(args: Record<string, unknown>, language: Language): string {
  const parts: string[] = [];
  if (typeof args.category === 'string' && args.category !== 'all')
    parts.push(tr(language, `catégorie ${args.category}`, `category ${args.category}`));
  if (typeof args.campaign_name === 'string') parts.push(String(args.campaign_name));
  if (args.date_from && args.date_to)
    parts.push(
      tr(language, `du ${args.date_from} au ${args.date_to}`, `from ${args.date_from} to ${args.date_to}`),
    );
  else if (args.date_from) parts.push(tr(language, `depuis le ${args.date_from}`, `since ${args.date_from}`));
  else if (args.date_to) parts.push(tr(language, `jusqu'au ${args.date_to}`, `until ${args.date_to}`));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function rankingView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const metric = metricOf(args.metric);
  const label = METRIC_INFO[metric][language];
  const top = args.direction !== 'bottom';
  const list = output.rows
    .slice(0, 5)
    .map((row) => `${row.campaign_name} ${formatMetric(metric, num(row[metric]), currency)}`)
    .join(', ');
  return {
    headline: tr(
      language,
      `${top ? 'Les' : 'Les'} ${output.rows.length} campagne(s) ${top ? 'au plus haut' : 'au plus bas'} ${label}${filtersText(args, language)} : ${list}.`,
      `The ${output.rows.length} campaign(s) with the ${top ? 'highest' : 'lowest'} ${label}${filtersText(args, language)}: ${list}.`,
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

function underperformingView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const threshold = formatMetric('roi', num(args.roi_threshold) ?? 0, currency);
  const spend = output.rows.reduce((sum, row) => sum + (num(row.mark_spent) ?? 0), 0);
  const list = output.rows
    .map((row) => `${row.campaign_name} (${formatMetric('roi', num(row.roi), currency)})`)
    .join(', ');
  const headline =
    output.rows.length === 0
      ? tr(
          language,
          `Aucune campagne n'a un ROI inférieur à ${threshold}${filtersText(args, language)}.`,
          `No campaign has an ROI below ${threshold}${filtersText(args, language)}.`,
        )
      : tr(
          language,
          `${output.rows.length} campagne(s) ont un ROI inférieur à ${threshold}${filtersText(args, language)} : ${list}. Elles représentent ${formatMetric('mark_spent', spend, currency)} de dépenses.`,
          `${output.rows.length} campaign(s) have an ROI below ${threshold}${filtersText(args, language)}: ${list}. They account for ${formatMetric('mark_spent', spend, currency)} of spend.`,
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

function aggregateView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const key = String(args.group_by ?? 'category');
  const isTime = key === 'day' || key === 'week' || key === 'month';
  const lines = output.rows
    .slice(0, 6)
    .map(
      (row) =>
        `${row[key]} : ROI ${formatMetric('roi', num(row.roi), currency)}, ${tr(language, 'CA', 'revenue')} ${formatMetric('revenue', num(row.revenue), currency)}`,
    )
    .join(' ; ');
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

function describeView(output: ToolOutput, language: Language, currency: string): ToolView {
  const row: Row = output.rows[0] ?? {};
  const scope = `${row.campaign_name} (${row.category})${filtersText({ ...output.provenance.args, campaign_name: undefined }, language)}`;
  const roi = formatMetric('roi', num(row.roi), currency);
  const revenue = formatMetric('revenue', num(row.revenue), currency);
  const spend = formatMetric('mark_spent', num(row.mark_spent), currency);
  return {
    headline: tr(
      language,
      `${scope} : ROI ${roi}, ${revenue} de chiffre d'affaires pour ${spend} de dépenses.`,
      `${scope}: ROI ${roi}, ${revenue} of revenue for ${spend} of spend.`,
    ),
    tableKeys: [],
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

function trendView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const metric = metricOf(args.metric);
  const values = output.rows.filter((row) => num(row.value) !== null);
  const best = [...values].sort((a, b) => (num(b.value) ?? 0) - (num(a.value) ?? 0))[0];
  const worst = [...values].sort((a, b) => (num(a.value) ?? 0) - (num(b.value) ?? 0))[0];
  const first = values[0];
  const last = values.at(-1);
  const fmt = (row: Row | undefined) => formatMetric(metric, num(row?.value), currency);
  return {
    headline: tr(
      language,
      `${METRIC_INFO[metric].fr}${filtersText(args, language)} : de ${fmt(first)} (${first?.period}) à ${fmt(last)} (${last?.period}) ; le plus haut ${fmt(best)} (${best?.period}), le plus bas ${fmt(worst)} (${worst?.period}).`,
      `${METRIC_INFO[metric].en}${filtersText(args, language)}: from ${fmt(first)} (${first?.period}) to ${fmt(last)} (${last?.period}); highest ${fmt(best)} (${best?.period}), lowest ${fmt(worst)} (${worst?.period}).`,
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

function simulationView(output: ToolOutput, language: Language): ToolView {
  const row = output.rows[0] ?? {};
  const pct = num(row.budget_increase_pct) ?? 0;
  return {
    headline: output.summary.split('\n').slice(0, 7).join('\n'),
    tableKeys: [],
    chart: {
      kind: 'simulation',
      title: tr(language, 'CA actuel et simulé', 'Current and simulated revenue'),
      alt: '',
      measure: 'simulated_revenue',
      rows: output.rows,
    },
    followUps: [
      tr(
        language,
        `Simule ${pct >= 0 ? '+' : ''}${pct + 10} % de budget${row.category && row.category !== 'all' ? ` sur ${row.category}` : ''}`,
        `Simulate ${pct >= 0 ? '+' : ''}${pct + 10}% budget${row.category && row.category !== 'all' ? ` on ${row.category}` : ''}`,
      ),
      tr(language, 'Quelles campagnes sont sous-performantes ?', 'Which campaigns are underperforming?'),
    ],
  };
}

function segmentationView(output: ToolOutput, language: Language): ToolView {
  return {
    headline: output.summary,
    tableKeys: ['campaign_name', 'segment', 'roi', 'ctr', 'cvr', 'cpl', 'spend_share'],
    chart: {
      kind: 'clusters',
      title: tr(language, 'Segments : ROI et CA par campagne', 'Segments: ROI and revenue by campaign'),
      alt: '',
      measure: 'roi',
      rows: output.rows,
    },
    followUps: [
      tr(language, 'Quelles campagnes sont sous-performantes ?', 'Which campaigns are underperforming?'),
    ],
  };
}

function predictionView(output: ToolOutput, language: Language): ToolView {
  return {
    headline: output.summary,
    tableKeys: [],
    followUps: [tr(language, 'Simule +20 % de budget', 'Simulate +20% budget')],
  };
}

export function viewOf(output: ToolOutput, language: Language, currency: string): ToolView {
  switch (output.tool) {
    case 'rank_campaigns':
      return rankingView(output, language, currency);
    case 'get_underperforming_campaigns':
      return underperformingView(output, language, currency);
    case 'aggregate_by_dimension':
      return aggregateView(output, language, currency);
    case 'describe_campaign':
      return describeView(output, language, currency);
    case 'kpi_trend':
      return trendView(output, language, currency);
    case 'simulate_budget':
      return simulationView(output, language);
    case 'segment_campaigns':
      return segmentationView(output, language);
    default:
      return predictionView(output, language);
  }
}
