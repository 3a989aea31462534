// The composition root: builds every component from the parsed config. Components are factories; nothing
// here is module-level state, so tests build as many apps as they like.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import type { ChartRenderer } from '../../charts/render.js';
import { createChartRenderPool } from '../../charts/render-pool.js';
import type { ToolContext } from '../analysis/tools/types.js';
import type { Config } from '../config.js';
import type { Agent } from '../core/agent.js';
import { createLogger, type Logger } from '../core/logger.js';
import { createSecretMask } from '../core/secrets.js';
import { canCheckPosted, type DeliveryPort, routeDelivery } from '../digests/delivery.js';
import { createDigestService, type DigestService } from '../digests/service.js';
import { createWorkerSegmenter } from '../ml/segmenter.js';
import { createMlService } from '../ml/service.js';
import { createWorkerTrainer } from '../ml/worker-trainer.js';
import { createFeedbackLog, type FeedbackLog } from '../store/feedback.js';
import { createStateProbe } from '../store/probe.js';
import { sweepTempFiles } from '../store/sweep.js';
import { type OpenedWarehouse, openWarehouse } from '../warehouse/open.js';
import { createWorkerAgent } from './agent-host.js';
import { type AnswerQueue, createAnswerQueue } from './answer-queue.js';
import { type AuditLog, createAuditLog } from './audit.js';
import { createGuardedAgent } from './guarded-agent.js';
import { limitHeapGrowth } from './heap-growth.js';
import { CHART_TTL_MS, type ChartStore, createChartStore } from './http/chart-store.js';
import { createRateLimiter } from './rate-limit.js';
import { createToolCallAgent } from './tool-call-agent.js';
import { createTurnGate } from './turn-gate.js';

export interface App {
  config: Config;
  logger: Logger;
  data: OpenedWarehouse;
  tools: ToolContext;
  /** What every surface calls: the agent behind the per-user rate limit, each question written to the audit log. */
  agent: Agent;
  /** Direct tool calls (MCP clients): `question.call` answered by the analysis layer, behind the same pipeline. */
  toolAgent: Agent;
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
  /** Whether the state store can be written now, and what is waiting for it (shown on /healthz). */
  stateHealth(): Promise<StateHealth>;
  close(): Promise<void>;
}

export interface StateHealth {
  /** `degraded` when STATE_DIR refuses writes or audit entries wait in memory for the disk. */
  status: 'ok' | 'degraded';
  reasons: string[];
  auditUnwritten: number;
  auditDropped: number;
}

export interface AppDeps {
  logger?: Logger;
  /** Platform adapters for digests and alerts, by ConversationRef prefix (`slack`, `teams`). */
  deliveryPorts?: Partial<Record<string, DeliveryPort>>;
}

export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger =
    deps.logger ??
    createLogger({
      level: config.logLevel,
      format: config.logFormat,
      secrets: configSecrets(config),
    });
  limitHeapGrowth(config.heapGrowingPercent);
  // Temp files of writes that never finished (a crash, a full disk) hold space and are never read.
  const swept = await sweepTempFiles([config.stateDir, join(config.stateDir, 'conversations')]);
  if (swept.length > 0)
    logger.warn(
      { files: swept.length, stateDir: config.stateDir },
      'orphan temp files removed from the state directory',
    );
  const stateProbe = createStateProbe(config.stateDir);
  // Every data refresh is followed by the ROI alert check (threshold crossings since the previous refresh). The
  // hook runs only on refreshes asked after open, so `digests` (built on this warehouse just below) exists by then.
  const data = await openWarehouse(config.warehouse, {
    logger,
    onRebuilt: async () => {
      await digests.checkAlerts();
    },
  });
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
          threadNice: config.backgroundThreadNice,
          onFallback: (error) =>
            logger.warn({ err: error }, 'training worker unavailable; training in-process'),
        }),
        segmenter: createWorkerSegmenter({
          threadNice: config.backgroundThreadNice,
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
  const agentSettings = {
    llm: config.llm,
    stateDir: config.stateDir,
    maxQuestionChars: config.maxQuestionChars,
    conversations: config.conversations,
  };
  // On worker threads (AGENT_WORKERS) the bot's thread keeps HTTP, acks and DuckDB; the agent plans and composes.
  const rawAgent =
    config.agentWorkers > 0
      ? createWorkerAgent(
          {
            workers: config.agentWorkers,
            workerData: {
              settings: agentSettings,
              log: { level: logger.level, format: config.logFormat },
              secrets: configSecrets(config),
              threadNice: config.backgroundThreadNice,
            },
          },
          { tools, digests, logger },
        )
      : createBotAgent(agentSettings, {
          tools,
          logger,
          digests,
          scrub: createSecretMask(configSecrets(config)),
        });
  const chartUrlSecret = randomBytes(32).toString('hex');
  const charts = createChartRenderPool({
    idleTimeoutMs: config.chartWorker.idleTimeoutMs,
    threadNice: config.backgroundThreadNice,
    onFallback: (error) => logger.warn({ err: error }, 'chart worker unavailable; charts drawn in-process'),
  });
  const audit = createAuditLog(config.stateDir, config.audit, { logger });
  const answerQueue = createAnswerQueue(config.answerQueue);
  // One pipeline for every surface: the same rate limit, line and audit log guard questions and direct tool calls.
  const guard = {
    limiter: createRateLimiter(config.rateLimit),
    queue: answerQueue,
    audit,
    auditSettings: {
      questionChars: config.audit.questionChars,
      secrets: [...configSecrets(config), chartUrlSecret],
    },
    logger,
    turns: createTurnGate(),
  };
  const agent = createGuardedAgent(rawAgent, guard);
  const toolAgent = createGuardedAgent(createToolCallAgent(tools), guard);
  return {
    config,
    logger,
    data,
    tools,
    agent,
    toolAgent,
    rawAgent,
    audit,
    answerQueue,
    digests,
    charts,
    feedback: createFeedbackLog(config.stateDir, { logger }),
    chartStore: createChartStore({ ttlMs: CHART_TTL_MS, maxBytes: config.chartStore.maxBytes }),
    chartUrlSecret,
    registerDeliveryPort: (platform, port) => {
      ports[platform] = port;
    },
    stateHealth: async () => {
      const reasons: string[] = [];
      const unwritable = await stateProbe.check();
      if (unwritable) reasons.push(`STATE_DIR not writable (${unwritable})`);
      const auditHealth = audit.health();
      if (auditHealth.unwritten > 0)
        reasons.push(
          `${auditHealth.unwritten} audit entries waiting for the disk${auditHealth.lastError ? ` (${auditHealth.lastError})` : ''}`,
        );
      if (auditHealth.dropped > 0) reasons.push(`${auditHealth.dropped} audit entries dropped (queue full)`);
      return {
        status: reasons.length > 0 ? 'degraded' : 'ok',
        reasons,
        auditUnwritten: auditHealth.unwritten,
        auditDropped: auditHealth.dropped,
      };
    },
    close: async () => {
      digests.stop();
      await audit.flush().catch(() => undefined);
      const unwritten = audit.health().unwritten;
      if (unwritten > 0)
        logger.error(
          { unwritten, stateDir: config.stateDir },
          'audit entries could not be written before shutdown',
        );
      audit.close();
      await charts.close();
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
    ...config.mcp.tokens.map((entry) => entry.token),
  ];
}
