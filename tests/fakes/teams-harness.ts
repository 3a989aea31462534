// Test harness for the Teams adapter: the real CloudAdapter behind a local express server (/api/messages), a
// scripted agent returning canned Answers, a fake chart renderer, and builders for Teams activities.
import type { Server } from 'node:http';
import express from 'express';
import {
  type ConversationRefStore,
  createMemoryConversationRefStore,
} from '../../adapters/teams/conversation-refs.js';
import {
  createTeamsAdapter,
  type TeamsAdapter,
  type TeamsSettings,
} from '../../adapters/teams/teams-adapter.js';
import type { TeamsFeedback } from '../../adapters/teams/turn-handler.js';
import { createChartPublisher } from '../../src/app/http/signed-urls.js';
import type { Answer } from '../../src/core/answer.js';
import { type Logger, silentLogger } from '../../src/core/logger.js';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const BOT = { id: '28:bot-id', name: 'MarketingBot' };
export const USER = { id: '29:user-id', name: 'Alice', aadObjectId: 'aad-alice' };
export const SECRET = 'test-chart-url-secret';

/** A tiny valid PNG (1×1, transparent): what the fake renderer returns unless told to return a big one. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface ScriptedAgent {
  calls: { conversation: string; text: string }[];
  ask(question: { conversation: string; text: string }): Promise<Answer>;
}

export function scriptedAgent(answerFor: (text: string) => Answer): ScriptedAgent {
  const calls: { conversation: string; text: string }[] = [];
  return {
    calls,
    async ask(question) {
      calls.push(question);
      return answerFor(question.text);
    },
  };
}

export interface Harness {
  url: string;
  adapter: TeamsAdapter;
  agent: ScriptedAgent;
  refs: ConversationRefStore;
  feedback: TeamsFeedback[];
  storedCharts: Buffer[];
  close(): Promise<void>;
}

/** Where and for how long charts too large to inline are linked (the app's chart publisher, signed with SECRET). */
export interface ChartLinkOptions {
  publicBaseUrl?: string;
  /** Default 24 h, as in the app. */
  chartUrlTtlMs?: number;
}

export interface HarnessOptions {
  answer: (text: string) => Answer;
  settings?: Partial<TeamsSettings> & ChartLinkOptions;
  /** PNG bytes the fake chart renderer returns (default TINY_PNG). */
  chartPng?: Buffer;
  chartStore?: { put(png: Buffer): string };
  host?: string;
  /** Where the adapter logs (default: nowhere). */
  logger?: Logger;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const agent = scriptedAgent(options.answer);
  const refs = createMemoryConversationRefStore();
  const feedback: TeamsFeedback[] = [];
  const storedCharts: Buffer[] = [];
  const { publicBaseUrl, chartUrlTtlMs, ...settings } = options.settings ?? {};
  const chartStore = options.chartStore ?? {
    put(png: Buffer) {
      storedCharts.push(png);
      return `${String(storedCharts.length).padStart(32, '0')}`;
    },
  };
  const adapter = createTeamsAdapter(
    // Teams streams at about one update a second; the tests shorten the SDK's pause between streamed sends.
    { appType: 'MultiTenant', allowedTenantIds: [], stream: { delayMs: 10 }, ...settings },
    {
      agent,
      renderCharts: async (answer) =>
        answer.charts.map((chart) => ({
          id: chart.id,
          png: options.chartPng ?? TINY_PNG,
          title: chart.title,
          alt: chart.alt,
        })),
      ...(publicBaseUrl
        ? {
            publishChart: createChartPublisher(
              { baseUrl: publicBaseUrl, secret: SECRET, ttlMs: chartUrlTtlMs ?? 24 * 60 * 60 * 1000 },
              { chartStore },
            ),
          }
        : {}),
      conversationRefs: refs,
      recordFeedback: async (item) => {
        feedback.push(item);
      },
      currency: 'CHF',
      logger: options.logger ?? silentLogger(),
    },
  );
  const web = express();
  web.use(adapter.router);
  const server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, options.host ?? '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = (options.host ?? '127.0.0.1').includes(':')
    ? `[${options.host}]`
    : (options.host ?? '127.0.0.1');
  return {
    url: `http://${host}:${port}/api/messages`,
    adapter,
    agent,
    refs,
    feedback,
    storedCharts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Activity = Record<string, unknown>;
let nextId = 1;

/** A message in the personal (1:1) chat with the bot. */
export function personalMessage(serviceUrl: string, text: string, extra: Activity = {}): Activity {
  nextId += 1;
  return {
    type: 'message',
    id: `msg-${nextId}`,
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text,
    textFormat: 'plain',
    locale: 'fr-CH',
    ...extra,
  };
}

export const CHANNEL_ID = '19:marketing@thread.tacv2';

/** A channel post that @mentions the bot (Teams puts the mention markup in the text and an entity). */
export function channelMention(serviceUrl: string, question: string, extra: Activity = {}): Activity {
  nextId += 1;
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    id: `post-${nextId}`,
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: {
      id: `${CHANNEL_ID};messageid=post-${nextId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: {
      tenant: { id: TENANT },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: CHANNEL_ID },
    },
    text: `${mention} ${question}`,
    entities: [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: mention }],
    ...extra,
  };
}

export async function send(
  url: string,
  activity: Activity,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** The replies of an `expectReplies` request (the SDK returns them in the HTTP response body). */
export function replies(body: unknown): Activity[] {
  return ((body as { activities?: Activity[] } | undefined)?.activities ?? []) as Activity[];
}

export type CardJson = {
  type: string;
  version: string;
  body: { type: string; url?: string; text?: string }[];
  actions?: { type: string; title: string; data: { kind: string; value: string; answerId?: string } }[];
};

/** The Adaptive Card of a reply, or undefined when the reply carries none. */
export function cardOf(activity: Activity): CardJson | undefined {
  const attachments = activity.attachments as { contentType: string; content: CardJson }[] | undefined;
  return attachments?.find((item) => item.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
