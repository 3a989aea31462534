import { z } from 'zod';
import { formatMetric, METRIC_INFO, METRICS } from '../../../core/metrics.js';
import { GRAINS, kpiTrendQuery } from '../../../warehouse/queries.js';
import {
  checkDateOrder,
  dateRangeShape,
  NO_DATA,
  nameText,
  resolveCampaign,
  resolveCategory,
  runQuery,
} from '../common.js';
import { defineTool } from '../types.js';
import { trendView } from './view.js';

export const kpiTrendSchema = z
  .object({
    metric: z.enum(METRICS).default('roi'),
    grain: z.enum(GRAINS).default('day'),
    category: nameText.optional(),
    campaign_name: nameText.optional(),
    ...dateRangeShape,
  })
  .strict()
  .superRefine(checkDateOrder);

export const kpiTrend = defineTool({
  name: 'kpi_trend',
  kind: 'sql',
  intent: 'kpi_qa',
  description: 'How one KPI evolves per day, week or month, overall or for one category or campaign.',
  schema: kpiTrendSchema,
  async run(args, context) {
    const category = await resolveCategory(context, args.category);
    const campaignName = args.campaign_name ? await resolveCampaign(context, args.campaign_name) : undefined;
    const statement = kpiTrendQuery({
      metric: args.metric,
      grain: args.grain,
      category,
      campaignName,
      dateFrom: args.date_from,
      dateTo: args.date_to,
    });
    const resolved = { ...args, category, campaign_name: campaignName };
    return runQuery(context, 'kpi_trend', resolved, statement, ({ rows }) => {
      if (rows.length === 0) return { summary: NO_DATA, warnings: [NO_DATA] };
      const values = rows.map((row) => row.value as number | null);
      const first = values[0] ?? null;
      const last = values.at(-1) ?? null;
      const scope = campaignName ?? category ?? 'toutes campagnes';
      const fmt = (value: number | null) => formatMetric(args.metric, value, context.currency);
      return {
        summary:
          `Évolution du ${METRIC_INFO[args.metric].fr} (${scope}, par ${args.grain === 'day' ? 'jour' : args.grain === 'week' ? 'semaine' : 'mois'}) : ` +
          `${rows.length} points, de ${fmt(first)} (${rows[0]?.period}) à ${fmt(last)} (${rows.at(-1)?.period}).`,
      };
    });
  },
  view: trendView,
  // No rule specific to this result: the composer tops up with generic good practice.
  recommend: () => [],
});
