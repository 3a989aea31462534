// The Slack adapter: a Bolt app in HTTP mode (an ExpressReceiver whose router the main server mounts, serving
// POST /slack/events with signature verification) or in Socket Mode when an app token is set. The bot's identity
// comes from one auth.test call made here, so Bolt runs with tokenVerificationEnabled:false and never makes that
// call itself (its own attempt can end in an unhandled rejection).
import { App, ExpressReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import express from 'express';
import type { Answer } from '../../src/core/answer.js';
import { type DeliveryPort, deliveryPortOf } from '../../src/core/delivery-port.js';
import { AppError } from '../../src/core/errors.js';
import type { ListStore } from '../../src/core/list-store.js';
import type { Logger } from '../../src/core/logger.js';
import type { PlatformAdapter } from '../../src/core/platform-adapter.js';
import type { Question } from '../../src/core/question.js';
import { createDedupe, createLru, type Lru } from '../shared/lru.js';
import type { ActionDeps } from './actions.js';
import { answerQuestion, type ChannelReply, type RememberedAnswer, threadKey } from './answer-flow.js';
import { toBoltLogger } from './bolt-logger.js';
import { type ChartImage, createDelivery } from './delivery.js';
import { createPersistentDedupe, type SeenEvent } from './event-dedupe.js';
import { registerListeners } from './listeners.js';
import { alreadyPosted, postAnswer } from './post-answer.js';
import { parseSlackRef } from './refs.js';
import { refuseFutureTimestamps } from './request-time.js';
import {
  createMemoryUnansweredStore,
  createRetryLater,
  type RetryLater,
  type UnansweredStore,
} from './retry-later.js';
import { describeSlackError } from './slack-errors.js';
import { slackStatus } from './status.js';

export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  allowedTeamIds: string[];
  allowedChannelIds: string[];
  /** A Web API call with no reply after this long is abandoned and retried (default 20 s; tests shorten it). */
  apiTimeoutMs?: number;
  /** SLACK_CHANNEL_REPLY: what a question asked in a channel gets there (default full). */
  channelReply?: ChannelReply;
}

export interface SlackDeps {
  agent: { ask(question: Question): Promise<Answer> };
  renderCharts(answer: Answer): Promise<ChartImage[]>;
  recordFeedback?(feedback: {
    conversation: string;
    answerId: string;
    value: 'up' | 'down';
    user: string;
  }): Promise<void>;
  currency: string;
  logger: Logger;
  /** Signed public chart URLs (PUBLIC_BASE_URL): image blocks point there instead of an uploaded file. */
  publishChart?(png: Buffer): string;
  /** The LLM composer is on: its answers are streamed (chatStream). */
  streamText?: boolean;
  /** Conversations remembered from before a restart (`slack:T:C:ts`): their threads again need no @mention. */
  knownConversations?: string[];
  /** Where questions Slack would not take wait for it to come back (default: in memory, lost on restart). */
  unanswered?: UnansweredStore;
  /** Event ids already answered, kept across restarts (default: in memory only, lost on restart). */
  seenEvents?: ListStore<SeenEvent>;
  /** How often they are tried again (default 60 s) and for how long (default 1 h). */
  retryIntervalMs?: number;
  retryMaxAgeMs?: number;
}

export interface SlackAdapter extends PlatformAdapter {
  readonly platform: 'slack';
  /** HTTP mode only: mount at the root of the main express app (serves POST /slack/events). */
  readonly router?: express.Router;
  /** `post` and `alreadyPosted` for digests and alerts (platform errors become DeliveryErrors). */
  readonly deliveryPort: DeliveryPort;
  /** Starts retrying the questions Slack would not take; Socket Mode connects here. */
  start(): Promise<void>;
  /** Waits (bounded) for answers in progress, then disconnects Socket Mode. */
  stop(): Promise<void>;
  /** Posts an Answer to 'slack:T:C' (a new message) or 'slack:T:C:ts' (in that thread); digests use it. With a
   * `deliveryKey`, the key rides in the message's metadata so `alreadyPosted` can find it after a crash. */
  post(channelRef: string, answer: Answer, options?: { deliveryKey?: string }): Promise<void>;
  /** Whether a message posted with this key is among the channel's latest (needs channels:history). */
  alreadyPosted(channelRef: string, deliveryKey: string): Promise<boolean>;
  /** Resolves when no answer is being prepared (tests, benchmarks, graceful shutdown). */
  whenIdle(): Promise<void>;
  /** The questions Slack would not take, asked again every minute (and at once with `retry`). */
  unanswered: Pick<RetryLater, 'retry' | 'pending'>;
}

// Dedupe window: Slack retries within minutes; 5000 ids cover far more than that at any realistic traffic.
const SEEN_EVENTS = 5000;
const RECENT_ANSWERS = 500;
// Threads where a reply needs no @mention; seeded at start from the conversations the agent's memory kept.
const BOT_THREADS = 5000;
const STOP_GRACE_MS = 10_000;

/** The bot's threads, seeded from the conversations its memory kept across a restart (most recent last). */
function knownThreads(conversations: string[], max: number): Lru<string, true> {
  const threads = createLru<string, true>(max);
  for (const conversation of conversations.slice(-max)) {
    if (!conversation.startsWith('slack:')) continue;
    try {
      const { channel, threadTs } = parseSlackRef(conversation);
      if (threadTs) threads.set(threadKey(channel, threadTs), true);
    } catch {
      // not a Slack thread reference: nothing to re-arm
    }
  }
  return threads;
}

export async function createSlackAdapter(settings: SlackSettings, deps: SlackDeps): Promise<SlackAdapter> {
  const logger = deps.logger.child({ component: 'slack' });
  const boltLogger = toBoltLogger(deps.logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(settings.apiUrl
      ? { slackApiUrl: settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/` }
      : {}),
    logger: boltLogger,
    // A 429 waits for Retry-After and then counts as one retry; transport errors back off 0.5 s → 4 s. Three
    // tries keep a question's worst case well under a minute instead of the SDK's default half hour.
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
    timeout: settings.apiTimeoutMs ?? 20_000,
  };
  const web = new webApi.WebClient(settings.botToken, clientOptions);
  const identity = await whoAmI(web, logger, settings.apiUrl);

  if (!settings.appToken && !settings.signingSecret) {
    throw new AppError('CONFIG_INVALID', 'Slack HTTP mode needs a signing secret', {
      hint: 'Définissez SLACK_SIGNING_SECRET (mode HTTP) ou SLACK_APP_TOKEN (Socket Mode).',
    });
  }
  const router = settings.appToken ? undefined : express.Router();
  // Before Bolt's own route: a request stamped in the future is refused like a bad signature.
  router?.use('/slack/events', refuseFutureTimestamps());
  const receiver: Receiver = settings.appToken
    ? new SocketModeReceiver({
        appToken: settings.appToken,
        logger: boltLogger,
        installerOptions: { clientOptions },
      })
    : new ExpressReceiver({
        signingSecret: settings.signingSecret ?? '',
        endpoints: '/slack/events',
        router,
        logger: boltLogger,
      });
  const app = new App({
    token: settings.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    tokenVerificationEnabled: false,
    receiver,
    logger: boltLogger,
    clientOptions,
  });
  app.error(async (error) => {
    logger.error({ err: error.message, code: (error as { code?: string }).code }, 'slack listener failed');
  });

  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const running = work
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'slack work failed');
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  const whenIdle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  const delivery = createDelivery(web, logger, identity.botUserId);
  const flow: ActionDeps = {
    delivery,
    agent: deps.agent,
    renderCharts: deps.renderCharts,
    recordFeedback: deps.recordFeedback,
    currency: deps.currency,
    logger,
    access: { allowedTeamIds: settings.allowedTeamIds, allowedChannelIds: settings.allowedChannelIds },
    answers: createLru<string, RememberedAnswer>(RECENT_ANSWERS),
    threads: knownThreads(deps.knownConversations ?? [], BOT_THREADS),
    ...(deps.publishChart ? { publishChart: deps.publishChart } : {}),
    channelReply: settings.channelReply ?? 'full',
    streamText: deps.streamText === true,
  };
  const retryLater = createRetryLater({
    collection: deps.unanswered ?? createMemoryUnansweredStore(),
    ask: (question, options) => answerQuestion(flow, question, options),
    logger,
    intervalMs: deps.retryIntervalMs,
    maxAgeMs: deps.retryMaxAgeMs,
  });
  registerListeners(app, {
    ...flow,
    botUserId: identity.botUserId,
    dedupe: deps.seenEvents
      ? createPersistentDedupe({ collection: deps.seenEvents, logger })
      : createDedupe(SEEN_EVENTS),
    track,
    retryLater,
  });

  let connected = false;
  const post: SlackAdapter['post'] = (channelRef, answer, options) =>
    postAnswer(flow, channelRef, answer, options);
  const posted: SlackAdapter['alreadyPosted'] = (channelRef, deliveryKey) =>
    alreadyPosted(flow, channelRef, deliveryKey);
  return {
    platform: 'slack',
    ...(router ? { router } : {}),
    deliveryPort: deliveryPortOf(
      (target, answer, key) => post(target, answer, { deliveryKey: key }),
      (target, key) => posted(target, key),
    ),
    status: slackStatus(settings),
    async start() {
      // Only the serving process retries (the `digest` command connects platforms too, and must not answer).
      retryLater.start();
      if (!settings.appToken || connected) return;
      try {
        await app.start();
        connected = true;
        logger.info({ team: identity.team }, 'slack socket mode connected');
      } catch (error) {
        logger.error({ error: describeSlackError(error) }, 'slack socket mode failed to connect');
        throw new AppError('CONFIG_INVALID', 'Slack Socket Mode connection failed', {
          cause: error,
          hint: 'Slack a refusé la connexion Socket Mode : vérifiez SLACK_APP_TOKEN (xapp-…, portée connections:write).',
        });
      }
    },
    async stop() {
      await retryLater.stop();
      await Promise.race([whenIdle(), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      if (connected) {
        connected = false;
        await app.stop().catch((error: unknown) => {
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'slack stop failed');
        });
      }
    },
    post,
    alreadyPosted: posted,
    whenIdle,
    unanswered: retryLater,
  };
}

interface Identity {
  botId: string;
  botUserId: string;
  team?: string;
}

async function whoAmI(web: webApi.WebClient, logger: Logger, apiUrl: string | undefined): Promise<Identity> {
  try {
    const result = await web.auth.test();
    if (!result.user_id || !result.bot_id)
      throw new Error('auth.test returned no bot identity (is this a bot token?)');
    logger.info({ team: result.team_id, botUserId: result.user_id }, 'slack bot identity checked');
    return {
      botId: result.bot_id,
      botUserId: result.user_id,
      ...(result.team_id ? { team: result.team_id } : {}),
    };
  } catch (error) {
    const failure = describeSlackError(error);
    logger.error({ error: failure, apiUrl: apiUrl ?? 'https://slack.com/api/' }, 'slack auth.test failed');
    const refused = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'token_expired'];
    throw new AppError('CONFIG_INVALID', `Slack auth.test failed: ${failure.error}`, {
      cause: error,
      details: { ...failure },
      hint: refused.includes(failure.error)
        ? `Slack a refusé SLACK_BOT_TOKEN (${failure.error}) : copiez le « Bot User OAuth Token » (xoxb-…) de l’app.`
        : `Slack est injoignable (${failure.error}) : vérifiez le réseau ou SLACK_API_URL.`,
    });
  }
}
