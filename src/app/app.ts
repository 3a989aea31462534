// The composition root: builds every component from the parsed config. Components are factories; nothing
// here is module-level state, so tests build as many apps as they like.
import { randomBytes } from 'node:crypto';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import type { Agent } from '../../agent/graph.js';
import { type ChartRenderer, createChartRenderer } from '../../charts/index.js';
import type { ToolContext } from '../analysis/tools/types.js';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../core/logger.js';
import { canCheckPosted, type DeliveryPort, routeDelivery } from '../digests/delivery.js';
import { createDigestService, type DigestService } from '../digests/service.js';
import { createWorkerSegmenter } from '../ml/segmenter.js';
import { createMlService } from '../ml/service.js';
import { createWorkerTrainer } from '../ml/worker-trainer.js';
import { createFeedbackLog, type FeedbackLog } from '../store/feedback.js';
import { type OpenedWarehouse, openWarehouse } from '../warehouse/open.js';
import { type AnswerQueue, createAnswerQueue } from './answer-queue.js';
import { type AuditLog, createAuditLog } from './audit.js';
import { createGuardedAgent } from './guarded-agent.js';
import { CHART_TTL_MS, type ChartStore, createChartStore } from './http/chart-store.js';
import { createRateLimiter } from './rate-limit.js';

export interface App {
  config: Config;
  logger: Logger;
  data: OpenedWarehouse;
  tools: ToolContext;
  /** What every surface calls: the agent behind the per-user rate limit, each question written to the audit log. */
  agent: Agent;
  /** The agent alone (no rate limit, no audit): for work that is not a user's question. */
  rawAgent: Agent;
  /** One entry per question (STATE_DIR/audit.json); read by `npm run audit`. */
  audit: AuditLog;
  /** Questions being answered and waiting (ANSWER_CONCURRENCY at once); shown on /healthz. */
  answerQueue: AnswerQueue;
  /** Digest subscriptions, their scheduler (started by `serve`) and ROI alerts (checked after each rebuild). */
  digests: DigestService;
  /** Server-side chart rendering (vega-lite → SVG → PNG), shared by every surface. */
  charts: ChartRenderer;
  /** 👍 / 👎 from every surface. */
  feedback: FeedbackLog;
  /** Rendered chart PNGs served at GET /charts/<id>.png (signed, expiring URLs). */
  chartStore: ChartStore;
  /** Signs chart URLs; per process, like the in-memory chart store it protects. */
  chartUrlSecret: string;
  /** Plugs a platform adapter in as the digest/alert sender for its ConversationRef prefix (`slack`, `teams`). */
  registerDeliveryPort(platform: string, port: DeliveryPort): void;
  close(): Promise<void>;
}

export interface AppDeps {
  logger?: Logger;
  /** Platform adapters for digests and alerts, by ConversationRef prefix (`slack`, `teams`). */
  deliveryPorts?: Partial<Record<string, DeliveryPort>>;
}

export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const data = await openWarehouse(config.warehouse, { logger });
  // The semantic model states the data's currency: it wins over CURRENCY (amounts are in the data's currency).
  const modelCurrency = data.dataReport()?.currency;
  if (modelCurrency) config.currency = modelCurrency;
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
        segmenter: createWorkerSegmenter({
          onFallback: (error) =>
            logger.warn({ err: error }, 'segmentation worker unavailable; segmenting in-process'),
        }),
      },
    ),
  };
  // Looked up at send time, so adapters switched on later (serve) are used by digests and alerts.
  const ports: Partial<Record<string, DeliveryPort>> = { ...deps.deliveryPorts };
  const delivery = routeDelivery(ports);
  const digests = createDigestService(
    { stateDir: config.stateDir, ...config.digests },
    {
      tools,
      delivery,
      supports: delivery.supports,
      canCheckPosted: (target) => canCheckPosted(ports, target),
      logger,
    },
  );
  // Every data refresh is followed by the ROI alert check (threshold crossings since the previous refresh).
  const rebuild = data.rebuild;
  data.rebuild = async (period) => {
    const report = await rebuild(period);
    await digests
      .checkAlerts()
      .catch((error: unknown) => logger.error({ err: String(error) }, 'ROI alert check failed'));
    return report;
  };
  const rawAgent = createBotAgent(
    { llm: config.llm, stateDir: config.stateDir, maxQuestionChars: config.maxQuestionChars },
    { tools, logger, digests },
  );
  const chartUrlSecret = randomBytes(32).toString('hex');
  const audit = createAuditLog(config.stateDir, config.audit, { logger });
  const answerQueue = createAnswerQueue(config.answerQueue);
  const agent = createGuardedAgent(rawAgent, {
    limiter: createRateLimiter(config.rateLimit),
    queue: answerQueue,
    audit,
    auditSettings: {
      questionChars: config.audit.questionChars,
      secrets: [...configSecrets(config), chartUrlSecret],
    },
    logger,
  });
  return {
    config,
    logger,
    data,
    tools,
    agent,
    rawAgent,
    audit,
    answerQueue,
    digests,
    charts: createChartRenderer(),
    feedback: createFeedbackLog(config.stateDir, { logger }),
    chartStore: createChartStore({ ttlMs: CHART_TTL_MS, maxEntries: 2000 }),
    chartUrlSecret,
    registerDeliveryPort: (platform, port) => {
      ports[platform] = port;
    },
    close: async () => {
      digests.stop();
      await rawAgent.close?.();
      await data.warehouse.close();
    },
  };
}

/** Every credential in the configuration: values the audit log must never contain. */
export function configSecrets(config: Config): (string | undefined)[] {
  return [
    config.llm?.apiKey,
    config.slack.botToken,
    config.slack.signingSecret,
    config.slack.appToken,
    config.teams.appPassword,
    config.warehouse.databricks?.token,
  ];
}
