// The worker thread's entry for segmentation: runs segmentCampaigns on `workerData` ({ campaigns, options }) and posts
// back { ok: true, segmentation } or { ok: false, error } (an AppError's code, message and hint survive).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../core/errors.js';
import { type CampaignKpis, type SegmentOptions, segmentCampaigns } from './segmentation.js';

if (parentPort) {
  const request = workerData as { campaigns: CampaignKpis[]; options: SegmentOptions };
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
