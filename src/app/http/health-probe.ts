// The health probe port (HEALTH_PORT): /healthz and /livez answered by a worker thread of their own
// (health-worker.ts, node:http only), so a load balancer or an orchestrator's probe never waits behind the requests
// the main thread is parsing and answering (the 1,000-question burst of BENCHMARKS.md `load`: the main /healthz then
// waited tens of ms for the main thread). Liveness stays honest: the main thread writes a heartbeat into shared
// memory every HEARTBEAT_MS (an unref'd timer) and the worker answers 503 `stalled` once it is older than the
// threshold; readiness and `degraded` are the main /healthz's own answer, posted to the worker when it changes.
// The worker keeps the main thread's priority (it must win a core; it does not call lowerCurrentThreadPriority) and
// is started after the server lowered the process's other threads (helper-threads.ts). Whatever happens to it, the
// process goes on: a port already taken or a worker that fails is logged once and the probe is off.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../core/logger.js';

/** How often the main thread writes its heartbeat. */
export const HEARTBEAT_MS = 100;
/** A heartbeat older than this is a stalled main thread: 503. Far above the longest stalls measured under the
 * 1,000-question burst (≤ 1 s, BENCHMARKS.md `load`), so a busy process is not taken for a dead one. */
export const STALL_AFTER_MS = 5000;

/** Slots of the shared BigInt64Array. */
export const SLOT = {
  /** Date.now() of the main thread's last heartbeat. */
  beatAt: 0,
  /** How late that heartbeat's timer fired, in ms (the main event loop's lag). */
  lagMs: 1,
  /** 1 when the worker was asked since the main thread last refreshed the state. */
  asked: 2,
} as const;
const SLOTS = 3;

/** The main /healthz's answer: its status code and body. */
export interface HealthState {
  code: number;
  body: Record<string, unknown>;
}

export interface HealthWorkerData {
  host: string;
  port: number;
  shared: SharedArrayBuffer;
  stallAfterMs: number;
}

/** Main thread → worker. */
export type ToHealthWorker = { type: 'state'; state: HealthState } | { type: 'close' };
/** Worker → main thread. */
export type FromHealthWorker =
  | { type: 'listening'; port: number; threadId?: number }
  | { type: 'failed'; code?: string; message: string };

/** What the worker answers for `path` (pure: the worker's request handler and the tests use it). */
export function healthAnswer(
  path: string,
  input: { beatAt: number; lagMs: number; now: number; stallAfterMs: number; state?: HealthState },
): HealthState {
  const heartbeatAgeMs = Math.max(0, input.now - input.beatAt);
  const liveness = { heartbeatAgeMs, eventLoopLagMs: input.lagMs, stallAfterMs: input.stallAfterMs };
  if (heartbeatAgeMs > input.stallAfterMs)
    return { code: 503, body: { status: 'stalled', live: false, ready: false, ...liveness } };
  if (path === '/livez') return { code: 200, body: { status: 'ok', live: true, ...liveness } };
  if (path !== '/healthz') return { code: 404, body: { error: 'not_found' } };
  if (!input.state) return { code: 503, body: { status: 'starting', live: true, ready: false, ...liveness } };
  return { code: input.state.code, body: { ...input.state.body, ...liveness } };
}

export interface HealthProbe {
  /** http://host:port/ */
  url: string;
  /** The worker thread's kernel id (Linux), to check its priority. */
  threadId?: number;
  close(): Promise<void>;
}

export interface HealthProbeOptions {
  host: string;
  port: number;
  logger: Logger;
  /** The main /healthz's answer, asked on the main thread (only when the probe was asked since the last time). */
  state: () => Promise<HealthState>;
  /** Tests only: a short threshold instead of STALL_AFTER_MS. */
  stallAfterMs?: number;
}

/** Starts the probe; undefined (after one warning in the log) when it cannot listen. Never throws. */
export async function startHealthProbe(options: HealthProbeOptions): Promise<HealthProbe | undefined> {
  const { logger } = options;
  const shared = new SharedArrayBuffer(SLOTS * BigInt64Array.BYTES_PER_ELEMENT);
  const slots = new BigInt64Array(shared);
  let expectedAt = Date.now();
  const beat = () => {
    const now = Date.now();
    Atomics.store(slots, SLOT.lagMs, BigInt(Math.max(0, now - expectedAt)));
    Atomics.store(slots, SLOT.beatAt, BigInt(now));
    expectedAt = now + HEARTBEAT_MS;
  };
  beat();
  // The state is refreshed on the main thread only when someone asked the probe, and posted only when it changed.
  let refreshing = false;
  let lastPosted = '';
  let worker: Worker | undefined;
  const refresh = () => {
    if (refreshing || !worker) return;
    refreshing = true;
    options
      .state()
      .then((state) => {
        const text = JSON.stringify(state);
        if (text === lastPosted) return;
        lastPosted = text;
        worker?.postMessage({ type: 'state', state } satisfies ToHealthWorker);
      })
      .catch((error: unknown) => logger.debug({ err: String(error) }, 'health probe state refresh failed'))
      .finally(() => {
        refreshing = false;
      });
  };
  const timer = setInterval(() => {
    beat();
    if (Atomics.exchange(slots, SLOT.asked, 0n) === 1n) refresh();
  }, HEARTBEAT_MS);
  timer.unref();

  const workerData: HealthWorkerData = {
    host: options.host,
    port: options.port,
    shared,
    stallAfterMs: options.stallAfterMs ?? STALL_AFTER_MS,
  };
  const started = spawnWorker(workerData);
  if (!started.ok) {
    clearInterval(timer);
    logger.warn({ port: options.port, reason: started.reason }, 'health probe not started');
    return undefined;
  }
  worker = started.worker;
  const running = worker;
  let failedOnce = false;
  const outcome = await new Promise<FromHealthWorker | { type: 'failed'; message: string }>((resolve) => {
    running.once('message', (message: FromHealthWorker) => resolve(message));
    running.once('error', (error: unknown) => resolve({ type: 'failed', message: describe(error) }));
    running.once('exit', (code) => resolve({ type: 'failed', message: `exited with code ${code}` }));
  });
  if (outcome.type !== 'listening') {
    clearInterval(timer);
    await running.terminate().catch(() => undefined);
    logger.warn(
      {
        port: options.port,
        host: options.host,
        code: 'code' in outcome ? outcome.code : undefined,
        reason: outcome.message,
        setting: 'HEALTH_PORT',
      },
      outcome.type === 'failed' && 'code' in outcome && outcome.code === 'EADDRINUSE'
        ? 'health port already in use: health probe not started, /healthz on the main port only'
        : 'health probe not started, /healthz on the main port only',
    );
    return undefined;
  }
  // From now on an error in the worker is logged once and the probe is off; the process goes on.
  running.on('error', (error: unknown) => {
    if (failedOnce) return;
    failedOnce = true;
    logger.error({ err: describe(error) }, 'health probe thread failed: health port closed');
  });
  running.on('exit', () => clearInterval(timer));
  refresh();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${options.host}:${outcome.port}/`,
    threadId: outcome.threadId,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        // The thread closes its server and ends by itself: a forced terminate() of a thread that is serving has
        // crashed Node 24 (SIGSEGV) under load. terminate() stays the fallback when it does not end in time.
        const ended = new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.postMessage({ type: 'close' } satisfies ToHealthWorker);
        const timeout = new Promise<'late'>((resolve) =>
          setTimeout(() => resolve('late'), CLOSE_WAIT_MS).unref(),
        );
        if ((await Promise.race([ended, timeout])) === 'late')
          await running.terminate().catch(() => undefined);
      })();
      return closing;
    },
  };
}

/** How long close() waits for the thread to end by itself before terminating it. */
const CLOSE_WAIT_MS = 2000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function spawnWorker(
  workerData: HealthWorkerData,
): { ok: true; worker: Worker } | { ok: false; reason: string } {
  // Running as .ts (tsx, jest): a Node 20 worker does not inherit tsx's hooks, so a bootstrap registers them first
  // (as src/ml/worker-trainer.ts does); built, health-worker.js sits beside this code (scripts/build.mjs).
  const isTypeScript = import.meta.url.endsWith('.ts');
  const entry = new URL(isTypeScript ? './health-worker.ts' : './health-worker.js', import.meta.url);
  try {
    const worker = isTypeScript
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
            `.then(async (tsx) => { tsx.register(); await import(${JSON.stringify(entry.href)}); })`,
          { eval: true, workerData, name: 'health-probe' },
        )
      : new Worker(entry, { workerData, name: 'health-probe' });
    return { ok: true, worker };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}
