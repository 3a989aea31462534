// The worker thread's entry for segmentation: runs segmentCampaigns on `workerData` ({ campaigns, options }) and posts
// back { ok: true, segmentation } or { ok: false, error } (an AppError's code, message and hint survive).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../core/errors.js';
import { lowerCurrentThreadPriority } from '../core/thread-priority.js';
import { type CampaignKpis, type SegmentOptions, segmentCampaigns } from './segmentation.js';

/** The campaigns and options, and the nice value the worker runs at (src/core/thread-priority.ts). */
export interface SegmentWorkerData {
  campaigns: CampaignKpis[];
  options: SegmentOptions;
  threadNice: number;
}

if (parentPort) {
  const request = workerData as SegmentWorkerData;
  // Segmenting yields the cores to the bot's main thread (HTTP, /healthz); not Linux: segmented all the same.
  lowerCurrentThreadPriority(request.threadNice);
  try {
    parentPort.postMessage({ ok: true, segmentation: segmentCampaigns(request.campaigns, request.options) });
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
