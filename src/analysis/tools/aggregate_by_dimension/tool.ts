import { z } from 'zod';
import { formatMetric } from '../../../core/metrics.js';
import { aggregateQuery, DIMENSIONS } from '../../../warehouse/queries.js';
import {
  checkDateOrder,
  dateRangeShape,
  modelDimensionName,
  NO_DATA,
  nameText,
  periodLabel,
  resolveCategory,
  resolveDimension,
  runQuery,
} from '../common.js';
import { defineTool } from '../types.js';
import { groupRules } from './recommendations.js';
import { aggregateView } from './view.js';

export const aggregateSchema = z
  .object({
    group_by: z
      .union([z.enum(DIMENSIONS), modelDimensionName])
      .default('category')
      .describe(
        'Dimension to group by: category, campaign_name, day, week, month, or another dimension of the data',
      ),
    category: nameText.optional(),
    ...dateRangeShape,
  })
  .strict()
  .superRefine(checkDateOrder);

const GROUP_LABEL: Record<string, string> = {
  category: 'catégorie',
  campaign_name: 'campagne',
  day: 'jour',
  week: 'semaine',
  month: 'mois',
};

export const aggregateByDimension = defineTool({
  name: 'aggregate_by_dimension',
  kind: 'sql',
  intent: 'kpi_qa',
  description: 'Spend, revenue, ROI, ROAS, CTR, CVR, CPL and CPA per category, campaign, day, week or month.',
  schema: aggregateSchema,
  async run(args, context) {
    const category = await resolveCategory(context, args.category);
    await resolveDimension(context, args.group_by);
    const statement = aggregateQuery({
      groupBy: args.group_by,
      category,
      dateFrom: args.date_from,
      dateTo: args.date_to,
    });
    return runQuery(context, 'aggregate_by_dimension', { ...args, category }, statement, ({ rows }) => {
      if (rows.length === 0) return { summary: NO_DATA, warnings: [NO_DATA] };
      const lines = rows.map(
        (row) =>
          `- ${row[args.group_by]} : dépenses ${formatMetric('mark_spent', row.mark_spent as number, context.currency)}, ` +
          `CA ${formatMetric('revenue', row.revenue as number, context.currency)}, ROI ${formatMetric('roi', row.roi as number | null, context.currency)}, ` +
          `ROAS ${formatMetric('roas', row.roas as number | null, context.currency)}`,
      );
      return {
        summary: `Performance par ${GROUP_LABEL[args.group_by] ?? args.group_by.replaceAll('_', ' ')}${periodLabel(args)} :\n${lines.join('\n')}`,
      };
    });
  },
  view: aggregateView,
  recommend: groupRules,
});
