// Alt text: what the chart shows in one or two sentences, with its key figures, for screen readers and for
// platforms that show the text instead of the image (the composer's own `alt` only names the chart).
import type { ChartRequest } from '../src/core/answer.js';
import { METRIC_INFO, METRICS, type Metric } from '../src/core/metrics.js';
import type { Row } from '../src/core/rows.js';
import {
  type ChartContext,
  formatValue,
  groupKey,
  measureColumn,
  num,
  timeKey,
  tr,
  valueFormat,
} from './values.js';

/** How many items an alt text lists before « et N autres ». */
const MAX_LISTED = 10;

function metricName(column: string, context: ChartContext): string {
  return (METRICS as readonly string[]).includes(column)
    ? METRIC_INFO[column as Metric][context.language]
    : column;
}

function listed(items: string[], context: ChartContext, separator = ', '): string {
  if (items.length <= MAX_LISTED) return items.join(separator);
  const more = items.length - MAX_LISTED;
  return `${items.slice(0, MAX_LISTED).join(separator)}${tr(context.language, ` et ${more} ${more > 1 ? 'autres' : 'autre'}`, ` and ${more} more`)}`;
}

function rankingAlt(request: ChartRequest, context: ChartContext): string {
  const column = measureColumn(request);
  const format = valueFormat(column);
  const items = request.rows.map(
    (row) =>
      `${row.campaign_name ?? row.category} ${formatValue(format, row[request.measure], context.currency)}`,
  );
  const [first, ...rest] = items;
  const head = tr(
    context.language,
    `Classement de ${items.length} ${items.length > 1 ? 'campagnes' : 'campagne'} par ${metricName(column, context)} : ${first} en tête`,
    `Ranking of ${items.length} ${items.length > 1 ? 'campaigns' : 'campaign'} by ${metricName(column, context)}: ${first} first`,
  );
  return rest.length === 0 ? `${head}.` : `${head}, ${listed(rest, context)}.`;
}

function groupedAlt(request: ChartRequest, context: ChartContext): string {
  const key = groupKey(request.rows);
  const money = (value: unknown) => formatValue('money', value, context.currency);
  const items = request.rows.map((row) =>
    tr(
      context.language,
      `${row[key]} ${money(row.revenue)} de CA pour ${money(row.mark_spent)} de dépenses (ROI ${formatValue('signed_percent', row.roi, context.currency)})`,
      `${row[key]} ${money(row.revenue)} revenue for ${money(row.mark_spent)} spend (ROI ${formatValue('signed_percent', row.roi, context.currency)})`,
    ),
  );
  const by =
    key === 'category'
      ? tr(context.language, 'catégorie', 'category')
      : tr(context.language, 'campagne', 'campaign');
  return (
    tr(context.language, `Dépenses et CA par ${by} : `, `Spend and revenue by ${by}: `) +
    `${listed(items, context, ' ; ')}.`
  );
}

function trendAlt(request: ChartRequest, context: ChartContext): string {
  const key = timeKey(request.rows);
  const column = measureColumn(request);
  const format = valueFormat(column);
  const points = request.rows.filter((row) => num(row[request.measure]) !== null);
  const fmt = (row: Row | undefined) => formatValue(format, row?.[request.measure], context.currency);
  const value = (row: Row) => num(row[request.measure]) ?? 0;
  const best = points.reduce<Row | undefined>(
    (top, row) => (!top || value(row) > value(top) ? row : top),
    undefined,
  );
  const worst = points.reduce<Row | undefined>(
    (low, row) => (!low || value(row) < value(low) ? row : low),
    undefined,
  );
  const first = points[0];
  const last = points.at(-1);
  return tr(
    context.language,
    `Évolution du ${metricName(column, context)}, ${points.length} ${points.length > 1 ? 'points' : 'point'} du ${first?.[key]} au ${last?.[key]} : de ${fmt(first)} à ${fmt(last)} ; le plus haut ${fmt(best)} (${best?.[key]}), le plus bas ${fmt(worst)} (${worst?.[key]}).`,
    `${metricName(column, context)} over time, ${points.length} ${points.length > 1 ? 'points' : 'point'} from ${first?.[key]} to ${last?.[key]}: from ${fmt(first)} to ${fmt(last)}; highest ${fmt(best)} (${best?.[key]}), lowest ${fmt(worst)} (${worst?.[key]}).`,
  );
}

function simulationAlt(request: ChartRequest, context: ChartContext): string {
  const row = request.rows[0] ?? {};
  const money = (value: unknown) => formatValue('money', value, context.currency);
  const pct = formatValue('signed_points', row.budget_increase_pct, context.currency);
  const scope = typeof row.category === 'string' && row.category !== 'all' ? ` (${row.category})` : '';
  return tr(
    context.language,
    `Simulation ${pct} de budget${scope} : CA actuel ${money(row.current_revenue)}, CA simulé ${money(row.simulated_revenue)} (intervalle ${money(row.simulated_revenue_low)} à ${money(row.simulated_revenue_high)}), budget de ${money(row.current_budget)} à ${money(row.simulated_budget)}.`,
    `Simulation of ${pct} budget${scope}: current revenue ${money(row.current_revenue)}, simulated revenue ${money(row.simulated_revenue)} (interval ${money(row.simulated_revenue_low)} to ${money(row.simulated_revenue_high)}), budget from ${money(row.current_budget)} to ${money(row.simulated_budget)}.`,
  );
}

function clustersAlt(request: ChartRequest, context: ChartContext): string {
  const bySegment = new Map<string, string[]>();
  for (const row of request.rows) {
    const segment = String(row.segment ?? '–');
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), String(row.campaign_name)]);
  }
  const items = [...bySegment].map(
    ([segment, names]) => `${segment} (${names.length}) : ${listed(names, context)}`,
  );
  return tr(
    context.language,
    `ROI et CA de ${request.rows.length} campagnes en ${bySegment.size} ${bySegment.size > 1 ? 'segments' : 'segment'} : ${items.join(' ; ')}.`,
    `ROI and revenue of ${request.rows.length} campaigns in ${bySegment.size} ${bySegment.size > 1 ? 'segments' : 'segment'}: ${items.join('; ')}.`,
  );
}

/** A description of the chart with its key figures, in the answer's language and fr-CH number format. */
export function altText(request: ChartRequest, context: ChartContext): string {
  if (request.rows.length === 0)
    return tr(context.language, `${request.title} : aucune donnée.`, `${request.title}: no data.`);
  switch (request.kind) {
    case 'ranking':
      return rankingAlt(request, context);
    case 'grouped':
      return groupedAlt(request, context);
    case 'trend':
      return trendAlt(request, context);
    case 'simulation':
      return simulationAlt(request, context);
    case 'clusters':
      return clustersAlt(request, context);
  }
}
