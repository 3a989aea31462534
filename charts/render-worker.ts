// The chart worker's entry (run by the pool in render-pool.ts): vega and sharp live in this thread, so drawing a
// chart (the vega dataflow and SVG text, then libvips) never holds the bot's event loop, and the worker's memory
// goes back when the pool lets an idle worker exit.
import type { ChartRequest } from '../src/core/answer.js';
import { type ChartContext, type ChartRendererOptions, createChartRenderer } from './render.js';

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
