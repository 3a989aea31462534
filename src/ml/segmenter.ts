// Runs a segmentation off the event loop: k-means and the silhouette on thousands of campaigns take seconds of CPU,
// which on the main thread would freeze every other question (and Slack's 3 s acks). Same bootstrap as the training
// worker (tsx hooks registered inside the worker); a worker that cannot start falls back to in-process.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../core/errors.js';
import type { SegmentWorkerData } from './segment-worker.js';
import type { CampaignKpis, Segmentation, SegmentOptions } from './segmentation.js';

export interface Segmenter {
  readonly kind: 'worker' | 'in-process';
  segment(campaigns: CampaignKpis[], options: SegmentOptions): Promise<Segmentation>;
}

type Reply =
  | { ok: true; segmentation: Segmentation }
  | { ok: false; error: { code: ErrorCode; message: string; hint?: string } };

export function createInProcessSegmenter(): Segmenter {
  // k-means (ml-kmeans and its matrix library) is loaded by the first segmentation, not by every start.
  return {
    kind: 'in-process',
    segment: async (campaigns, options) =>
      (await import('./segmentation.js')).segmentCampaigns(campaigns, options),
  };
}

export function createWorkerSegmenter(
  options: {
    onFallback?: (error: unknown) => void;
    /** The worker's nice value (0 = the main thread's): segmenting yields the cores to the thread serving HTTP. */
    threadNice?: number;
  } = {},
): Segmenter {
  const isTypeScript = import.meta.url.endsWith('.ts');
  const entry = new URL(isTypeScript ? './segment-worker.ts' : './segment-worker.js', import.meta.url);
  const bootstrap = isTypeScript
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then(async (tsx) => { tsx.register(); await import(${JSON.stringify(entry.href)}); })`
    : undefined;
  const inProcess = createInProcessSegmenter();

  function inWorker(campaigns: CampaignKpis[], segmentOptions: SegmentOptions): Promise<Segmentation> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const workerData: SegmentWorkerData = {
        campaigns,
        options: segmentOptions,
        threadNice: options.threadNice ?? 0,
      };
      const worker = bootstrap
        ? new Worker(bootstrap, { eval: true, workerData })
        : new Worker(entry, { workerData });
      worker.once('message', (reply: Reply) => {
        settled = true;
        if (reply.ok) resolve(reply.segmentation);
        else reject(new AppError(reply.error.code, reply.error.message, { hint: reply.error.hint }));
        void worker.terminate();
      });
      const failed = (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(new WorkerFailed(error));
      };
      worker.once('error', failed);
      worker.once('exit', (code) => failed(new Error(`segmentation worker exited with code ${code}`)));
    });
  }

  return {
    kind: 'worker',
    async segment(campaigns, segmentOptions) {
      try {
        return await inWorker(campaigns, segmentOptions);
      } catch (error) {
        if (!(error instanceof WorkerFailed)) throw error;
        options.onFallback?.(error.cause);
        return inProcess.segment(campaigns, segmentOptions);
      }
    },
  };
}

class WorkerFailed extends Error {
  constructor(cause: unknown) {
    super(`segmentation worker failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WorkerFailed';
  }
}
