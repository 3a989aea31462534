// A tool called directly (MCP clients, scripts) answered the same way as a question planned to that call: the
// registry validates and runs it, the template composer turns its output into the Answer (text, table, chart
// requests, provenance). It never throws: a refused or failed call is an Answer with its code and French message.
import type { Answer, Language } from '../core/answer.js';
import { toAppError } from '../core/errors.js';
import { composeAnswer } from './compose/template-composer.js';
import { findTool, runTool } from './tools/registry.js';
import type { ToolContext } from './tools/types.js';

export interface ToolCall {
  tool: string;
  args: Record<string, unknown>;
}

export async function answerToolCall(
  call: ToolCall,
  language: Language,
  context: ToolContext,
): Promise<Answer> {
  const intent = findTool(call.tool)?.intent ?? 'out_of_scope';
  const plan = { intent, language, calls: [call], confidence: 1 };
  try {
    const output = await runTool(call.tool, call.args, context);
    return composeAnswer({
      plan,
      outputs: [output],
      failures: [],
      currency: context.currency,
      planner: 'offline',
    });
  } catch (error) {
    const failure = toAppError(error);
    return composeAnswer({
      plan,
      outputs: [],
      failures: [failure],
      currency: context.currency,
      planner: 'offline',
    });
  }
}
