import { z } from 'zod';
import { METRICS } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';
import { requireDates, requireMetric } from '../../../warehouse/availability.js';
import { metricQueryStatement } from '../../../warehouse/metric-query.js';
import { checkDateOrder, isoDate, nameText, runQuery } from '../common.js';
import { resolveScope, scopeFilters } from '../query_metrics/scope.js';
import { totalsOf } from '../query_metrics/totals.js';
import { defineTool } from '../types.js';
import { decompose } from './decompose.js';
import { explainChangeRecommendations } from './recommendations.js';
import { explainChangeView } from './view.js';

const period = z.object({ date_from: isoDate, date_to: isoDate }).strict().superRefine(checkDateOrder);

export const explainChangeSchema = z
  .object({
    metric: z.enum(METRICS).describe('The KPI or measure that moved'),
    by: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/)
      .default('campaign_name')
      .describe('Decompose by campaign_name, category or another dimension of the data'),
    before: period.describe('The earlier period'),
    after: period.describe('The later period'),
    campaigns: z.array(nameText).min(1).max(20).optional().describe('Only these campaigns'),
    categories: z.array(nameText).min(1).max(20).optional().describe('Only these categories'),
    name_prefix: nameText.optional().describe('Only campaigns whose name starts with this'),
    limit: z.number().int().min(1).max(10).default(3).describe('How many drivers to name'),
    assumed_direction: z
      .enum(['up', 'down'])
      .optional()
      .describe(
        'The direction the question takes for granted ("why did CPA climb?" = up); the answer says so when the data disagrees',
      ),
  })
  .strict();

export const explainChange = defineTool({
  name: 'explain_change',
  kind: 'sql',
  intent: 'diagnostic',
  description:
    'Why a KPI changed between two periods: its value in each, and the members (campaigns, categories…) that ' +
    'drove the change, split into a rate effect (they got better or worse) and a mix effect (weight moved).',
  schema: explainChangeSchema,
  async run(args, context) {
    const catalog = await context.catalog.get();
    requireMetric(catalog, args.metric);
    requireDates(catalog, 'explain_change');
    const scope = await resolveScope(args, context);
    const periodQuery = (range: { date_from: string; date_to: string }) =>
      metricQueryStatement(
        {
          groupBy: [args.by],
          ...scopeFilters(scope),
          thresholds: [],
          dateFrom: range.date_from,
          dateTo: range.date_to,
          limit: 10_000,
        },
        scope.dimensions,
      );
    const described = {
      ...args,
      ...(scope.campaigns ? { campaigns: scope.campaigns } : {}),
      ...(scope.categories ? { categories: scope.categories } : {}),
      ...(scope.prefixed ? { prefixed_campaigns: scope.prefixed } : {}),
    };
    const before = await runQuery(context, 'explain_change', described, periodQuery(args.before), () => ({
      summary: '',
    }));
    const after = await runQuery(context, 'explain_change', described, periodQuery(args.after), () => ({
      summary: '',
    }));
    const drivers = decompose(args.metric, args.by, before.rows, after.rows);
    const figure = (value: unknown) => (typeof value === 'number' ? value : null);
    const from = before.rows.length > 0 ? figure(totalsOf(before.rows)[args.metric]) : null;
    const to = after.rows.length > 0 ? figure(totalsOf(after.rows)[args.metric]) : null;
    const rows: Row[] = [
      {
        member: 'total',
        is_total: true,
        before: from,
        after: to,
        contribution: typeof from === 'number' && typeof to === 'number' ? to - from : null,
      },
      ...drivers.map((driver) => ({ ...driver })),
    ];
    const top = drivers.slice(0, args.limit).map((driver) => `${driver.member} ${driver.contribution}`);
    const warnings =
      before.rows.length === 0 || after.rows.length === 0
        ? ['Aucune donnée sur l’une des deux périodes.']
        : [];
    return {
      tool: 'explain_change',
      summary: `${args.metric} : ${from} → ${to}. Principaux facteurs : ${top.join(', ')}`,
      rows,
      columns: [],
      warnings,
      provenance: {
        tool: 'explain_change',
        args: described,
        sql: `${before.provenance.sql};\n${after.provenance.sql}`,
        params: [...(before.provenance.params ?? []), ...(after.provenance.params ?? [])],
        rows,
        rowCount: rows.length,
        ms: before.provenance.ms + after.provenance.ms,
      },
    };
  },
  view: explainChangeView,
  recommend: explainChangeRecommendations,
});
