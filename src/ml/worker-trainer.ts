// Trains each model in its own worker thread, off the bot's event loop. The project runs TypeScript through
// tsx, but on Node 20 a worker inherits neither the parent's tsx hooks nor `execArgv: ['--import', 'tsx']`
// ("Unknown file extension .ts"), so a worker on train-worker.ts starts from a tiny bootstrap that registers
// tsx's ESM hooks inside the worker (tsx/esm/api) and then imports the entry. A worker that cannot start
// falls back to in-process training (unless `fallback: false`) and reports it through `onFallback`.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../core/errors.js';
import type { RevenueModel } from './revenue-model.js';
import type { TrainWorkerData } from './train-worker.js';
import { createInProcessTrainer, type ModelTrainer, type TrainRequest } from './trainer.js';

type WorkerReply =
  | { ok: true; model: RevenueModel }
  | { ok: false; error: { code: ErrorCode; message: string; hint?: string } };

export interface WorkerTrainerOptions {
  /** The worker's entry module (default: train-worker.ts next to this file, loaded through tsx). */
  entry?: URL;
  /** Train in-process when the worker fails to start (default true). */
  fallback?: boolean;
  onFallback?: (error: unknown) => void;
  /** The worker's nice value (0 = the main thread's): training yields the cores to the thread serving HTTP. */
  threadNice?: number;
}

export function createWorkerTrainer(options: WorkerTrainerOptions = {}): ModelTrainer {
  const isTypeScript = import.meta.url.endsWith('.ts');
  const entry =
    options.entry ?? new URL(isTypeScript ? './train-worker.ts' : './train-worker.js', import.meta.url);
  const bootstrap = entry.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then(async (tsx) => { tsx.register(); await import(${JSON.stringify(entry.href)}); })`
    : undefined;
  const inProcess = createInProcessTrainer();

  function inWorker(request: TrainRequest): Promise<RevenueModel> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const workerData: TrainWorkerData = { ...request, threadNice: options.threadNice ?? 0 };
      const worker = bootstrap
        ? new Worker(bootstrap, { eval: true, workerData })
        : new Worker(entry, { workerData });
      worker.once('message', (reply: WorkerReply) => {
        settled = true;
        if (reply.ok) resolve(reply.model);
        else reject(new AppError(reply.error.code, reply.error.message, { hint: reply.error.hint }));
        void worker.terminate();
      });
      worker.once('error', (error) => {
        if (settled) return;
        settled = true;
        reject(new WorkerStartError(error));
      });
      worker.once('exit', (code) => {
        if (settled) return;
        settled = true;
        reject(new WorkerStartError(new Error(`training worker exited with code ${code}`)));
      });
    });
  }

  return {
    kind: 'worker',
    async train(request) {
      try {
        return await inWorker(request);
      } catch (error) {
        if (!(error instanceof WorkerStartError) || options.fallback === false) {
          throw error instanceof WorkerStartError
            ? new AppError('INTERNAL', `training worker failed: ${String(error.cause)}`, {
                cause: error.cause,
              })
            : error;
        }
        options.onFallback?.(error.cause);
        return inProcess.train(request);
      }
    },
  };
}

class WorkerStartError extends Error {
  constructor(cause: unknown) {
    super(`training worker failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WorkerStartError';
  }
}
