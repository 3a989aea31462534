// The Teams adapter: botbuilder's CloudAdapter behind POST /api/messages, and proactive posts for digests.
// With an app id, the SDK verifies every request's JWT (Bot Connector signing keys, audience = app id). With none,
// the endpoint answers loopback callers only (Bot Framework Emulator, local tests): never the network unauthenticated.
// Sends to the connector are retried by the SDK's HTTP pipeline (@azure/core-rest-pipeline: 3 retries, 429/503
// after Retry-After, exponential backoff on 5xx), so no retry is layered on top (teams-resilience.test.ts pins it).
// Each connector call has a deadline (connector-http-client.ts); one that passes it is not retried.
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import express from 'express';
import type { Answer } from '../../src/core/answer.js';
import { type DeliveryPort, deliveryPortOf } from '../../src/core/delivery-port.js';
import { AppError, userMessage } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import type { PlatformAdapter } from '../../src/core/platform-adapter.js';
import { answerCard, type ChartImage, cardAttachment } from './answer-card.js';
import { connectorHttpClient } from './connector-http-client.js';
import type { ConversationRefStore } from './conversation-refs.js';
import { createMessagesHandler } from './http-handler.js';
import { createRecentAnswers } from './recent-answers.js';
import { teamsStatus } from './status.js';
import { createTurnHandler, type TeamsAgent, type TeamsFeedback } from './turn-handler.js';

export interface TeamsSettings {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  allowedTenantIds: string[];
  /** How long a call to the Bot Framework connector may take before it is abandoned. Default 20 s. */
  connectorTimeoutMs?: number;
  /** Test/sovereign-cloud only: extra ConfigurationBotFrameworkAuthentication keys (e.g. an OpenID metadata URL). */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

export interface TeamsDeps {
  agent: TeamsAgent;
  renderCharts(answer: Answer): Promise<ChartImage[]>;
  /**
   * Keeps a chart PNG on the server and returns its signed public URL, for charts too large to inline in a card.
   * Absent without PUBLIC_BASE_URL (such charts are then left out, with a warning).
   */
  publishChart?(png: Buffer): string;
  conversationRefs: ConversationRefStore;
  recordFeedback?(feedback: TeamsFeedback): Promise<void>;
  currency: string;
  logger: Logger;
}

export interface TeamsAdapter extends PlatformAdapter {
  readonly platform: 'teams';
  /** POST /api/messages (parses JSON itself when no body parser ran). */
  handler: express.RequestHandler;
  /** The same handler on a router, for `web.use(teams.router)`. */
  readonly router: express.Router;
  /** `post` for digests and alerts (platform errors become DeliveryErrors). */
  readonly deliveryPort: DeliveryPort;
  /** Posts an answer into a conversation the bot knows (`teams:<conversation id>`), e.g. a digest. */
  post(conversationKey: string, answer: Answer): Promise<void>;
  /** Resolves when the answers still being computed in the background have been sent (graceful shutdown, tests). */
  idle(): Promise<void>;
}

const RECENT_ANSWERS = 500;

// The public Azure cloud's endpoints (botframework-connector's AuthenticationConstants). The SDK uses them by
// default, but as soon as one endpoint is overridden it expects all of them: an override starts from these.
const PUBLIC_CLOUD: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
};

function authentication(settings: TeamsSettings): ConfigurationBotFrameworkAuthentication {
  const options = settings.appId
    ? {
        MicrosoftAppId: settings.appId,
        MicrosoftAppPassword: settings.appType === 'UserAssignedMSI' ? undefined : settings.appPassword,
        MicrosoftAppTenantId: settings.tenantId,
        MicrosoftAppType: settings.appType,
        ...(settings.authOverrides ? { ...PUBLIC_CLOUD, ...settings.authOverrides } : {}),
      }
    : {};
  // The credentials factory and auth configuration stay the SDK's defaults; only the connector's client changes.
  return new ConfigurationBotFrameworkAuthentication(options, undefined, undefined, undefined, {
    httpClient: connectorHttpClient(settings.connectorTimeoutMs ?? 20_000),
  });
}

const describe = (error: unknown) =>
  error instanceof Error
    ? // RestError carries the status; its request/response objects (headers with tokens) are never logged.
      { name: error.name, message: error.message, status: (error as { statusCode?: number }).statusCode }
    : { message: String(error) };

export function createTeamsAdapter(settings: TeamsSettings, deps: TeamsDeps): TeamsAdapter {
  const logger = deps.logger.child({ adapter: 'teams' });
  const authenticated = Boolean(settings.appId);
  const adapter = new CloudAdapter(authentication(settings));
  const answers = createRecentAnswers(RECENT_ANSWERS);
  const cardDeps = {
    renderCharts: deps.renderCharts,
    ...(deps.publishChart ? { publishChart: deps.publishChart } : {}),
    currency: deps.currency,
    logger,
  };
  // Answers computed after the request was acknowledged; kept so shutdown (and tests) can wait for them.
  const pending = new Set<Promise<void>>();
  function defer(context: TurnContext, work: (context: TurnContext) => Promise<void>): void {
    const ref = TurnContext.getConversationReference(context.activity) as ConversationReference;
    // Errors inside `work` reach onTurnError (French message); this catch is for the continuation itself.
    const task: Promise<void> = adapter
      .continueConversationAsync(settings.appId ?? '', ref, async (turn) => {
        // The SDK's continuation event has a random id: point it back at the question so the answer replies to it.
        turn.activity.id = ref.activityId;
        await work(turn);
      })
      .catch((error: unknown) => logger.error({ err: describe(error) }, 'teams deferred answer failed'))
      .finally(() => pending.delete(task));
    pending.add(task);
  }

  const logic = createTurnHandler({
    ...cardDeps,
    defer,
    agent: deps.agent,
    conversationRefs: deps.conversationRefs,
    recordFeedback: deps.recordFeedback,
    allowedTenantIds: settings.allowedTenantIds,
    answers,
  });

  adapter.onTurnError = async (context, error) => {
    // The user gets a short French message; the log gets what happened, never a stack trace or a header.
    logger.error(
      {
        err: describe(error),
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
      },
      'teams turn failed',
    );
    try {
      await context.sendActivity({ type: ActivityTypes.Message, text: userMessage(error) });
    } catch (sendError) {
      logger.warn({ err: describe(sendError) }, 'teams error message could not be sent');
    }
  };

  if (!authenticated) {
    logger.warn(
      'MICROSOFT_APP_ID is not set: /api/messages accepts unauthenticated requests from this machine only (Emulator, tests)',
    );
  }

  const handler = createMessagesHandler(adapter, logic, { authenticated });
  const router = express.Router();
  router.post('/api/messages', handler);

  async function post(conversationKey: string, answer: Answer): Promise<void> {
    const ref = await deps.conversationRefs.get(conversationKey);
    if (!ref?.conversation?.id || !ref.serviceUrl) {
      // Permanent (like a malformed Slack target): retrying cannot help until the bot is added there.
      throw new AppError(
        'INVALID_ARGUMENTS',
        `no Teams conversation reference stored for ${conversationKey}`,
        {
          hint: 'Ajoutez d’abord le bot à cette conversation Teams (ou écrivez-lui), puis réessayez.',
          details: { conversationKey },
        },
      );
    }
    // A failure must reach the caller (the digest records what was delivered), not onTurnError, which would post
    // an error message in the conversation and swallow it.
    let failure: unknown;
    await adapter.continueConversationAsync(
      settings.appId ?? '',
      ref as ConversationReference,
      async (context) => {
        // The SDK gives its synthetic continuation event a random id, which would turn the post into a reply to a
        // message that does not exist; without it the card is a new message in the conversation.
        context.activity.id = undefined;
        try {
          const answerId = randomUUID();
          answers.set(answerId, { conversation: conversationKey, answer });
          const card = await answerCard(cardDeps, answer, answerId);
          await context.sendActivity({ type: ActivityTypes.Message, attachments: [cardAttachment(card)] });
        } catch (error) {
          failure = error;
        }
      },
    );
    if (failure !== undefined) throw failure;
    logger.info({ conversationKey, intent: answer.intent }, 'teams proactive answer posted');
  }

  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  }

  return {
    platform: 'teams',
    handler,
    router,
    deliveryPort: deliveryPortOf((target, answer) => post(target, answer)),
    status: teamsStatus({ ...settings, chartLinks: deps.publishChart !== undefined }),
    // Nothing to connect: the Bot Framework calls in through the router.
    async start() {},
    stop: idle,
    post,
    idle,
  };
}
