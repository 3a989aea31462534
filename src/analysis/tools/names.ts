// Every tool's name, once. The registry must hold exactly these (a missing or extra tool does not compile), and
// a tool output, a plan's call or a view is typed by this union, so no switch on tool names needs a default.
export const TOOL_NAMES = [
  'rank_campaigns',
  'get_underperforming_campaigns',
  'aggregate_by_dimension',
  'describe_campaign',
  'kpi_trend',
  'simulate_budget',
  'predict_revenue',
  'segment_campaigns',
  'query_metrics',
  'explain_change',
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];

export function isToolName(value: unknown): value is ToolName {
  return typeof value === 'string' && (TOOL_NAMES as readonly string[]).includes(value);
}
