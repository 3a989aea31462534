// The tool registry: every tool of TOOL_NAMES, exactly once (a missing or extra entry does not compile). It
// looks a tool up by name, validates its arguments with the tool's own zod schema, and runs it. Unknown tools
// and invalid arguments never reach a query: they become INVALID_ARGUMENTS.
//
// Adding a tool: a folder beside this file (tool.ts: schema + run + view + recommend), its name in names.ts,
// one line below. Nothing else switches on tool names.
import type { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { aggregateByDimension } from './aggregate_by_dimension/tool.js';
import { describeCampaign } from './describe_campaign/tool.js';
import { explainChange } from './explain_change/tool.js';
import { getUnderperformingCampaigns } from './get_underperforming_campaigns/tool.js';
import { kpiTrend } from './kpi_trend/tool.js';
import { isToolName, TOOL_NAMES, type ToolName } from './names.js';
import { predictRevenue } from './predict_revenue/tool.js';
import { queryMetrics } from './query_metrics/tool.js';
import { rankCampaigns } from './rank_campaigns/tool.js';
import { segmentCampaigns } from './segment_campaigns/tool.js';
import { simulateBudget } from './simulate_budget/tool.js';
import type { ToolContext, ToolDefinition, ToolOutput } from './types.js';

export type { ToolName } from './names.js';

// biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own schema type; the key ties it to its name.
const TOOLS: { readonly [Name in ToolName]: ToolDefinition<any, Name> } = {
  rank_campaigns: rankCampaigns,
  get_underperforming_campaigns: getUnderperformingCampaigns,
  aggregate_by_dimension: aggregateByDimension,
  describe_campaign: describeCampaign,
  kpi_trend: kpiTrend,
  simulate_budget: simulateBudget,
  predict_revenue: predictRevenue,
  segment_campaigns: segmentCampaigns,
  query_metrics: queryMetrics,
  explain_change: explainChange,
};

const ALL: ToolDefinition<z.ZodType>[] = TOOL_NAMES.map((name) => TOOLS[name] as ToolDefinition<z.ZodType>);

/** The tools that read the warehouse only. */
export const SQL_TOOLS: readonly ToolDefinition[] = ALL.filter((tool) => tool.kind === 'sql');

/** The ML simulators: they need `context.ml` (NOT_IMPLEMENTED without it). */
export const ML_TOOLS: readonly ToolDefinition[] = ALL.filter((tool) => tool.kind === 'ml');

export function findTool(name: string): ToolDefinition | undefined {
  return isToolName(name) ? (TOOLS[name] as ToolDefinition) : undefined;
}

/** The module of a tool that ran (its output's name is always a registered one). */
export function toolOf(name: ToolName): ToolDefinition {
  return TOOLS[name] as ToolDefinition;
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
