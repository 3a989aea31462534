// Shared by the load test and `npm run bench -- load`: the whole app as `npm start` wires it (Slack on, against the
// fake Web API; the web chat), a generated wave of signed Slack events (mentions in many channels and threads,
// retried deliveries, hostile texts) mixed with web-chat questions, and the figures and invariant violations of a
// wave: ack latency, exactly-once answers per thread, web replies, /healthz, peak RSS.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACEHOLDER } from '../../adapters/slack/answer-flow.js';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { connectPlatforms, type Platforms } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { BOT_TOKEN, eventEnvelope, SIGNING_SECRET, signedPost } from '../fakes/slack-harness.js';
import { type FakeSlackWebApi, startFakeSlackWebApi } from '../fakes/slack-web-api.js';
import { ODD_UNICODE, PROMPT_INJECTIONS, REAL_QUESTIONS, SQL_INJECTIONS } from '../fuzz/corpus.js';

/** `LOAD_SCALE=<n>` multiplies the bounded default counts (a larger run: `LOAD_SCALE=5 npm test -- tests/load`). */
export function loadScale(): number {
  const factor = Number(process.env.LOAD_SCALE ?? '1');
  return Number.isFinite(factor) && factor > 0 ? factor : 1;
}

export interface LoadSystem {
  app: App;
  platforms: Platforms;
  server: RunningServer;
  slackApi: FakeSlackWebApi;
  close(): Promise<void>;
}

/** The app with Slack switched on by its settings; per-user rate limits off (one bot, hundreds of questions).
 * `healthPort`: the health probe's port (HEALTH_PORT), off when absent. */
export async function startLoadSystem(options: { healthPort?: number } = {}): Promise<LoadSystem> {
  const slackApi = await startFakeSlackWebApi();
  const config = loadConfig({
    DUCKDB_PATH: ':memory:',
    STATE_DIR: mkdtempSync(join(tmpdir(), 'load-')),
    PORT: '0',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
    RATE_LIMIT_PER_MINUTE: '0',
    // Every web question of the wave comes from 127.0.0.1: the web API's address and global limits are off too.
    WEB_RATE_LIMIT_PER_ADDRESS: '0',
    WEB_RATE_LIMIT_GLOBAL: '0',
    ...(process.env.LOAD_CONCURRENCY ? { ANSWER_CONCURRENCY: process.env.LOAD_CONCURRENCY } : {}),
    // The agent on worker threads (`LOAD_AGENT_WORKERS=2`) or on the bot's thread (0).
    ...(process.env.LOAD_AGENT_WORKERS ? { AGENT_WORKERS: process.env.LOAD_AGENT_WORKERS } : {}),
    // For before/after comparisons of the request pacing (`LOAD_REQUESTS_PER_TURN=0` = off).
    ...(process.env.LOAD_REQUESTS_PER_TURN
      ? { HTTP_REQUESTS_PER_TURN: process.env.LOAD_REQUESTS_PER_TURN }
      : {}),
    // For before/after comparisons of the conversation memory bound (`LOAD_CONVERSATIONS_IN_MEMORY=5000`).
    ...(process.env.LOAD_HEAP_GROWING_PERCENT
      ? { HEAP_GROWING_PERCENT: process.env.LOAD_HEAP_GROWING_PERCENT }
      : {}),
    // For before/after comparisons of the chart worker's idle timeout and the chart store's bound.
    ...(process.env.LOAD_CHART_WORKER_IDLE_MS
      ? { CHART_WORKER_IDLE_MS: process.env.LOAD_CHART_WORKER_IDLE_MS }
      : {}),
    ...(process.env.LOAD_CHART_STORE_MAX_MB
      ? { CHART_STORE_MAX_MB: process.env.LOAD_CHART_STORE_MAX_MB }
      : {}),
    // For before/after comparisons of the background threads' priority (`LOAD_BACKGROUND_THREAD_NICE=0` = off).
    ...(process.env.LOAD_BACKGROUND_THREAD_NICE
      ? { BACKGROUND_THREAD_NICE: process.env.LOAD_BACKGROUND_THREAD_NICE }
      : {}),
    ...(process.env.LOAD_CONVERSATIONS_IN_MEMORY
      ? { CONVERSATIONS_IN_MEMORY: process.env.LOAD_CONVERSATIONS_IN_MEMORY }
      : {}),
    ...(options.healthPort ? { HEALTH_PORT: String(options.healthPort) } : {}),
  });
  const app = await createApp(config, { logger: silentLogger() });
  const platforms = await connectPlatforms(app);
  const server = await startServer(app, platforms.routers);
  // Warm-up (catalog, ML models, chart renderer, JIT): the first questions of a fresh process are not the load.
  for (const text of REAL_QUESTIONS.slice(0, 8))
    await (
      await fetch(`${server.url}api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      })
    ).arrayBuffer();
  return {
    app,
    platforms,
    server,
    slackApi,
    async close() {
      await platforms.stop();
      await server.close();
      await app.close();
      await slackApi.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The wave.

const CONTROL_CHARS = 'Top 5 des campagnes\u0000\u0001\u0007\u001b[31m par ROI\u0008\u007f\r\n\t\u000b\u000c';
const HUGE = (seed: number) =>
  `${REAL_QUESTIONS[seed % REAL_QUESTIONS.length]} `.repeat(1000).slice(0, 20_000);

/** The n-th text of a wave: mostly real questions, one in three hostile (SQL, prompt injection, 20 KB, controls). */
export function loadText(n: number): string {
  const real = REAL_QUESTIONS[n % REAL_QUESTIONS.length]!;
  switch (n % 9) {
    case 1:
      return `${real} ${SQL_INJECTIONS[n % SQL_INJECTIONS.length]}`;
    case 4:
      return `${PROMPT_INJECTIONS[n % PROMPT_INJECTIONS.length]} ${real}`;
    case 7:
      return n % 2 === 0 ? HUGE(n) : `${CONTROL_CHARS} ${ODD_UNICODE[n % ODD_UNICODE.length]}`;
    default:
      return real;
  }
}

export interface SlackItem {
  eventId: string;
  channel: string;
  ts: string;
  threadTs: string;
  user: string;
  text: string;
  /** Extra deliveries of the same event (X-Slack-Retry-Num 1, 2…) sent while the first is in progress. */
  retries: number;
}

export type WebItem =
  | { kind: 'valid'; text: string; conversation?: string }
  | { kind: 'invalid'; body: string };

export interface Wave {
  index: number;
  slack: SlackItem[];
  web: WebItem[];
}

const CHANNELS = 40;

/** A deterministic wave: `slackEvents` mentions over 40 channels (a quarter of them replies in an existing thread,
 * a tenth delivered again as Slack retries) and `webQuestions` web-chat requests (a fifth of them invalid). */
export function buildWave(index: number, slackEvents: number, webQuestions: number): Wave {
  const slack: SlackItem[] = [];
  for (let i = 0; i < slackEvents; i++) {
    const channel = `CLW${index}N${i % CHANNELS}`;
    const ts = `17140${String(index).padStart(2, '0')}${String(i).padStart(5, '0')}.000100`;
    // A reply in the thread of an earlier root in the same channel.
    const root = i % 4 === 3 && i >= CHANNELS ? slack[i - CHANNELS] : undefined;
    slack.push({
      eventId: `EvLoad${index}x${i}`,
      channel,
      ts,
      threadTs: root ? root.threadTs : ts,
      user: `U${String(i % 97).padStart(4, '0')}`,
      text: loadText(i),
      retries: i % 10 === 5 ? 1 + (i % 3 === 0 ? 1 : 0) : 0,
    });
  }
  const web: WebItem[] = [];
  for (let i = 0; i < webQuestions; i++) {
    if (i % 5 === 2) {
      const invalid = [
        '{not json',
        JSON.stringify({ conversation: 'web:x' }),
        JSON.stringify({ text: 'Top 5', conversation: `slack:T1:C1:${i}` }),
        JSON.stringify({ text: 'x'.repeat(20_001) }),
        JSON.stringify({ text: { $gt: '' } }),
      ];
      web.push({ kind: 'invalid', body: invalid[Math.floor(i / 5) % invalid.length]! });
    } else {
      // Every third valid question continues a web conversation, the rest open one.
      const conversation = i % 3 === 0 ? `web:load-${index}-${i % 7}` : undefined;
      web.push({ kind: 'valid', text: loadText(i + 3), ...(conversation ? { conversation } : {}) });
    }
  }
  return { index, slack, web };
}

// ---------------------------------------------------------------------------------------------------------
// Running a wave.

export interface RssSampler {
  peak(): number;
  stop(): number;
}

/** Samples process.memoryUsage().rss every `everyMs`; `stop()` returns the peak. */
export function sampleRss(everyMs = 100): RssSampler {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  // A failed expectation must not leave a timer that keeps jest from exiting (it hung a run until killed).
  timer.unref();
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak;
    },
  };
}

export interface WaveResult {
  slackEvents: number;
  slackDeliveries: number;
  retriedDeliveries: number;
  webRequests: number;
  webValid: number;
  /** Ack time of every Slack delivery (first and retried), ms. */
  acksMs: number[];
  /** Event POST → the answer written over the placeholder, ms (Slack); request → response (web). */
  slackAnswerMs: number[];
  webAnswerMs: number[];
  answered: number;
  /** Answers that were « trop de questions en ce moment » (the line of waiting questions was full). */
  busy: number;
  healthChecks: number;
  durationMs: number;
  /** Every broken invariant, as a readable line (empty when the wave held). */
  problems: string[];
}

/** A request still unanswered after this is a failure (reported as a problem), not a wait without end. */
const REQUEST_TIMEOUT_MS = 60_000;

const STACK = /\n\s+at |node_modules|\.ts:\d+/;

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; startedAt: number }> {
  const startedAt = Date.now();
  const started = performance.now();
  const value = await task();
  return { value, ms: performance.now() - started, startedAt };
}

/** Sends the wave's Slack events at `ratePerSecond` (retries 2 and 11 slots after their first delivery) with the web
 * questions interleaved, polls /healthz every 250 ms,
 * waits until every thread has its answers (or `timeoutMs`), and checks the invariants. */
export async function runWave(
  system: LoadSystem,
  wave: Wave,
  /** `ackLimitMs`: an ack slower than this is a problem (`npm run bench -- load` passes Slack's 3 s; the test
   * suite does not bound wall-clock time, so on a busy machine it only checks every delivery was acked). */
  options: { ratePerSecond?: number; timeoutMs?: number; ackLimitMs?: number } = {},
): Promise<WaveResult> {
  const ratePerSecond = options.ratePerSecond ?? 100;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { server, slackApi } = system;
  const eventsUrl = `${server.url}slack/events`;
  const problems: string[] = [];
  const started = performance.now();
  const firstCall = slackApi.calls.length;

  let polling = true;
  let healthChecks = 0;
  const health = (async () => {
    while (polling) {
      const response = await fetch(`${server.url}healthz`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch((error: unknown) => error);
      healthChecks++;
      if (!(response instanceof Response)) problems.push(`/healthz unreachable: ${String(response)}`);
      else {
        const body = (await response.json().catch(() => ({}))) as { ready?: boolean };
        if (response.status !== 200 || body.ready !== true)
          problems.push(`/healthz not ready during the wave: ${response.status}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();

  const acksMs: number[] = [];
  const postedAt = new Map<string, number>();
  const deliver = async (item: SlackItem, retryNum: number) => {
    const body = JSON.stringify(
      eventEnvelope(
        {
          type: 'app_mention',
          user: item.user,
          text: `<@UBOT> ${item.text}`,
          ts: item.ts,
          channel: item.channel,
          team: 'T1',
          ...(item.threadTs !== item.ts ? { thread_ts: item.threadTs } : {}),
        },
        { eventId: item.eventId },
      ),
    );
    const result = await timed(async () => {
      const response = await signedPost(eventsUrl, body, 'application/json', {
        ...(retryNum ? { retryNum } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.status;
    }).catch((error: unknown) => ({ value: String(error), ms: Number.NaN, startedAt: 0 }));
    acksMs.push(result.ms);
    if (retryNum === 0) postedAt.set(item.eventId, result.startedAt);
    if (result.value !== 200)
      problems.push(`event ${item.eventId} (retry ${retryNum}) acked with ${String(result.value)}`);
    else if (options.ackLimitMs !== undefined && !(result.ms < options.ackLimitMs))
      problems.push(`event ${item.eventId} acked in ${Math.round(result.ms)} ms`);
  };
  // Open loop: a new request every 1000 / ratePerSecond ms whatever the previous ones did.
  const gapMs = 1000 / ratePerSecond;
  const paced = (n: number) => new Promise((resolve) => setTimeout(resolve, n * gapMs));
  const slackSends = wave.slack.flatMap((item, n) => [
    paced(n).then(() => deliver(item, 0)),
    ...Array.from({ length: item.retries }, (_, r) => paced(n + 2 + 9 * r).then(() => deliver(item, r + 1))),
  ]);

  const webAnswerMs: number[] = [];
  let busy = 0;
  const ask = async (item: WebItem) => {
    const body =
      item.kind === 'valid'
        ? JSON.stringify({ text: item.text, conversation: item.conversation })
        : item.body;
    const result = await timed(async () => {
      const response = await fetch(`${server.url}api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    }).catch((error: unknown) => ({
      value: { status: 0, text: String(error) },
      ms: Number.NaN,
      startedAt: 0,
    }));
    const { status, text } = result.value;
    const label = `web ${item.kind} ${body.slice(0, 60)}`;
    if (STACK.test(text)) problems.push(`${label}: stack trace in the reply`);
    if (item.kind === 'valid') {
      webAnswerMs.push(result.ms);
      let answerText: unknown;
      try {
        answerText = (JSON.parse(text) as { text?: unknown }).text;
      } catch {
        answerText = undefined;
      }
      if (status !== 200) problems.push(`${label}: status ${status}`);
      else if (typeof answerText !== 'string' || answerText.trim() === '')
        problems.push(`${label}: empty answer text`);
      else if (answerText.includes(ERROR_CODES.BUSY)) busy++;
    } else if (status !== 400) problems.push(`${label}: status ${status}, expected 400`);
    else if (text.trim() === '') problems.push(`${label}: empty 400 body`);
  };
  const webEvery = wave.slack.length / Math.max(1, wave.web.length);
  const webSends = wave.web.map((item, n) => paced(Math.floor(n * webEvery)).then(() => ask(item)));

  await Promise.all([...slackSends, ...webSends]);

  // Each thread must end with as many answers as it had distinct questions: one placeholder per question, each
  // written over exactly once (or one direct message when the flow answers without a placeholder).
  const expected = new Map<string, number>();
  for (const item of wave.slack) {
    const key = `${item.channel}|${item.threadTs}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const channels = new Set(wave.slack.map((item) => item.channel));
  const tally = () => {
    const finals = new Map<string, number>();
    const placeholders = new Map<string, { key: string; at: number }>();
    const updatedAt = new Map<string, number[]>();
    for (let i = firstCall; i < slackApi.calls.length; i++) {
      const call = slackApi.calls[i]!;
      const channel = String(call.body.channel ?? '');
      if (!channels.has(channel)) continue;
      if (call.method === 'chat.postMessage') {
        const key = `${channel}|${String(call.body.thread_ts ?? '')}`;
        if (call.body.text === PLACEHOLDER && call.response?.ts)
          placeholders.set(`${channel}|${String(call.response.ts)}`, { key, at: call.at });
        else finals.set(key, (finals.get(key) ?? 0) + 1);
      } else if (call.method === 'chat.update') {
        const id = `${channel}|${String(call.body.ts ?? '')}`;
        updatedAt.set(id, [...(updatedAt.get(id) ?? []), call.at]);
      }
    }
    for (const [id, times] of updatedAt) {
      const placeholder = placeholders.get(id);
      if (!placeholder) continue;
      finals.set(placeholder.key, (finals.get(placeholder.key) ?? 0) + times.length);
    }
    return { finals, placeholders, updatedAt };
  };
  const deadline = Date.now() + timeoutMs;
  let counts = tally();
  const answeredCount = () => [...counts.finals.values()].reduce((sum, count) => sum + count, 0);
  while (answeredCount() < wave.slack.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    counts = tally();
  }
  // Let the chart uploads finish and late duplicates (a retried delivery answered twice) show up: wait until the
  // fake Web API has seen no call for 500 ms.
  let seen = -1;
  while (seen !== slackApi.calls.length && Date.now() < deadline) {
    seen = slackApi.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  counts = tally();
  polling = false;
  await health;

  for (const [key, count] of expected) {
    const got = counts.finals.get(key) ?? 0;
    if (got !== count) problems.push(`thread ${key}: ${got} answer(s) for ${count} question(s)`);
  }
  for (const [id, times] of counts.updatedAt)
    if (times.length > 1) problems.push(`placeholder ${id} written ${times.length} times`);
  for (let i = firstCall; i < slackApi.calls.length; i++) {
    const call = slackApi.calls[i]!;
    if (
      channels.has(String(call.body.channel ?? '')) &&
      String(call.body.text ?? '').includes(ERROR_CODES.BUSY)
    )
      busy++;
  }

  // Answer latency of the questions alone in their thread: first delivery → the write over its placeholder.
  const slackAnswerMs: number[] = [];
  const postedByKey = new Map<string, number>();
  for (const item of wave.slack) {
    const key = `${item.channel}|${item.threadTs}`;
    const at = postedAt.get(item.eventId);
    if (expected.get(key) === 1 && at !== undefined) postedByKey.set(key, at);
  }
  for (const [id, times] of counts.updatedAt) {
    const placeholder = counts.placeholders.get(id);
    const posted = placeholder ? postedByKey.get(placeholder.key) : undefined;
    if (posted !== undefined) slackAnswerMs.push(Math.min(...times) - posted);
  }

  const after = await fetch(`${server.url}healthz`);
  const afterBody = (await after.json()) as { ready?: boolean };
  if (after.status !== 200 || afterBody.ready !== true) problems.push('/healthz not ready after the wave');

  return {
    slackEvents: wave.slack.length,
    slackDeliveries: acksMs.length,
    retriedDeliveries: acksMs.length - wave.slack.length,
    webRequests: wave.web.length,
    webValid: webAnswerMs.length,
    acksMs,
    slackAnswerMs,
    webAnswerMs,
    answered: answeredCount(),
    busy,
    healthChecks,
    durationMs: performance.now() - started,
    problems,
  };
}

export function percentile(values: number[], fraction: number): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export const round = (value: number) => Math.round(value * 10) / 10;
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
