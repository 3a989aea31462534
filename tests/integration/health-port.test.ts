// HEALTH_PORT: the real app and server in this process, the health probe on its own thread and port. The test
// blocks this process's main thread (the app's) with a synchronous loop while a poller thread asks the probe:
// the probe answers during the block (200 while the heartbeat is fresh, 503 `stalled` once it is older than the
// threshold), which the main /healthz cannot. No bound on speed: the loop runs until the poller saw the answer it
// waits for (or a generous cap, which fails the test), and results are read afterwards.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { captureLogger } from '../fakes/recording-adapter.js';
import { freePort } from '../fixtures/free-port.js';

const running: { app: App; server: RunningServer }[] = [];
afterEach(async () => {
  for (const { app, server } of running.splice(0)) {
    await server.close();
    await app.close();
  }
});

async function serve(
  healthPort: number,
  options: { stallAfterMs?: number; logger?: ReturnType<typeof silentLogger> } = {},
) {
  const config = loadConfig({
    DUCKDB_PATH: ':memory:',
    STATE_DIR: mkdtempSync(join(tmpdir(), 'health-port-')),
    PORT: '0',
    HEALTH_PORT: String(healthPort),
    BACKGROUND_THREAD_NICE: '0',
  });
  const app = await createApp(config, { logger: options.logger ?? silentLogger() });
  const server = await startServer(app, [], { healthStallAfterMs: options.stallAfterMs });
  running.push({ app, server });
  return server;
}

// Shared slots between this thread and the poller: when the block started / ended (Date.now(), 0 = not yet),
// answers to requests sent during the block (200s, others), stop.
const BLOCK_START = 0;
const BLOCK_END = 1;
const OK_DURING = 2;
const OTHER_DURING = 3;
const STOP = 4;
const POLLER = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const slots = new BigInt64Array(workerData.shared);
const poll = () => {
  if (Atomics.load(slots, ${STOP}) === 1n) return;
  const sentAt = BigInt(Date.now());
  const request = http.get(workerData.url, { agent: false }, (response) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => { text += chunk; });
    response.on('end', () => {
      const start = Atomics.load(slots, ${BLOCK_START});
      if (start > 0n && sentAt >= start && Atomics.load(slots, ${BLOCK_END}) === 0n) {
        Atomics.add(slots, response.statusCode === 200 ? ${OK_DURING} : ${OTHER_DURING}, 1n);
        parentPort.postMessage({ code: response.statusCode, body: JSON.parse(text) });
      }
      setTimeout(poll, 10);
    });
  });
  request.on('error', () => setTimeout(poll, 10));
};
poll();`;

/** Polls `url` from another thread; `block(until)` holds this thread until the poller counted what `until` wants. */
function startPoller(url: string) {
  const shared = new SharedArrayBuffer(8 * 5);
  const slots = new BigInt64Array(shared);
  const seen: { code: number; body: Record<string, unknown> }[] = [];
  const worker = new Worker(POLLER, { eval: true, workerData: { url, shared } });
  worker.on('message', (message: { code: number; body: Record<string, unknown> }) => seen.push(message));
  return {
    /** Busy-loops (the app's event loop with it) until `until(ok, other)` or the cap; answers are read after. */
    async block(until: (ok: number, other: number) => boolean, capMs = 30_000) {
      const start = Date.now();
      Atomics.store(slots, BLOCK_START, BigInt(start));
      while (
        !until(Number(Atomics.load(slots, OK_DURING)), Number(Atomics.load(slots, OTHER_DURING))) &&
        Date.now() - start < capMs
      ) {
        // the main thread does nothing else: no timer, no heartbeat, no HTTP
      }
      Atomics.store(slots, BLOCK_END, BigInt(Date.now()));
      const ok = Number(Atomics.load(slots, OK_DURING));
      const other = Number(Atomics.load(slots, OTHER_DURING));
      // Let the poller's messages (posted during the block) arrive: each counted answer is posted right after it is
      // counted, but on a busy machine its message can take a while (it once took more than 50 ms).
      for (let waited = 0; seen.length < ok + other && waited < 20_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      return { ok, other, seen: [...seen] };
    },
    async stop() {
      Atomics.store(slots, STOP, 1n);
      await worker.terminate();
    },
  };
}

describe('HEALTH_PORT: /healthz from a thread of its own', () => {
  test('answers 200 on the health port, with the main /healthz state, and keeps answering while the main thread is blocked', async () => {
    // A threshold far above any block here: on a slow machine the first answer during the block must still be 200.
    const server = await serve(await freePort(), { stallAfterMs: 60_000 });
    expect(server.health).toBeDefined();
    const healthUrl = server.health?.url ?? '';
    // The state reaches the probe once it was asked (the main thread refreshes it on its next heartbeat).
    let body: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 100 && body.ready !== true; attempt++) {
      const response = await fetch(`${healthUrl}healthz`);
      body = (await response.json()) as Record<string, unknown>;
      if (body.ready === true) expect(response.status).toBe(200);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(body).toMatchObject({ status: 'ok', live: true, ready: true, warehouse: 'duckdb' });
    expect(body.campaigns).toEqual(expect.any(Number));
    expect(body.heartbeatAgeMs).toEqual(expect.any(Number));
    expect(body.eventLoopLagMs).toEqual(expect.any(Number));
    const live = await fetch(`${healthUrl}livez`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', live: true });
    expect((await fetch(`${healthUrl}nothing`)).status).toBe(404);

    const poller = startPoller(`${healthUrl}healthz`);
    try {
      // Blocked until a request sent during the block got its 200.
      const during = await poller.block((ok) => ok >= 1);
      expect(during.ok).toBeGreaterThanOrEqual(1);
      expect(during.seen[0]).toMatchObject({ code: 200, body: { status: 'ok', ready: true } });
    } finally {
      await poller.stop();
    }
  }, 90_000);

  test('answers 503 stalled once the heartbeat is older than the threshold, and 200 again once the main thread is back', async () => {
    const server = await serve(await freePort(), { stallAfterMs: 300 });
    const healthUrl = server.health?.url ?? '';
    const poller = startPoller(`${healthUrl}livez`);
    try {
      const during = await poller.block((_ok, other) => other >= 1);
      expect(during.other).toBeGreaterThanOrEqual(1);
      const stalled = during.seen.find((answer) => answer.code !== 200);
      expect(stalled).toMatchObject({ code: 503, body: { status: 'stalled', live: false } });
      expect(stalled?.body.heartbeatAgeMs).toBeGreaterThan(300);
    } finally {
      await poller.stop();
    }
    // Back: the next heartbeats make it fresh again.
    let code = 0;
    for (let attempt = 0; attempt < 200 && code !== 200; attempt++) {
      code = (await fetch(`${healthUrl}livez`)).status;
      if (code !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(code).toBe(200);
  }, 90_000);

  test('a port already taken: one warning, the server runs without the probe; the probe closes with the server', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const takenPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const { logger, lines } = captureLogger();
      const server = await serve(takenPort, { logger });
      expect(server.health).toBeUndefined();
      expect(lines.filter((line) => /health port already in use/.test(String(line.msg)))).toHaveLength(1);
      expect((await fetch(`${server.url}healthz`)).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }

    const port = await freePort();
    const server = await serve(port);
    expect((await fetch(`${server.health?.url}livez`)).status).toBe(200);
    await server.close();
    await expect(fetch(`http://127.0.0.1:${port}/livez`)).rejects.toThrow();
  }, 90_000);
});
