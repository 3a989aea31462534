// The LLM planner: one model call per question, the tools bound from their zod schemas. The model's tool
// calls become the Plan; anything unknown, extra or invalid is dropped here (and again by the graph), so a
// hostile or confused model can only ever produce a valid call of an existing tool, or nothing.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Plan, PlannedCall, Planner, PlannerInput } from '../../src/analysis/plan.js';
import { findTool } from '../../src/analysis/tools/registry.js';
import type { ToolDefinition } from '../../src/analysis/tools/types.js';
import type { Language } from '../../src/core/answer.js';
import { LlmUnavailableError } from './errors.js';
import { invokeWithDeadline } from './invoke.js';
import { detectLanguage } from './language.js';
import { plannerQuestion, plannerSystemPrompt, previousTurnMessage } from './prompts.js';
import {
  dataTools,
  REPLY_WITHOUT_DATA,
  REPLY_WITHOUT_DATA_SPEC,
  replyWithoutDataSchema,
  toolSpec,
} from './tool-specs.js';

export interface LlmPlannerOptions {
  /** The whole call, retries included; past it the graph falls back to the offline planner. */
  timeoutMs: number;
  /** The tools offered (default: every SQL and ML tool of the registry). */
  tools?: readonly ToolDefinition[];
}

export const MAX_CALLS = 2;
/** Longer questions are cut before they reach the model (the graph refuses much longer input anyway). */
const MAX_QUESTION_CHARS = 2000;

const CLARIFY: Record<Language, string> = {
  fr: 'Je n’ai pas compris certains paramètres de la question. Pouvez-vous la reformuler, par exemple « Top 5 des campagnes par ROI » ?',
  en: 'I could not understand some parameters of the question. Could you rephrase it, e.g. "Top 5 campaigns by ROI"?',
};

export function createLlmPlanner(model: BaseChatModel, options: LlmPlannerOptions): Planner {
  if (typeof model.bindTools !== 'function') {
    throw new LlmUnavailableError('unsupported', 'the chat model does not support tool calling');
  }
  const tools = new Map((options.tools ?? dataTools()).map((tool) => [tool.name, tool]));
  const specs = [...tools.values()].map((tool) => toolSpec(tool.name, tool.description, tool.schema));
  const bound = model.bindTools([...specs, REPLY_WITHOUT_DATA_SPEC]);

  return {
    name: 'llm',
    async plan(input: PlannerInput): Promise<Plan> {
      const language = detectLanguage(input.text);
      const messages: BaseMessage[] = [new SystemMessage(plannerSystemPrompt(input.catalog))];
      if (input.previous) messages.push(new AIMessage(previousTurnMessage(input.previous)));
      messages.push(new HumanMessage(plannerQuestion(input.text.slice(0, MAX_QUESTION_CHARS))));
      const reply = (await invokeWithDeadline(
        bound,
        messages,
        options.timeoutMs,
        'llm planner',
      )) as AIMessage;
      const plan = toPlan(reply, tools, language);
      return unknownCategory(plan, input.catalog.categories) ? { ...plan, confidence: 0.3 } : plan;
    },
  };
}

/** Maps the model's reply to a Plan. Exported for tests; pure. */
export function toPlan(reply: AIMessage, tools: Map<string, ToolDefinition>, language: Language): Plan {
  const requested = reply.tool_calls ?? [];
  const calls: PlannedCall[] = [];
  let confidence = 0.9;
  let firstTool: string | undefined;
  // Arguments that were not even JSON: the model tried a call and failed; count it as an invalid one.
  if ((reply.invalid_tool_calls ?? []).length > 0) confidence -= 0.3;

  for (const call of requested) {
    if (call.name === REPLY_WITHOUT_DATA) continue;
    const tool = tools.get(call.name);
    if (!tool) {
      confidence -= 0.2; // a tool that does not exist: hallucination or injection, never forwarded
      continue;
    }
    firstTool ??= call.name;
    if (calls.length >= MAX_CALLS) continue; // the plan is one or two calls, by design
    const args = withoutNulls(call.args);
    if (!args || !tool.schema.safeParse(args).success) {
      confidence -= 0.3; // the graph would reject it anyway; dropping it here keeps the plan honest
      continue;
    }
    calls.push({ tool: call.name, args });
  }

  if (calls.length > 0) {
    const intent = findTool(calls[0]!.tool)?.intent ?? 'kpi_qa';
    return { intent, language, calls, confidence: clamp(confidence) };
  }
  if (firstTool) {
    // It wanted data but every call was invalid: ask back rather than run anything.
    const intent = findTool(firstTool)?.intent ?? 'kpi_qa';
    return { intent, language, calls: [], confidence: 0.2, clarification: CLARIFY[language] };
  }
  const replyCall = requested.find((call) => call.name === REPLY_WITHOUT_DATA);
  const parsed = replyCall ? replyWithoutDataSchema.safeParse(withoutNulls(replyCall.args) ?? {}) : undefined;
  if (parsed?.success) {
    const { intent, digest_action, cron, digest_id } = parsed.data;
    const plan: Plan = { intent, language, calls: [], confidence: clamp(confidence) };
    if (intent === 'digest_admin' && digest_action) {
      plan.digest = { action: digest_action, cron, id: digest_id };
    }
    return plan;
  }
  // Plain text, or a malformed reply: nothing to run. Low confidence lets the graph prefer the offline plan.
  return { intent: 'out_of_scope', language, calls: [], confidence: 0.3 };
}

/**
 * A category the data does not have: the tool would refuse it (CATEGORY_NOT_FOUND, with the known ones), so
 * the plan stands, but with a confidence low enough for the graph to prefer the offline reading.
 */
function unknownCategory(plan: Plan, categories: string[]): boolean {
  const known = new Set(['all', ...categories.map((category) => category.toLowerCase())]);
  return plan.calls.some(
    (call) => typeof call.args.category === 'string' && !known.has(call.args.category.trim().toLowerCase()),
  );
}

/**
 * OpenAI models often send `null` for an omitted optional argument; zod's optional() wants it absent.
 * Anything but a JSON object is no argument list at all (undefined), never "use the defaults".
 */
function withoutNulls(args: unknown): Record<string, unknown> | undefined {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return undefined;
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null));
}

function clamp(value: number): number {
  return Math.round(Math.min(1, Math.max(0.1, value)) * 100) / 100;
}
