// The composition root: builds every component from the parsed config. Components are factories; nothing
// here is module-level state, so tests build as many apps as they like.
import { createBotAgent } from '../agent/create-bot-agent.js';
import type { Agent } from '../agent/graph.js';
import type { ToolContext } from '../agent/tools/types.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './core/logger.js';
import { createMlService } from './ml/service.js';
import { createWorkerTrainer } from './ml/worker-trainer.js';
import { type OpenedWarehouse, openWarehouse } from './warehouse/open.js';

export interface App {
  config: Config;
  logger: Logger;
  data: OpenedWarehouse;
  tools: ToolContext;
  agent: Agent;
  close(): Promise<void>;
}

export async function createApp(config: Config, deps: { logger?: Logger } = {}): Promise<App> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const data = await openWarehouse(config.warehouse, { logger });
  const tools: ToolContext = {
    warehouse: data.warehouse,
    catalog: data.catalog,
    currency: config.currency,
    ml: createMlService(
      { maxTrainingRows: config.warehouse.maxRows, currency: config.currency },
      {
        warehouse: data.warehouse,
        catalog: data.catalog,
        trainer: createWorkerTrainer({
          onFallback: (error) =>
            logger.warn({ err: error }, 'training worker unavailable; training in-process'),
        }),
      },
    ),
  };
  const agent = createBotAgent(
    { llm: config.llm, stateDir: config.stateDir, maxQuestionChars: config.maxQuestionChars },
    { tools, logger },
  );
  return { config, logger, data, tools, agent, close: () => data.warehouse.close() };
}
