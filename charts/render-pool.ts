// Charts drawn off the main thread. Measured (BENCHMARKS.md, load suite): drawing a chart on the event loop takes
// tens of ms of vega dataflow and SVG work per chart, during which /healthz and Slack acks wait, and leaves vega's
// and libvips' memory in the bot's own heap (+145 MB RSS after 30 charts, never given back). Here a small piscina
// pool (one thread by default) draws them; an idle worker exits after `idleTimeoutMs`, taking its memory with it,
// and the bot's thread never loads vega or sharp. A worker that cannot start (a packaging problem) falls back to
// drawing in-process, reported once through `onFallback`, so a chart is never lost to the pool.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { useBundledFontconfig } from '../src/config.js';
import type { ChartRequest } from '../src/core/answer.js';
import { bundledFontconfigPath } from './fonts.js';
import type { ChartContext, ChartRenderer, ChartRendererOptions, RenderedChart } from './render.js';
import type { RenderTask, RenderWorkerData } from './render-worker.js';

export interface ChartPoolOptions extends ChartRendererOptions {
  /** Worker threads at most (default 1: charts are a small share of the work, and each thread holds ~80 MB). */
  maxThreads?: number;
  /** An idle worker exits after this long (default `DEFAULT_CHART_WORKER_IDLE_MS`; the app passes
   * CHART_WORKER_IDLE_MS): a worker holds ~100–150 MB while it lives, and starting one again costs ~0.5 s of CPU,
   * paid only by the first chart after a quiet spell. */
  idleTimeoutMs?: number;
  onFallback?: (error: unknown) => void;
  /** The worker's nice value (0 = the main thread's): it draws at a lower priority than the thread serving HTTP
   * (BACKGROUND_THREAD_NICE, src/core/thread-priority.ts). */
  threadNice?: number;
  /** The worker's module (default: render-worker next to this file); tests point it at a missing one. */
  entry?: string;
}

/** The idle timeout when none is given (the app's default setting, CHART_WORKER_IDLE_MS, is the same). */
export const DEFAULT_CHART_WORKER_IDLE_MS = 10_000;

export interface ChartRenderPool extends ChartRenderer {
  readonly kind: 'worker' | 'in-process';
  /** How long an idle worker lives. */
  readonly idleTimeoutMs: number;
  /** Worker threads alive now (0 once the idle worker has exited). */
  readonly threads: number;
  /** Renders waiting on the worker now (each listens for a broken pool only until its chart comes back). */
  readonly waiting: number;
  close(): Promise<void>;
}

/** Under tsx (dev, tests) the worker starts from a bootstrap that registers tsx; compiled, from the .js itself. */
function workerEntry(): string {
  const isTypeScript = import.meta.url.endsWith('.ts');
  return new URL(isTypeScript ? './render-worker.tsx.mjs' : './render-worker.js', import.meta.url).href;
}

export function createChartRenderPool(options: ChartPoolOptions = {}): ChartRenderPool {
  const {
    maxThreads,
    idleTimeoutMs = DEFAULT_CHART_WORKER_IDLE_MS,
    onFallback,
    entry,
    threadNice = 0,
    ...rendererOptions
  } = options;
  const pool = new Piscina<RenderTask, RenderedChart>({
    filename: entry ?? workerEntry(),
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(maxThreads ?? 1, availableParallelism())),
    idleTimeout: idleTimeoutMs,
    workerData: { threadNice } satisfies RenderWorkerData,
  });
  // A worker that cannot load its module is reported on the pool, not on the task (which would wait forever while
  // piscina starts new workers that fail the same way): the first such error fails every waiting render over to
  // in-process drawing and stops the pool. Each render listens for it only while it waits: racing every render
  // against one promise that never settles (`Promise.race([run, broken])`) left a reaction on that promise per
  // render, holding the race's result, so every PNG ever drawn stayed in memory (76 MB after the Slack load phases,
  // BENCHMARKS.md `load`).
  let brokenBy: { error: unknown } | undefined;
  const waiting = new Set<(error: unknown) => void>();
  pool.once('error', (error: unknown) => {
    brokenBy = { error };
    for (const fail of waiting) fail(error);
    waiting.clear();
    void pool.destroy().catch(() => undefined);
  });
  const runInWorker = (task: RenderTask) =>
    new Promise<RenderedChart>((resolve, reject) => {
      if (brokenBy) {
        reject(brokenBy.error);
        return;
      }
      waiting.add(reject);
      pool.run(task).then(
        (chart) => {
          waiting.delete(reject);
          resolve(chart);
        },
        (error: unknown) => {
          waiting.delete(reject);
          reject(error);
        },
      );
    });
  let inProcess: Promise<ChartRenderer> | undefined;
  let fontsSet = false;
  let kind: ChartRenderPool['kind'] = 'worker';
  const fallback = (error: unknown) => {
    if (kind === 'worker') onFallback?.(error);
    kind = 'in-process';
    inProcess ??= import('./render.js').then((module) => module.createChartRenderer(rendererOptions));
    return inProcess;
  };
  return {
    get kind() {
      return kind;
    },
    idleTimeoutMs,
    get threads() {
      return pool.threads.length;
    },
    get waiting() {
      return waiting.size;
    },
    async render(request: ChartRequest, context: ChartContext): Promise<RenderedChart> {
      // fontconfig reads the real environment, which only the main thread can change (a worker sees a copy): set
      // before the first worker starts, and not before the first chart (as in-process rendering did), so programs
      // this process starts earlier (a test's browser) keep the system fonts.
      if (!fontsSet) useBundledFontconfig(bundledFontconfigPath());
      fontsSet = true;
      if (kind === 'worker') {
        try {
          const chart = await runInWorker({ request, context, options: rendererOptions });
          // Structured clone turns the worker's Buffer into a Uint8Array: a Buffer view over the same bytes.
          const png = Buffer.from(chart.png.buffer, chart.png.byteOffset, chart.png.byteLength);
          return { ...chart, png };
        } catch (error) {
          // A chart the renderer refuses (no rows) is an answer, not a broken pool: it is thrown as it came.
          if (!isWorkerFailure(error)) throw error;
          return (await fallback(error)).render(request, context);
        }
      }
      return (await fallback(undefined)).render(request, context);
    },
    close: () => pool.destroy().catch(() => undefined),
  };
}

/** A worker that could not load its module or died, as opposed to an error thrown by the rendering itself. */
function isWorkerFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^ERR_(MODULE|UNKNOWN_FILE|WORKER|REQUIRE)/.test(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /worker (?:exited|terminated)|No handler function|Cannot find module|Unknown file extension/i.test(
    message,
  );
}
