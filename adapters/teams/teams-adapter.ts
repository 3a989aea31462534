// The Teams adapter: the Microsoft 365 Agents SDK's CloudAdapter (@microsoft/agents-hosting) behind POST
// /api/messages, and proactive posts for digests (continueConversation from stored references). With an app id, the
// SDK verifies every request's JWT (signing keys, audience = app id, expiry; issuer and serviceUrl checked too). With
// none, the endpoint answers loopback callers only (Bot Framework Emulator, local tests): never the network
// unauthenticated. The SDK's connector client is a bare fetch; connector-http-client.ts adds a deadline on every call
// (one that passes it is not retried) and retries of 429/5xx (teams-resilience.test.ts pins both).
import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { AuthConfiguration, TurnContext } from '@microsoft/agents-hosting';
import express from 'express';
import type { Answer } from '../../src/core/answer.js';
import { type DeliveryPort, deliveryPortOf } from '../../src/core/delivery-port.js';
import { AppError, userMessage } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import type { PlatformAdapter } from '../../src/core/platform-adapter.js';
import { createLru } from '../shared/lru.js';
import { answerMessage } from './ai-entities.js';
import { answerCard, type ChartImage, cardAttachment } from './answer-card.js';
import { TeamsCloudAdapter } from './cloud-adapter.js';
import { agentsReference, type ConversationRefStore } from './conversation-refs.js';
import { createMessagesHandler } from './http-handler.js';
import { createRecentAnswers } from './recent-answers.js';
import { teamsStatus } from './status.js';
import type { StreamSettings } from './stream.js';
import { createTurnHandler, type TeamsAgent, type TeamsFeedback } from './turn-handler.js';

export interface TeamsSettings {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  allowedTenantIds: string[];
  /** How long a call to the Bot Framework connector may take before it is abandoned. Default 20 s. */
  connectorTimeoutMs?: number;
  /**
   * Test/sovereign-cloud only: extra Agents SDK auth settings, e.g. `authorityEndpoint` (whose
   * `/discovery/v2.0/keys` serves the signing keys of non-Bot-Framework issuers) and `issuers`.
   */
  authOverrides?: Partial<AuthConfiguration>;
  /** Streaming in personal chats (Teams allows about one update per second; tests shorten the pause). */
  stream?: StreamSettings;
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

const AUTH_TYPES = {
  SingleTenant: 'ClientSecret',
  MultiTenant: 'ClientSecret',
  UserAssignedMSI: 'UserManagedIdentity',
} as const;

/** The Agents SDK's auth settings from ours (the same MicrosoftAppId / password / tenant as botbuilder read). */
function authentication(settings: TeamsSettings): AuthConfiguration {
  if (!settings.appId) {
    // No app id: nothing is verified (loopback only) and replies go without a token. A placeholder id keeps the SDK
    // from refusing to start under NODE_ENV=production; it is never an audience a token can match (no JWT check).
    return { clientId: 'loopback-only-no-app-id' };
  }
  return {
    clientId: settings.appId,
    ...(settings.appType === 'UserAssignedMSI' ? {} : { clientSecret: settings.appPassword }),
    // MultiTenant bots get tokens from the botframework.com tenant, like botbuilder did.
    tenantId:
      settings.appType === 'MultiTenant' ? (settings.tenantId ?? 'botframework.com') : settings.tenantId,
    authType: AUTH_TYPES[settings.appType],
    // The token's issuer must be one of the Bot Framework's or the tenant's (the SDK checks it only when asked).
    validateIssuer: true,
    ...settings.authOverrides,
  };
}

const describe = (error: unknown) =>
  error instanceof Error
    ? // HttpError carries the status; its request/response objects (headers with tokens) are never logged.
      { name: error.name, message: error.message, status: (error as { status?: number }).status }
    : { message: String(error) };

export function createTeamsAdapter(settings: TeamsSettings, deps: TeamsDeps): TeamsAdapter {
  const logger = deps.logger.child({ adapter: 'teams' });
  const authenticated = Boolean(settings.appId);
  const adapter = new TeamsCloudAdapter(authentication(settings), {
    timeoutMs: settings.connectorTimeoutMs ?? 20_000,
  });
  const answers = createRecentAnswers(RECENT_ANSWERS);
  const messageAnswers = createLru<string, string>(RECENT_ANSWERS);
  // Without an app id the SDK needs an identity without audience to send anonymously (the Emulator takes no token).
  const botIdentity = settings.appId ?? { aud: undefined as unknown as string };
  const cardDeps = {
    renderCharts: deps.renderCharts,
    ...(deps.publishChart ? { publishChart: deps.publishChart } : {}),
    currency: deps.currency,
    logger,
  };
  // Answers computed after the request was acknowledged; kept so shutdown (and tests) can wait for them.
  const pending = new Set<Promise<void>>();
  function defer(context: TurnContext, work: (context: TurnContext) => Promise<void>): void {
    const ref = context.activity.getConversationReference();
    // Errors inside `work` reach onTurnError (French message); this catch is for the continuation itself.
    const task: Promise<void> = adapter
      .continueConversation(botIdentity, ref, async (turn) => {
        // The continuation event carries the question's id, so the answer replies to it.
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
    messageAnswers,
    ...(settings.stream ? { stream: settings.stream } : {}),
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
      await context.sendActivity(
        Activity.fromObject({ type: ActivityTypes.Message, text: userMessage(error) }),
      );
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
    await adapter.continueConversation(botIdentity, agentsReference(ref), async (context: TurnContext) => {
      // The SDK gives its synthetic continuation event a random id, which would turn the post into a reply to a
      // message that does not exist; without it the card is a new message in the conversation.
      context.activity.id = undefined;
      try {
        const answerId = randomUUID();
        answers.set(answerId, { conversation: conversationKey, answer });
        const card = await answerCard(cardDeps, answer, answerId);
        const sent = await context.sendActivity(
          Activity.fromObject(answerMessage(answer, cardAttachment(card))),
        );
        if (sent?.id) messageAnswers.set(sent.id, answerId);
      } catch (error) {
        failure = error;
      }
    });
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
    // Built without an app id only when asked for (TEAMS_EMULATOR, tests): that is the Emulator mode.
    status: teamsStatus({
      ...settings,
      emulator: !authenticated,
      chartLinks: deps.publishChart !== undefined,
    }),
    // Nothing to connect: the Bot Framework calls in through the router.
    async start() {},
    stop: idle,
    post,
    idle,
  };
}
