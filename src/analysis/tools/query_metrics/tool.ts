import { z } from 'zod';
import { METRICS } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';
import { metricAvailable, requireDates, requireMetric } from '../../../warehouse/availability.js';
import { COMPARATORS, metricQueryStatement, ORDERS } from '../../../warehouse/metric-query.js';
import { GRAINS } from '../../../warehouse/queries.js';
import { checkDateOrder, dateRangeShape, isoDate, NO_DATA, nameText, runQuery } from '../common.js';
import { defineTool, type ToolContext, type ToolOutput } from '../types.js';
import { queryMetricsRecommendations } from './recommendations.js';
import { type ResolvedScope, resolveScope, scopeFilters } from './scope.js';
import { totalsOf } from './totals.js';
import { queryMetricsView } from './view.js';

const dimensionName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a dimension of the data (campaign_name, category…)');

export const queryMetricsSchema = z
  .object({
    metrics: z
      .array(z.enum(METRICS))
      .min(1)
      .max(6)
      .default(['roi'])
      .describe(
        'What to compute: measures (revenue, mark_spent, clicks, impressions, leads, orders) and KPIs (roi, roas, ctr, cvr, cpl, cpa, cpc, cpm)',
      ),
    group_by: z
      .array(dimensionName)
      .max(2)
      .default([])
      .describe(
        'Breakdown: campaign_name, category or another dimension of the data; empty = one figure for the whole scope',
      ),
    grain: z.enum(GRAINS).optional().describe('A time breakdown: day, week or month'),
    campaigns: z.array(nameText).min(1).max(20).optional().describe('Only these campaigns'),
    categories: z.array(nameText).min(1).max(20).optional().describe('Only these categories (channels)'),
    name_prefix: nameText
      .optional()
      .describe('Only campaigns whose name starts with this ("facebook" = every facebook_* campaign)'),
    thresholds: z
      .array(
        z.object({ metric: z.enum(METRICS), op: z.enum(COMPARATORS), value: z.number().finite() }).strict(),
      )
      .max(3)
      .optional()
      .describe('Keep the groups where metric op value; percentages as fractions (CTR below 0.5 % → 0.005)'),
    ...dateRangeShape,
    compare_to: z
      .object({ date_from: isoDate, date_to: isoDate })
      .strict()
      .optional()
      .describe('A second period to compare the same figures with'),
    order_by: z.enum(METRICS).optional().describe('Sort the groups by this metric'),
    order: z.enum(ORDERS).default('desc').describe('desc = highest first, asc = lowest first'),
    limit: z.number().int().min(1).max(100).default(50).describe('How many groups at most'),
    totals: z.boolean().default(false).describe('Add a total over every group kept'),
  })
  .strict()
  .superRefine(checkDateOrder);

type Args = z.output<typeof queryMetricsSchema>;

async function runPeriod(
  args: Args,
  scope: ResolvedScope,
  period: { date_from?: string; date_to?: string },
  context: ToolContext,
  describedArgs: Record<string, unknown>,
): Promise<ToolOutput> {
  const statement = metricQueryStatement(
    {
      groupBy: args.group_by,
      grain: args.grain,
      ...scopeFilters(scope),
      thresholds: args.thresholds ?? [],
      dateFrom: period.date_from,
      dateTo: period.date_to,
      orderBy: args.order_by ? { metric: args.order_by, order: args.order } : undefined,
      limit: args.limit,
    },
    scope.dimensions,
  );
  const output = await runQuery(context, 'query_metrics', describedArgs, statement, ({ rows }) =>
    rows.length === 0 || rows.every((row) => row.campaigns === 0)
      ? { summary: NO_DATA, warnings: [NO_DATA] }
      : { summary: summaryOf(args, rows) },
  );
  // A total over no rows is one row of NULLs: no data, not a figure.
  if (output.rows.every((row) => row.campaigns === 0))
    return { ...output, rows: [], provenance: { ...output.provenance, rows: [], rowCount: 0 } };
  return output;
}

function summaryOf(args: Args, rows: Row[]): string {
  return rows
    .slice(0, 20)
    .map((row) => {
      const key = [...args.group_by.map((name) => row[name]), ...(args.grain ? [row.period] : [])].join(
        ' / ',
      );
      const figures = args.metrics.map((metric) => `${metric} ${row[metric] ?? '–'}`).join(', ');
      return key ? `- ${key} : ${figures}` : figures;
    })
    .join('\n');
}

export const queryMetrics = defineTool({
  name: 'query_metrics',
  kind: 'sql',
  intent: 'kpi_qa',
  description:
    'Any figure over the data: one or more metrics, for the whole scope or broken down by campaign, category, ' +
    'another dimension or time; filtered by campaigns, categories, a name prefix and dates; groups kept by ' +
    'thresholds (CTR < 0.5 %, CPL > 600); sorted and limited; with a total, or compared with another period.',
  schema: queryMetricsSchema,
  async run(input, context) {
    // A metric whose measures the data lacks does not exist: the one asked is refused with the French explanation
    // (MEASURE_ABSENT), context columns the planner added alongside are dropped.
    const catalog = await context.catalog.get();
    for (const metric of [
      input.metrics[0]!,
      ...(input.order_by ? [input.order_by] : []),
      ...(input.thresholds ?? []).map((t) => t.metric),
    ])
      requireMetric(catalog, metric);
    if (input.grain || input.date_from || input.date_to || input.compare_to)
      requireDates(catalog, 'query_metrics');
    const args = { ...input, metrics: input.metrics.filter((metric) => metricAvailable(catalog, metric)) };
    const scope = await resolveScope(args, context);
    const described = {
      ...args,
      ...(scope.campaigns ? { campaigns: scope.campaigns } : {}),
      ...(scope.categories ? { categories: scope.categories } : {}),
      ...(scope.prefixed ? { prefixed_campaigns: scope.prefixed } : {}),
    };
    const main = await runPeriod(args, scope, args, context, described);
    const rows =
      args.totals && args.group_by.length + (args.grain ? 1 : 0) > 0
        ? [...main.rows, totalsOf(main.rows)]
        : main.rows;
    if (!args.compare_to)
      return { ...main, rows, provenance: { ...main.provenance, rows, rowCount: rows.length } };
    const other = await runPeriod(args, scope, args.compare_to, context, described);
    // Both periods, each row labelled by its period (the main one first).
    const label = (from?: string, to?: string) => `${from ?? '…'} → ${to ?? '…'}`;
    const both = [
      ...rows.map((row) => ({ ...row, compared_period: label(args.date_from, args.date_to) })),
      ...other.rows.map((row) => ({
        ...row,
        compared_period: label(args.compare_to!.date_from, args.compare_to!.date_to),
      })),
    ];
    return {
      ...main,
      summary: `${main.summary}\nComparé à ${label(args.compare_to.date_from, args.compare_to.date_to)} :\n${other.summary}`,
      rows: both,
      warnings: [...main.warnings, ...other.warnings],
      provenance: {
        ...main.provenance,
        sql: `${main.provenance.sql};\n${other.provenance.sql}`,
        params: [...(main.provenance.params ?? []), ...(other.provenance.params ?? [])],
        rows: both,
        rowCount: both.length,
        ms: main.provenance.ms + other.provenance.ms,
      },
    };
  },
  view: queryMetricsView,
  recommend: queryMetricsRecommendations,
});
