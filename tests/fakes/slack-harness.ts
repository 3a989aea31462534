// Runs the real Slack adapter (real Bolt app) behind a local express server, against the fake Web API, and sends
// it correctly signed requests (HMAC-SHA256 v0 over `v0:<timestamp>:<body>` with the signing secret).
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackDeps,
  type SlackSettings,
} from '../../adapters/slack/slack-adapter.js';
import type { Answer } from '../../src/core/answer.js';
import { createLogger } from '../../src/core/logger.js';
import { createFakeAgent, type FakeAgent } from './slack-fake-agent.js';
import { type FakeSlackWebApi, startFakeSlackWebApi } from './slack-web-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-1111-2222-SECRETBOTTOKEN';
// A 1×1 PNG is enough: the adapter uploads bytes, it does not look at them.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface SignedOptions {
  timestamp?: number;
  signature?: string;
  retryNum?: number;
  /** Gives up on the request (a hung server is then a failure, not a test that never ends). */
  signal?: AbortSignal;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function signedPost(
  url: string,
  body: string,
  contentType: string,
  options: SignedOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp),
      ...(options.retryNum
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

let eventCounter = 0;
export function eventEnvelope(
  event: Record<string, unknown>,
  options: { eventId?: string; teamId?: string } = {},
) {
  return {
    token: 'legacy-verification-token',
    team_id: options.teamId ?? 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now()}${eventCounter++}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: options.teamId ?? 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  };
}

export interface SlackHarness {
  url: string;
  api: FakeSlackWebApi;
  agent: FakeAgent;
  adapter: SlackAdapter;
  feedback: { conversation: string; answerId: string; value: 'up' | 'down'; user: string }[];
  logs(): string;
  sendEvent(
    event: Record<string, unknown>,
    options?: SignedOptions & { eventId?: string; teamId?: string },
  ): Promise<Response>;
  sendAction(payload: Record<string, unknown>): Promise<Response>;
  sendCommand(fields: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startSlackHarness(
  options: {
    settings?: Partial<SlackSettings>;
    agentDelayMs?: number;
    api?: FakeSlackWebApi;
    /** Point the adapter at another Web API (the benchmark's out-of-process fake); `api` then stays idle. */
    apiUrl?: string;
    /** A real agent instead of the scripted fake (benchmarks); `agent` then records nothing. */
    ask?: (question: { conversation: string; text: string }) => Promise<Answer>;
    /** Extra adapter dependencies (the retry list's store and timing, chart URLs, streaming). */
    deps?: Pick<
      SlackDeps,
      'unanswered' | 'retryIntervalMs' | 'retryMaxAgeMs' | 'publishChart' | 'streamText' | 'seenEvents'
    >;
    /**
     * Whether Slack takes the assistant's live status (default: refused, as for an app installed without
     * assistant:write: the placeholder → update fallback the older tests exercise).
     */
    status?: 'shown' | 'refused';
  } = {},
): Promise<SlackHarness> {
  const api = options.api ?? (await startFakeSlackWebApi());
  if (options.status !== 'shown' && !options.api) api.statusError = 'missing_scope';
  const agent = createFakeAgent({ delayMs: options.agentDelayMs ?? 0 });
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const feedback: SlackHarness['feedback'] = [];
  const adapter = await createSlackAdapter(
    {
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: options.apiUrl ?? api.apiUrl,
      allowedTeamIds: [],
      allowedChannelIds: [],
      ...options.settings,
    },
    {
      agent: options.ask ? { ask: options.ask } : agent,
      renderCharts: async (answer: Answer) =>
        answer.charts.map((chart) => ({ id: chart.id, png: PNG, title: chart.title, alt: chart.alt })),
      recordFeedback: async (item) => {
        feedback.push(item);
      },
      currency: 'CHF',
      logger,
      ...options.deps,
    },
  );
  const web = express();
  if (adapter.router) web.use(adapter.router);
  const server: Server = web.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  return {
    url,
    api,
    agent,
    adapter,
    feedback,
    logs: () => lines.join(''),
    sendEvent: (event, signed = {}) =>
      signedPost(url, JSON.stringify(eventEnvelope(event, signed)), 'application/json', signed),
    sendAction: (payload) =>
      signedPost(
        url,
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
      ),
    sendCommand: (fields) =>
      signedPost(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded'),
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.api) await api.close();
    },
  };
}
