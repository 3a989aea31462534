// Builds the bot's agent from settings: the offline planner always, the LLM planner and composer when an
// OpenAI-compatible model is configured, and the conversation memory persisted in the state directory.
import { join } from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Plan, Planner } from '../src/analysis/plan.js';
import { SQL_TOOLS } from '../src/analysis/tools/registry.js';
import type { ToolContext } from '../src/analysis/tools/types.js';
import type { Logger } from '../src/core/logger.js';
import { type Agent, createAgent } from './graph.js';
import type { composeWithLlm } from './llm/composer.js';
import { checkGrounding, numbersIn } from './llm/grounding.js';
import { FileCheckpointSaver } from './memory/file-checkpointer.js';
import { createOfflinePlanner } from './nlu/offline-planner.js';
import type { DigestAdmin, LlmComposer } from './nodes/deps.js';

type ComposeWithLlm = typeof composeWithLlm;

export interface BotAgentSettings {
  llm?: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number; confidenceThreshold: number };
  /** Where conversation memory lives; undefined keeps it in memory only (tests, one-shot CLI). */
  stateDir?: string;
  maxQuestionChars: number;
  /** Conversations kept in memory and in all (on disk); the file checkpointer's defaults when absent. */
  conversations?: { inMemory: number; max: number };
}

/** Numbers the user or the plan introduced (« +30 % », limit 5): an LLM may repeat them without a tool row. */
function allowedNumbers(question: string, plan: Plan): number[] {
  const fromArgs = plan.calls.flatMap((call) =>
    Object.values(call.args).filter((value): value is number => typeof value === 'number'),
  );
  return [...numbersIn(question), ...fromArgs];
}

export function createBotAgent(
  settings: BotAgentSettings,
  deps: {
    tools: ToolContext;
    logger: Logger;
    digests?: DigestAdmin;
    /** The logs' secret mask, applied to the conversation memory written to disk. */
    scrub?: (text: string) => string;
  },
): Agent {
  const offline = createOfflinePlanner();
  let llm: Parameters<typeof createAgent>[0]['llm'];
  if (settings.llm) {
    const llmSettings = settings.llm;
    // The OpenAI client and LangChain's message classes are loaded by the first question that reaches the LLM, not
    // by every start (they are the heaviest modules of the app, and most questions never need them).
    let parts:
      | Promise<{ planner: Planner; model: BaseChatModel; composeWithLlm: ComposeWithLlm }>
      | undefined;
    const llmParts = () => {
      parts ??= (async () => {
        // One after the other: jest's ESM loader fails on concurrent imports that share modules.
        const { createChatModel } = await import('./llm/chat-model.js');
        const { composeWithLlm } = await import('./llm/composer.js');
        const { createLlmPlanner } = await import('./llm/llm-planner.js');
        const model = createChatModel(llmSettings, { timeoutMs: llmSettings.timeoutMs });
        const planner = createLlmPlanner(model, {
          timeoutMs: llmSettings.timeoutMs,
          ...(deps.tools.ml ? {} : { tools: SQL_TOOLS }),
        });
        return { planner, model, composeWithLlm };
      })();
      return parts;
    };
    const composer: LlmComposer = {
      compose: async ({ question, language, outputs, facts }) => {
        const { model, composeWithLlm } = await llmParts();
        return composeWithLlm(
          model,
          { question, language, toolSummaries: outputs.map((output) => output.summary), facts },
          { timeoutMs: llmSettings.timeoutMs },
        );
      },
      isGrounded: (text, outputs, context) =>
        checkGrounding(
          text,
          context.reference ? [...outputs, { summary: context.reference, rows: [] }] : outputs,
          {
            allowed: allowedNumbers(context.question, context.plan),
          },
        ).grounded,
    };
    llm = {
      planner: { name: 'llm', plan: async (input) => (await llmParts()).planner.plan(input) },
      composer,
      confidenceThreshold: llmSettings.confidenceThreshold,
    };
  }
  const checkpointer = settings.stateDir
    ? new FileCheckpointSaver({
        directory: join(settings.stateDir, 'conversations'),
        legacyFile: join(settings.stateDir, 'conversations.json'),
        ...(settings.conversations
          ? { maxThreadsInMemory: settings.conversations.inMemory, maxThreads: settings.conversations.max }
          : {}),
        ...(deps.scrub ? { scrub: deps.scrub } : {}),
        onCorrupt: (error, file) =>
          deps.logger.error(
            { err: String(error), file },
            'conversation memory file was corrupt; set aside, that conversation starts over',
          ),
        onWriteError: (error) =>
          deps.logger.error({ err: String(error) }, 'conversation memory could not be written to disk'),
      })
    : undefined;
  return createAgent({
    tools: deps.tools,
    offline,
    llm,
    logger: deps.logger,
    maxQuestionChars: settings.maxQuestionChars,
    checkpointer,
    digests: deps.digests,
  });
}
