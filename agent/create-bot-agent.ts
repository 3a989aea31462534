// Builds the bot's agent from settings: the offline planner always, the LLM planner and composer when an
// OpenAI-compatible model is configured, and the conversation memory persisted in the state directory.
import { join } from 'node:path';
import type { Plan } from '../src/analysis/plan.js';
import { SQL_TOOLS } from '../src/analysis/tools/registry.js';
import type { ToolContext } from '../src/analysis/tools/types.js';
import type { Logger } from '../src/core/logger.js';
import { type Agent, createAgent } from './graph.js';
import { createChatModel } from './llm/chat-model.js';
import { composeWithLlm } from './llm/composer.js';
import { checkGrounding, numbersIn } from './llm/grounding.js';
import { createLlmPlanner } from './llm/llm-planner.js';
import { FileCheckpointSaver } from './memory/file-checkpointer.js';
import { createOfflinePlanner } from './nlu/offline-planner.js';
import type { DigestAdmin, LlmComposer } from './nodes/deps.js';

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
    const model = createChatModel(settings.llm, { timeoutMs: settings.llm.timeoutMs });
    const composer: LlmComposer = {
      compose: ({ question, language, outputs, facts }) =>
        composeWithLlm(
          model,
          { question, language, toolSummaries: outputs.map((output) => output.summary), facts },
          { timeoutMs: settings.llm!.timeoutMs },
        ),
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
      planner: createLlmPlanner(model, {
        timeoutMs: settings.llm.timeoutMs,
        ...(deps.tools.ml ? {} : { tools: SQL_TOOLS }),
      }),
      composer,
      confidenceThreshold: settings.llm.confidenceThreshold,
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
