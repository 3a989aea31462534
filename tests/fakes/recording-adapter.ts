// A DeliveryPort for tests: records every post (with the clock time), can fail the next N posts to a target
// with a scripted DeliveryError (429 + Retry-After, 5xx, …), and can "hang" after recording a post to simulate a
// process that died while waiting for the platform's answer. Also the digest tests' harness: a manual clock, an
// in-memory state "disk" that survives simulated restarts, a composer that needs no warehouse, and a logger
// whose lines can be read back.
import { Writable } from 'node:stream';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import type { Answer } from '../../src/core/answer.js';
import { createLogger } from '../../src/core/logger.js';
import { type Clock, type ManualClock, manualClock } from '../../src/digests/clock.js';
import type { DigestContent } from '../../src/digests/compose.js';
import { DeliveryError, type DeliveryPort } from '../../src/digests/delivery.js';
import { createDigestService, type DigestService } from '../../src/digests/service.js';
import { createMemoryBackend } from '../../src/store/backend.js';

export interface RecordedPost {
  target: string;
  key: string;
  answer: Answer;
  at: number;
}

export interface RecordingAdapter extends DeliveryPort {
  posts: RecordedPost[];
  /** Every attempt, failed ones included. */
  attempts: { target: string; key: string; at: number; failed: boolean }[];
  /** The next `times` posts to `target` ('*' = any target) throw `error`. */
  failNext(target: string, times: number, error: DeliveryError): void;
  /** From now on, record posts but never resolve them (the process "dies" mid-post). */
  hang(): void;
}

export const rateLimited = (retryAfterMs: number) =>
  new DeliveryError('rate limited', { status: 429, retryAfterMs });
export const serverError = (status = 503) => new DeliveryError(`server error ${status}`, { status });

export function createRecordingAdapter(
  clock: Pick<Clock, 'now'>,
  options: { canCheckPosted?: boolean; posts?: RecordedPost[] } = {},
): RecordingAdapter {
  const posts: RecordedPost[] = options.posts ?? [];
  const attempts: RecordingAdapter['attempts'] = [];
  const failures: { target: string; times: number; error: DeliveryError }[] = [];
  let hanging = false;
  const adapter: RecordingAdapter = {
    posts,
    attempts,
    failNext(target, times, error) {
      failures.push({ target, times, error });
    },
    hang() {
      hanging = true;
    },
    async post(target, answer, { idempotencyKey }) {
      const failure = failures.find(
        (item) => item.times > 0 && (item.target === '*' || item.target === target),
      );
      attempts.push({ target, key: idempotencyKey, at: clock.now(), failed: Boolean(failure) });
      if (failure) {
        failure.times -= 1;
        throw failure.error;
      }
      posts.push({ target, key: idempotencyKey, answer, at: clock.now() });
      if (hanging) await new Promise(() => undefined);
    },
  };
  if (options.canCheckPosted)
    adapter.alreadyPosted = async (target, key) =>
      posts.some((post) => post.target === target && post.key === key);
  return adapter;
}

export function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination: stream }), lines };
}

/** A tool context whose warehouse has no rows: enough for the scheduler (alerts see nothing). */
export const emptyTools = {
  warehouse: { select: async () => ({ rows: [], columns: [] }) },
  catalog: {
    get: async () => ({ campaigns: [], categories: ['social'], firstDay: null, lastDay: null }),
    invalidate() {},
  },
  currency: 'CHF',
} as unknown as ToolContext;

export const fakeCompose = async (subscription: { id: string }): Promise<DigestContent> => ({
  answer: {
    language: 'fr',
    intent: 'diagnostic',
    text: `digest ${subscription.id}`,
    recommendations: ['a', 'b'],
    blocks: [],
    charts: [],
    provenance: [],
    followUps: [],
    planner: 'offline',
  },
  rows: [],
  changes: { compared: false, newEntries: [], recoveries: [], moves: [] },
});

export interface Harness {
  clock: ManualClock;
  adapter: RecordingAdapter;
  service: DigestService;
  files: Map<string, string>;
  lines: Record<string, unknown>[];
}

export function harness(
  start: string,
  options: {
    files?: Map<string, string>;
    adapter?: RecordingAdapter;
    delivery?: DeliveryPort;
    canCheckPosted?: boolean;
    graceMinutes?: number;
    compose?: typeof fakeCompose;
  } = {},
): Harness {
  const clock = manualClock(start);
  const files = options.files ?? new Map<string, string>();
  const adapter =
    options.adapter ?? createRecordingAdapter(clock, { canCheckPosted: options.canCheckPosted });
  const { logger, lines } = captureLogger();
  const service = createDigestService(
    { stateDir: '/unused', graceMinutes: options.graceMinutes ?? 30, defaultTimezone: 'Europe/Zurich', ledgerRetentionDays: 90 }, // biome-ignore format: test set-up
    {
      tools: emptyTools,
      delivery: options.delivery ?? adapter,
      logger,
      clock,
      backend: createMemoryBackend(files),
      compose: options.compose ?? fakeCompose,
      retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => 0.5 },
    },
  );
  return { clock, adapter, service, files, lines };
}

export const iso = (ms: number) => new Date(ms).toISOString();
