import { z } from 'zod';
import { formatMetric, METRIC_INFO } from '../../../core/metrics.js';
import { describeCampaignQuery } from '../../../warehouse/queries.js';
import { campaignRules } from '../campaign-rules.js';
import {
  checkDateOrder,
  dateRangeShape,
  NO_DATA,
  nameText,
  periodLabel,
  resolveCampaign,
  runQuery,
} from '../common.js';
import { defineTool } from '../types.js';
import { describeView } from './view.js';

export const describeCampaignSchema = z
  .object({
    campaign_name: nameText.describe('Campaign name as in the data (case-insensitive)'),
    ...dateRangeShape,
  })
  .strict()
  .superRefine(checkDateOrder);

const SHOWN = ['mark_spent', 'revenue', 'roi', 'roas', 'ctr', 'cvr', 'cpl', 'cpa', 'orders'] as const;

export const describeCampaign = defineTool({
  name: 'describe_campaign',
  kind: 'sql',
  intent: 'kpi_qa',
  description:
    'All KPIs of one campaign over the period (spend, revenue, ROI, ROAS, CTR, CVR, CPL, CPA, volumes).',
  schema: describeCampaignSchema,
  async run(args, context) {
    const campaignName = await resolveCampaign(context, args.campaign_name);
    const statement = describeCampaignQuery({ campaignName, dateFrom: args.date_from, dateTo: args.date_to });
    return runQuery(
      context,
      'describe_campaign',
      { ...args, campaign_name: campaignName },
      statement,
      ({ rows }) => {
        const row = rows[0];
        if (!row) return { summary: NO_DATA, warnings: [NO_DATA] };
        const facts = SHOWN.map(
          (metric) =>
            `${METRIC_INFO[metric].fr} ${formatMetric(metric, row[metric] as number | null, context.currency)}`,
        );
        return { summary: `${campaignName} (${row.category})${periodLabel(args)} : ${facts.join(', ')}.` };
      },
    );
  },
  view: describeView,
  recommend: (output, language, currency) => campaignRules(output.rows, language, currency),
});
