import { z } from 'zod';
import { formatMetric } from '../../../core/metrics.js';
import { underperformingQuery } from '../../../warehouse/queries.js';
import { campaignRules } from '../campaign-rules.js';
import {
  checkDateOrder,
  dateRangeShape,
  nameText,
  periodLabel,
  resolveCategory,
  runQuery,
} from '../common.js';
import { defineTool } from '../types.js';
import { underperformingView } from './view.js';

export const underperformingSchema = z
  .object({
    roi_threshold: z
      .number()
      .min(-1)
      .max(100)
      .default(0)
      .describe('ROI as a fraction (0 = break-even, 0.2 = +20 %); campaigns strictly below are returned'),
    limit: z.number().int().min(1).max(50).default(10),
    category: nameText.optional(),
    ...dateRangeShape,
  })
  .strict()
  .superRefine(checkDateOrder);

export const getUnderperformingCampaigns = defineTool({
  name: 'get_underperforming_campaigns',
  kind: 'sql',
  intent: 'diagnostic',
  description:
    'Campaigns whose ROI is strictly below a threshold (default 0, i.e. losing money), worst first.',
  schema: underperformingSchema,
  async run(args, context) {
    const category = await resolveCategory(context, args.category);
    const statement = underperformingQuery({
      roiThreshold: args.roi_threshold,
      limit: args.limit,
      category,
      dateFrom: args.date_from,
      dateTo: args.date_to,
    });
    return runQuery(
      context,
      'get_underperforming_campaigns',
      { ...args, category },
      statement,
      ({ rows }) => {
        const threshold = formatMetric('roi', args.roi_threshold, context.currency);
        if (rows.length === 0)
          return { summary: `Aucune campagne avec un ROI inférieur à ${threshold}${periodLabel(args)}.` };
        const lines = rows.map(
          (row) =>
            `- ${row.campaign_name} (${row.category}) : ROI ${formatMetric('roi', row.roi as number, context.currency)}, ` +
            `dépenses ${formatMetric('mark_spent', row.mark_spent as number, context.currency)}, ` +
            `CA ${formatMetric('revenue', row.revenue as number, context.currency)}`,
        );
        return {
          summary: `${rows.length} ${rows.length === 1 ? 'campagne' : 'campagnes'} avec un ROI inférieur à ${threshold}${periodLabel(args)} :\n${lines.join('\n')}`,
        };
      },
    );
  },
  view: underperformingView,
  recommend: (output, language, currency) => campaignRules(output.rows, language, currency),
});
