import { z } from 'zod';
import { formatMetric, METRIC_INFO, METRICS } from '../../../core/metrics.js';
import { DIRECTIONS, rankCampaignsQuery } from '../../../warehouse/queries.js';
import { campaignRules } from '../campaign-rules.js';
import {
  checkDateOrder,
  dateRangeShape,
  NO_DATA,
  nameText,
  periodLabel,
  resolveCategory,
  runQuery,
} from '../common.js';
import { defineTool } from '../types.js';
import { rankingView } from './view.js';

export const rankCampaignsSchema = z
  .object({
    metric: z.enum(METRICS).default('roi').describe('KPI to rank by'),
    direction: z
      .enum(DIRECTIONS)
      .default('top')
      .describe(
        'top = highest values first, bottom = lowest values first (use bottom for the cheapest CPL/CPA)',
      ),
    limit: z.number().int().min(1).max(50).default(5).describe('How many campaigns, 1 to 50'),
    category: nameText
      .optional()
      .describe('Only campaigns of this category (social, search, influencer, media…)'),
    ...dateRangeShape,
  })
  .strict()
  .superRefine(checkDateOrder);

export const rankCampaigns = defineTool({
  name: 'rank_campaigns',
  kind: 'sql',
  intent: 'kpi_qa',
  description:
    'Rank campaigns by one KPI (ROI, ROAS, revenue, spend, CTR, CVR, CPL, CPA, clicks…), highest or lowest first.',
  schema: rankCampaignsSchema,
  async run(args, context) {
    const category = await resolveCategory(context, args.category);
    const statement = rankCampaignsQuery({
      metric: args.metric,
      direction: args.direction,
      limit: args.limit,
      category,
      dateFrom: args.date_from,
      dateTo: args.date_to,
    });
    return runQuery(context, 'rank_campaigns', { ...args, category }, statement, ({ rows }) => {
      if (rows.length === 0) return { summary: NO_DATA, warnings: [NO_DATA] };
      const label = METRIC_INFO[args.metric].fr;
      const lines = rows.map(
        (row, index) =>
          `${index + 1}. ${row.campaign_name} (${row.category}) : ${formatMetric(args.metric, row[args.metric] as number | null, context.currency)}`,
      );
      const head = `${args.direction === 'top' ? 'Plus haut' : 'Plus bas'} ${label}${category ? ` (${category})` : ''}${periodLabel(args)}`;
      return { summary: `${head} :\n${lines.join('\n')}` };
    });
  },
  view: rankingView,
  recommend: (output, language, currency) => campaignRules(output.rows, language, currency),
});
