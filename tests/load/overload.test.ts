// Overload that degrades gracefully, with bounded counts and no wall-clock bound (timings belong to
// `npm run bench -- load`): while the line of questions is full, /healthz still answers (it never waits on the
// line), 1,000 concurrent web questions all get a fast « busy » answer, a question that waited past
// ANSWER_QUEUE_MAX_WAIT_MS is turned away when its turn comes, and the web API is limited per client address and
// for all clients, whatever conversation ids a client makes up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { createAnswerQueue } from '../../src/app/answer-queue.js';
import { createApp } from '../../src/app/app.js';
import { startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

async function system(extra: Record<string, string>) {
  const app = await createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'overload-')),
      PORT: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      ...extra,
    }),
    { logger: silentLogger() },
  );
  const server = await startServer(app, [webChatFor(app).router]);
  return {
    app,
    server,
    ask: (text: string, conversation?: string) =>
      fetch(`${server.url}api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, ...(conversation ? { conversation } : {}) }),
      }),
    async close() {
      await server.close();
      await app.close();
    },
  };
}

describe('a full line of questions', () => {
  test('/healthz answers and 1,000 concurrent web questions all get « busy » while the line is full', async () => {
    const s = await system({
      ANSWER_CONCURRENCY: '1',
      ANSWER_QUEUE_MAX: '5',
      WEB_RATE_LIMIT_PER_ADDRESS: '0',
      WEB_RATE_LIMIT_GLOBAL: '0',
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // One question being answered (it waits on the gate) and five waiting: the line is full.
    const held = Array.from({ length: 6 }, () => s.app.answerQueue.run(() => gate));
    try {
      expect(s.app.answerQueue.stats()).toMatchObject({ running: 1, waiting: 5 });
      const health = await fetch(`${s.server.url}healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        ready: true,
        questions: { running: 1, waiting: 5 },
      });

      const responses = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => s.ask('Top 5 des campagnes par ROI', `web:burst-${i}`)),
      );
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
        errorCode?: string;
        text: string;
      }[];
      expect(responses.filter((response) => response.status === 200)).toHaveLength(1000);
      expect(bodies.filter((body) => body.errorCode === 'BUSY')).toHaveLength(1000);
      expect(bodies[0]?.text).toMatch(/beaucoup de questions/);
      const during = await fetch(`${s.server.url}healthz`);
      expect(during.status).toBe(200);
      // The questions turned away never entered the line.
      expect(s.app.answerQueue.stats()).toMatchObject({ running: 1, waiting: 5 });
    } finally {
      release();
      await Promise.all(held);
      await s.close();
    }
  }, 120_000);

  test('a question whose turn comes after maxWaitMs is turned away, not answered late', async () => {
    let clock = 0;
    const queue = createAnswerQueue({ concurrency: 1, maxWaiting: 10, maxWaitMs: 30_000, now: () => clock });
    let release!: () => void;
    const first = queue.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const ran: string[] = [];
    const task = (name: string) => async () => {
      ran.push(name);
      return name;
    };
    const waiting = ['b', 'c'].map((name) => queue.run(task(name)));
    clock += 30_001;
    const late = queue.run(task('d')); // queued now: it has not waited
    await new Promise((resolve) => setImmediate(resolve)); // a task starts after one turn of the event loop
    release();
    expect(await first).toBe('first');
    expect(await Promise.all(waiting)).toEqual([undefined, undefined]);
    expect(await late).toBe('d');
    expect(ran).toEqual(['d']);
    expect(queue.stats()).toMatchObject({ expired: 2, waiting: 0, running: 0 });
  });
});

describe('the web API rate limits', () => {
  test('per client address: 12 questions under 12 made-up conversation ids, 5 answered', async () => {
    const s = await system({ WEB_RATE_LIMIT_PER_ADDRESS: '5', WEB_RATE_LIMIT_GLOBAL: '0' });
    try {
      const statuses: number[] = [];
      let refusal: { error?: string; retryAfterSeconds?: number } = {};
      let retryAfter: string | null = null;
      for (let i = 0; i < 12; i++) {
        const response = await s.ask('aide', `web:new-id-${i}`);
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          refusal = (await response.json()) as typeof refusal;
        } else await response.json();
      }
      expect(statuses.filter((status) => status === 200)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(7);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(refusal.error).toMatch(/^Trop de questions depuis votre poste : réessayez dans \d+ s\.$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    } finally {
      await s.close();
    }
  }, 60_000);

  test('for all clients together', async () => {
    const s = await system({ WEB_RATE_LIMIT_PER_ADDRESS: '0', WEB_RATE_LIMIT_GLOBAL: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await s.ask('aide', `web:g-${i}`);
        statuses.push(response.status);
        const body = (await response.json()) as { error?: string };
        if (response.status === 429)
          expect(body.error).toMatch(/^Je reçois beaucoup de questions en ce moment/);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    } finally {
      await s.close();
    }
  }, 60_000);
});
