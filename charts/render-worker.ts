// The chart worker's entry (run by the pool in render-pool.ts): vega and sharp live in this thread, so drawing a
// chart (the vega dataflow and SVG text, then libvips) never holds the bot's event loop, and the worker's memory
// goes back when the pool lets an idle worker exit.
import { workerData } from 'node:worker_threads';
import type { ChartRequest } from '../src/core/answer.js';
import { lowerCurrentThreadPriority } from '../src/core/thread-priority.js';
import { type ChartContext, type ChartRendererOptions, createChartRenderer } from './render.js';

/** What the pool gives each worker at start (piscina passes it as the thread's workerData). */
export interface RenderWorkerData {
  threadNice: number;
}

// Drawing yields the cores to the bot's main thread (HTTP, /healthz); libvips' threads, started from this one, inherit
// it. A failure (not Linux) leaves the priority as is: charts are drawn all the same.
lowerCurrentThreadPriority((workerData as Partial<RenderWorkerData> | undefined)?.threadNice ?? 0);

export interface RenderTask {
  request: ChartRequest;
  context: ChartContext;
  options: ChartRendererOptions;
}

let renderer: ReturnType<typeof createChartRenderer> | undefined;
let rendererKey = '';

export default async function renderTask(task: RenderTask) {
  const key = JSON.stringify(task.options);
  if (!renderer || key !== rendererKey) {
    renderer = createChartRenderer(task.options);
    rendererKey = key;
  }
  const chart = await renderer.render(task.request, task.context);
  // Copied to the main thread (≤ 200 KB): a Buffer arrives there as a plain Uint8Array, turned back by the pool.
  return chart;
}
