// The worker thread's entry: trains one revenue model from `workerData` (a TrainRequest) and posts back
// { ok: true, model } or { ok: false, error } (an AppError's code, message and hint survive the boundary).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../core/errors.js';
import { lowerCurrentThreadPriority } from '../core/thread-priority.js';
import { trainRevenueModel } from './revenue-model.js';
import type { TrainRequest } from './trainer.js';

/** The request, and the nice value the worker runs at (src/core/thread-priority.ts). */
export type TrainWorkerData = TrainRequest & { threadNice: number };

if (parentPort) {
  const request = workerData as TrainWorkerData;
  // Training yields the cores to the bot's main thread (HTTP, /healthz); not Linux: trained all the same.
  lowerCurrentThreadPriority(request.threadNice);
  try {
    const model = trainRevenueModel(
      request.rows,
      { scope: request.scope, version: request.version },
      request.options,
    );
    parentPort.postMessage({ ok: true, model });
  } catch (error) {
    parentPort.postMessage({
      ok: false,
      error: {
        code: isAppError(error) ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        hint: isAppError(error) ? error.hint : undefined,
      },
    });
  }
}
