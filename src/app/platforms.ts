// The chat platforms, as one list of adapters built from the settings (Slack when SLACK_BOT_TOKEN is set; Teams
// when MICROSOFT_APP_ID is set, or network-closed for the Emulator when TEAMS_EMULATOR asks for it; the local web
// chat always; MCP over HTTP when MCP_TOKENS is set). The loop below does the same for each: mount its router,
// register its delivery port for digests and alerts, start and stop it, report it. Called by `serve` and
// `digest run` only: `ask`, `kpi` and the other commands never reach a platform.
// Each platform's SDK (Bolt, the Microsoft 365 Agents SDK, the MCP SDK) is a dynamic import() taken only when that
// platform is switched on: an unconfigured platform costs neither start-up time nor memory
// (tests/unit/lazy-platform-sdks.test.ts keeps them out of the static import graph).
import type express from 'express';
import { seenEventSchema } from '../../adapters/slack/event-dedupe.js';
import { unansweredSchema } from '../../adapters/slack/retry-later.js';
import type { SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import type { TeamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { AppError, isAppError } from '../core/errors.js';
import type { FeatureStatus, PlatformAdapter } from '../core/platform-adapter.js';
import { createStoredConversationRefs } from '../store/conversation-refs.js';
import { createJsonCollection } from '../store/json-collection.js';
import type { App } from './app.js';
import { chartRendererFor } from './chart-renderer.js';
import { CHART_TTL_MS } from './http/chart-store.js';
import { createChartPublisher } from './http/signed-urls.js';
import { webChatFor } from './web-chat.js';

export interface Platforms {
  /** The adapters switched on, in mount order. */
  adapters: PlatformAdapter[];
  /** Routers to mount on the HTTP server (before any body parser: Slack verifies the raw body). */
  routers: express.Router[];
  statuses: FeatureStatus[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A platform the settings switch on: its names and its adapter's factory (called once, by connectPlatforms). */
interface PlatformChoice {
  /** Its line in the start-up report, should its factory fail. */
  feature: string;
  /** How logs name it. */
  label: string;
  create(): Promise<PlatformAdapter>;
}

async function slackAdapterFor(app: App, botToken: string): Promise<SlackAdapter> {
  const { createSlackAdapter } = await import('../../adapters/slack/slack-adapter.js');
  const { publicBaseUrl } = app.config.http;
  return createSlackAdapter(
    { ...app.config.slack, botToken },
    {
      agent: app.agent,
      renderCharts: chartRendererFor(app),
      // With a public URL the answer's image block points at the signed chart URL; otherwise at a private upload.
      ...(publicBaseUrl
        ? {
            publishChart: createChartPublisher(
              { baseUrl: publicBaseUrl, secret: app.chartUrlSecret, ttlMs: CHART_TTL_MS },
              { chartStore: app.chartStore },
            ),
          }
        : {}),
      // The LLM composer writes the text: it is streamed into the thread.
      streamText: app.config.llm !== undefined,
      recordFeedback: (feedback) => app.feedback.record({ ...feedback, surface: 'slack' }),
      currency: app.config.currency,
      logger: app.logger,
      knownConversations: app.rawAgent.conversations?.() ?? [],
      // Questions Slack would not take during an outage survive a restart here.
      unanswered: createJsonCollection(app.config.stateDir, 'slack-unanswered', unansweredSchema, {
        logger: app.logger,
      }),
      // Event ids answered, so a retry after a restart is answered once.
      seenEvents: createJsonCollection(app.config.stateDir, 'slack-events', seenEventSchema, {
        logger: app.logger,
      }),
    },
  );
}

async function teamsAdapterFor(app: App): Promise<TeamsAdapter> {
  const { createTeamsAdapter } = await import('../../adapters/teams/teams-adapter.js');
  const { publicBaseUrl } = app.config.http;
  return createTeamsAdapter(app.config.teams, {
    agent: app.agent,
    renderCharts: chartRendererFor(app),
    // Charts too large for a card are linked on PUBLIC_BASE_URL; without it they are left out.
    ...(publicBaseUrl
      ? {
          publishChart: createChartPublisher(
            { baseUrl: publicBaseUrl, secret: app.chartUrlSecret, ttlMs: CHART_TTL_MS },
            { chartStore: app.chartStore },
          ),
        }
      : {}),
    conversationRefs: createStoredConversationRefs(app.config.stateDir, { logger: app.logger }),
    recordFeedback: (feedback) => app.feedback.record({ ...feedback, surface: 'teams' }),
    currency: app.config.currency,
    logger: app.logger,
  });
}

export { webChatFor } from './web-chat.js';

/** The platforms the settings switch on, in mount order (platform endpoints before the web chat's pages). */
function choosePlatforms(app: App): PlatformChoice[] {
  const { botToken } = app.config.slack;
  const { appId, emulator } = app.config.teams;
  return [
    ...(botToken ? [{ feature: 'slack', label: 'Slack', create: () => slackAdapterFor(app, botToken) }] : []),
    // Teams with its app id; without one only when asked (TEAMS_EMULATOR), and then it answers this machine only.
    // Mounting it by default would load the Agents SDK on every start for an endpoint nobody configured.
    ...(appId || emulator ? [{ feature: 'teams', label: 'Teams', create: () => teamsAdapterFor(app) }] : []),
    { feature: 'web chat', label: 'Web chat', create: async () => webChatFor(app) },
    // MCP over HTTP only with tokens: no token, no endpoint.
    ...(app.config.mcp.tokens.length > 0
      ? [
          {
            feature: 'mcp',
            label: 'MCP',
            create: async () => (await import('./mcp.js')).mcpAdapterFor(app),
          },
        ]
      : []),
  ];
}

const reasonOf = (error: unknown) => (isAppError(error) ? (error.hint ?? error.message) : String(error));

export async function connectPlatforms(app: App): Promise<Platforms> {
  const adapters: { adapter: PlatformAdapter; label: string }[] = [];
  const failures: FeatureStatus[] = [];
  for (const choice of choosePlatforms(app)) {
    try {
      adapters.push({ adapter: await choice.create(), label: choice.label });
    } catch (error) {
      // One platform refusing its settings (a revoked Slack token) does not keep the others from serving.
      app.logger.error({ err: reasonOf(error) }, `${choice.label} could not be switched on`);
      failures.push({ feature: choice.feature, on: false, why: `erreur au démarrage : ${reasonOf(error)}` });
    }
  }
  for (const { adapter } of adapters) {
    if (adapter.deliveryPort) app.registerDeliveryPort(adapter.platform, adapter.deliveryPort);
  }

  return {
    adapters: adapters.map(({ adapter }) => adapter),
    routers: adapters.flatMap(({ adapter }) => (adapter.router ? [adapter.router] : [])),
    statuses: [...adapters.map(({ adapter }) => adapter.status), ...failures],
    async start() {
      for (const { adapter, label } of adapters) {
        // A platform that cannot connect (Slack Socket Mode refused) is logged; the others keep serving.
        await adapter.start().catch((error: unknown) => {
          app.logger.error(
            { err: error instanceof AppError ? (error.hint ?? error.message) : String(error) },
            `${label} could not start`,
          );
        });
      }
    },
    async stop() {
      for (const { adapter } of adapters) await adapter.stop();
    },
  };
}
