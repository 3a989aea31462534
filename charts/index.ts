// The charts package: what src/app/app.ts wires in (adapters/ and agent/ never import charts/ directly).
export { altText } from './alt.js';
export {
  type ChartContext,
  type ChartRenderer,
  type ChartRendererOptions,
  chartSvg,
  createChartRenderer,
  type RenderedChart,
} from './render.js';
export { fallbackTable } from './table.js';
