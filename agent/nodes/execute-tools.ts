// execute_tools: runs the plan's one or two calls concurrently. A failing call becomes a ToolFailure (its code
// and safe French hint); the other call's result is still used.

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
    return { outputs, failures };
  };
}
