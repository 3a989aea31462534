// The tool registry: looks a tool up by name, validates its arguments with the tool's own zod schema, and
// runs it. Unknown tools and invalid arguments never reach a query: they become INVALID_ARGUMENTS.
import { AppError } from '../../core/errors.js';
import { aggregateByDimension } from './aggregate_by_dimension.js';
import { describeCampaign } from './describe_campaign.js';
import { getUnderperformingCampaigns } from './get_underperforming_campaigns.js';
import { kpiTrend } from './kpi_trend.js';
import { predictRevenue } from './predict_revenue.js';
import { rankCampaigns } from './rank_campaigns.js';
import { segmentCampaigns } from './segment_campaigns.js';
import { simulateBudget } from './simulate_budget.js';
import type { ToolContext, ToolDefinition, ToolOutput } from './types.js';

export const SQL_TOOLS = [
  rankCampaigns,
  getUnderperformingCampaigns,
  aggregateByDimension,
  describeCampaign,
  kpiTrend,
] as const;

/** The ML simulators: they need `context.ml` (NOT_IMPLEMENTED without it). */
export const ML_TOOLS = [simulateBudget, predictRevenue, segmentCampaigns] as const;

export type ToolName = (typeof SQL_TOOLS)[number]['name'] | (typeof ML_TOOLS)[number]['name'];

const BY_NAME = new Map<string, ToolDefinition>(
  [...SQL_TOOLS, ...ML_TOOLS].map((tool) => [tool.name, tool as unknown as ToolDefinition]),
);

export function findTool(name: string): ToolDefinition | undefined {
  return BY_NAME.get(name);
}

export async function runTool(name: string, rawArgs: unknown, context: ToolContext): Promise<ToolOutput> {
  const tool = findTool(name);
  if (!tool)
    throw new AppError('INVALID_ARGUMENTS', `unknown tool ${JSON.stringify(String(name).slice(0, 60))}`);
  const parsed = tool.schema.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    );
    throw new AppError('INVALID_ARGUMENTS', `${name}: ${problems.join('; ')}`, {
      details: { tool: name, problems },
    });
  }
  return tool.run(parsed.data, context);
}
