// Switches on the chat platforms whose settings are present (Slack; Teams, always mounted but network-closed
// without an app id)
// and plugs them in as delivery ports for digests and alerts. Called by `serve` and `digest` only: `ask`,
// `kpi` and the other commands never reach a platform.
import type express from 'express';
import { seenEventSchema } from '../../adapters/slack/event-dedupe.js';
import { unansweredSchema } from '../../adapters/slack/retry-later.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { createTeamsAdapter, type TeamsAdapter } from '../../adapters/teams/teams-adapter.js';
import type { Answer } from '../core/answer.js';
import { AppError, isAppError, userMessage } from '../core/errors.js';
import { DeliveryError, type DeliveryPort } from '../digests/delivery.js';
import { createStoredConversationRefs } from '../store/conversation-refs.js';
import { createJsonCollection } from '../store/json-collection.js';
import type { App } from './app.js';
import type { FeatureStatus } from './startup-report.js';

export interface Platforms {
  /** Routers to mount on the HTTP server (before any body parser: Slack verifies the raw body). */
  routers: express.Router[];
  statuses: FeatureStatus[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The charts of an answer as PNGs, for adapters that upload or link them. */
export function chartRendererFor(app: App) {
  return async (answer: Answer) =>
    Promise.all(
      answer.charts.map(async (request) => {
        const chart = await app.charts.render(request, {
          currency: app.config.currency,
          language: answer.language,
        });
        return { id: request.id, png: chart.png, title: chart.title, alt: chart.alt };
      }),
    );
}

/**
 * A platform's post (and, where the platform can tell, its alreadyPosted) as the digests' delivery port. Bad
 * references are permanent; so is a post the platform never confirmed (PLATFORM_TIMEOUT), which may have arrived:
 * retrying it could post the digest twice. Anything else is retried.
 */
export function deliveryPortOf(
  post: (target: string, answer: Answer, key: string) => Promise<void>,
  alreadyPosted?: (target: string, key: string) => Promise<boolean>,
): DeliveryPort {
  return {
    ...(alreadyPosted ? { alreadyPosted } : {}),
    async post(target, answer, options) {
      try {
        await post(target, answer, options.idempotencyKey);
      } catch (error) {
        const permanent =
          isAppError(error) &&
          ['INVALID_ARGUMENTS', 'CONFIG_INVALID', 'PLATFORM_TIMEOUT'].includes(error.code);
        throw new DeliveryError(isAppError(error) ? `${error.code}: ${userMessage(error)}` : String(error), {
          permanent,
        });
      }
    },
  };
}

export async function connectPlatforms(app: App): Promise<Platforms> {
  const routers: express.Router[] = [];
  const statuses: FeatureStatus[] = [];
  let slack: SlackAdapter | undefined;
  const { slack: slackConfig } = app.config;
  if (slackConfig.botToken) {
    try {
      slack = await createSlackAdapter(
        { ...slackConfig, botToken: slackConfig.botToken },
        {
          agent: app.agent,
          renderCharts: chartRendererFor(app),
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
      if (slack.router) routers.push(slack.router);
      const adapter = slack;
      app.registerDeliveryPort(
        'slack',
        deliveryPortOf(
          (target, answer, key) => adapter.post(target, answer, { deliveryKey: key }),
          (target, key) => adapter.alreadyPosted(target, key),
        ),
      );
    } catch (error) {
      const reason = isAppError(error) ? (error.hint ?? error.message) : String(error);
      app.logger.error({ err: reason }, 'Slack could not be switched on');
      statuses.push({ feature: 'slack', on: false, why: `erreur au démarrage : ${reason}` });
    }
  }
  // Teams is always mounted: without MICROSOFT_APP_ID it answers only this machine (the Bot Framework Emulator).
  const teams: TeamsAdapter = createTeamsAdapter(
    { ...app.config.teams, publicBaseUrl: app.config.http.publicBaseUrl, chartUrlSecret: app.chartUrlSecret },
    {
      agent: app.agent,
      renderCharts: chartRendererFor(app),
      chartStore: app.chartStore,
      conversationRefs: createStoredConversationRefs(app.config.stateDir, { logger: app.logger }),
      recordFeedback: (feedback) => app.feedback.record({ ...feedback, surface: 'teams' }),
      currency: app.config.currency,
      logger: app.logger,
    },
  );
  routers.push(teams.router);
  app.registerDeliveryPort(
    'teams',
    deliveryPortOf((target, answer) => teams.post(target, answer)),
  );

  return {
    routers,
    statuses,
    async start() {
      if (slack) {
        await slack.start().catch((error: unknown) => {
          app.logger.error(
            { err: error instanceof AppError ? (error.hint ?? error.message) : String(error) },
            'Slack Socket Mode could not connect',
          );
        });
      }
    },
    async stop() {
      await slack?.stop();
      await teams.idle();
    },
  };
}
