// The seed's preset tools said as the query_metrics call that gives the same figures: so a follow-up that asks for
// what a preset cannot show (« et en nombre de commandes ? » after « CA par canal ») changes the query, not the
// subject. Presets stay what a fresh question gets; this is only the follow-up's starting point.
import type { PlannedCall } from '../../src/analysis/plan.js';

type Args = Record<string, unknown>;

const GRAINS = new Set(['day', 'week', 'month']);
/** The figures the preset breakdown leads with (aggregate_by_dimension): ROI first, the one it ranks by. */
const BREAKDOWN_METRICS = ['roi', 'mark_spent', 'revenue'];

const dates = (args: Args): Args => ({
  ...(typeof args.date_from === 'string' ? { date_from: args.date_from } : {}),
  ...(typeof args.date_to === 'string' ? { date_to: args.date_to } : {}),
});
const category = (args: Args): Args =>
  typeof args.category === 'string' && args.category !== 'all' ? { categories: [args.category] } : {};

export function asMetricCall(call: PlannedCall): PlannedCall | undefined {
  const args = call.args;
  switch (call.tool) {
    case 'query_metrics':
    case 'explain_change':
      return call;
    case 'aggregate_by_dimension': {
      const by = typeof args.group_by === 'string' ? args.group_by : 'category';
      return {
        tool: 'query_metrics',
        args: {
          metrics: BREAKDOWN_METRICS,
          ...(GRAINS.has(by) ? { grain: by } : { group_by: [by], order_by: 'roi', totals: true }),
          ...category(args),
          ...dates(args),
        },
      };
    }
    case 'rank_campaigns': {
      const metric = typeof args.metric === 'string' ? args.metric : 'roi';
      return {
        tool: 'query_metrics',
        args: {
          metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
          group_by: ['campaign_name'],
          order_by: metric,
          order: args.direction === 'bottom' ? 'asc' : 'desc',
          limit: typeof args.limit === 'number' ? args.limit : 5,
          ...category(args),
          ...dates(args),
        },
      };
    }
    case 'describe_campaign':
      return typeof args.campaign_name === 'string'
        ? {
            tool: 'query_metrics',
            args: {
              metrics: ['roi', 'mark_spent', 'revenue'],
              campaigns: [args.campaign_name],
              ...dates(args),
            },
          }
        : undefined;
    default:
      return undefined;
  }
}
