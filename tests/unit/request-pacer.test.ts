// The request pacer (src/app/http/request-pacer.ts): requests reach the handler `perTurn` per turn of the event
// loop, in arrival order, none lost; a priority request (/healthz) is handled at once, ahead of a full line. Turns
// are counted with setImmediate, never with a clock. Then over real HTTP: a burst through startServer all answered.

import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { createApp } from '../../src/app/app.js';
import { createRequestPacer } from '../../src/app/http/request-pacer.js';
import { startServer } from '../../src/app/http/server.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const request = (url: string, method = 'POST') => ({ url, method }) as IncomingMessage;
const response = { destroy: () => undefined } as unknown as ServerResponse;

describe('request pacer', () => {
  test('hands requests to the handler perTurn per turn, in arrival order, none lost', async () => {
    const handled: string[] = [];
    const pacer = createRequestPacer((req) => handled.push(req.url ?? ''), { perTurn: 3 });
    for (let i = 0; i < 10; i++) pacer.listener(request(`/api/ask/${i}`), response);
    expect(handled).toEqual([]);
    expect(pacer.waiting()).toBe(10);
    const perTurn: number[] = [];
    while (pacer.waiting() > 0 || perTurn.length === 0) {
      const before = handled.length;
      await turn();
      perTurn.push(handled.length - before);
    }
    expect(Math.max(...perTurn)).toBe(3);
    expect(perTurn.filter((count) => count > 0).length).toBe(4);
    expect(handled).toEqual(Array.from({ length: 10 }, (_, i) => `/api/ask/${i}`));
  });

  test('a priority request is handled at once, ahead of a full line', async () => {
    const handled: string[] = [];
    const pacer = createRequestPacer((req) => handled.push(req.url ?? ''), {
      perTurn: 1,
      priority: (req) => req.url === '/healthz',
    });
    for (let i = 0; i < 5; i++) pacer.listener(request(`/api/ask/${i}`), response);
    pacer.listener(request('/healthz', 'GET'), response);
    expect(handled).toEqual(['/healthz']);
    while (pacer.waiting() > 0) await turn();
    await turn();
    expect(handled).toHaveLength(6);
  });

  test('a handler that throws for one request does not stop the others', async () => {
    const handled: string[] = [];
    const pacer = createRequestPacer(
      (req) => {
        if (req.url === '/bad') throw new Error('boom');
        handled.push(req.url ?? '');
      },
      { perTurn: 2, onError: (error) => errors.push(error) },
    );
    const errors: unknown[] = [];
    let destroyed = 0;
    const closable = { destroy: () => destroyed++ } as unknown as ServerResponse;
    pacer.listener(request('/a'), closable);
    pacer.listener(request('/bad'), closable);
    pacer.listener(request('/b'), closable);
    while (pacer.waiting() > 0) await turn();
    await turn();
    expect(handled).toEqual(['/a', '/b']);
    expect(destroyed).toBe(1);
    expect(String(errors[0])).toContain('boom');
  });
});

describe('paced server', () => {
  test('200 questions sent at once are all answered, and /healthz answers meanwhile', async () => {
    const app = await createApp(
      loadConfig({
        DUCKDB_PATH: ':memory:',
        STATE_DIR: mkdtempSync(join(tmpdir(), 'pacer-')),
        PORT: '0',
        HTTP_REQUESTS_PER_TURN: '2',
      }),
      { logger: silentLogger() },
    );
    expect(app.config.http.requestsPerTurn).toBe(2);
    const server = await startServer(app);
    try {
      const missing = Array.from({ length: 200 }, (_, i) => fetch(`${server.url}nothing-${i}`));
      const health = await fetch(`${server.url}healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { live: boolean }).live).toBe(true);
      const statuses = await Promise.all(missing.map(async (reply) => (await reply).status));
      expect(statuses).toEqual(Array.from({ length: 200 }, () => 404));
    } finally {
      await server.close();
      await app.close();
    }
  });
});
