// execute_tools: runs the plan's one or two calls concurrently. A failing call becomes a ToolFailure (its code
// and safe French hint); the other call's result is still used.

import type { Leader } from '../../src/analysis/plan.js';
import { runTool } from '../../src/analysis/tools/registry.js';
import type { ToolOutput } from '../../src/analysis/tools/types.js';
import { toAppError } from '../../src/core/errors.js';
import type { AgentStateType, AgentUpdate, ToolFailure } from '../state.js';
import type { AgentDeps } from './deps.js';

export function executeToolsNode(deps: AgentDeps) {
  return async (state: AgentStateType): Promise<AgentUpdate> => {
    if (state.answer || !state.plan || state.plan.clarification || state.plan.calls.length === 0) return {};
    const settled = await Promise.allSettled(
      state.plan.calls.map((call) => runTool(call.tool, call.args, deps.tools)),
    );
    const outputs: ToolOutput[] = [];
    const failures: ToolFailure[] = [];
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        outputs.push(result.value);
        return;
      }
      const error = toAppError(result.reason);
      const tool = state.plan!.calls[index]!.tool;
      deps.logger.warn({ tool, code: error.code, err: error.message }, 'tool call failed');
      failures.push({ tool, code: error.code, ...(error.hint ? { hint: error.hint } : {}) });
    });
    return { outputs, failures, leader: leaderOf(outputs[0]) };
  };
}

/** The first campaign or category of a ranking or a breakdown (not of a total row). */
function leaderOf(output: ToolOutput | undefined): Leader | undefined {
  const row = output?.rows.find((candidate) => !candidate.is_total && !candidate.compared_period);
  if (!row) return undefined;
  if (typeof row.campaign_name === 'string') return { key: 'campaign_name', member: row.campaign_name };
  if (typeof row.category === 'string') return { key: 'category', member: row.category };
  return undefined;
}
