// `npm run bench -- charts`: render time of each chart kind (spec → vega SVG → sharp PNG, the whole render()
// call) on the canonical answer fixtures, median and p95 over 30 renders after a warm-up, plus the PNG size.
// Target: median ≤ 50 ms per kind.
import { createChartRenderer } from '../charts/render.js';
import type { ChartRequest } from '../src/core/answer.js';
import { type AnswerFixtureName, chartFixture } from '../tests/fixtures/answers/index.js';
import { median, timeOnce } from './stats.js';

export const TARGETS = { medianMs: 50 };

const KINDS: [ChartRequest['kind'], AnswerFixtureName][] = [
  ['ranking', 'ranking'],
  ['grouped', 'aggregation'],
  ['clusters', 'segmentation'],
  ['simulation', 'simulation'],
  ['trend', 'trend'],
];

export interface ChartFigures {
  kind: ChartRequest['kind'];
  medianMs: number;
  p95Ms: number;
  /** Mean CPU time per render (all threads): unlike wall time, it does not grow when other processes compete. */
  cpuMs: number;
  width: number;
  height: number;
  bytes: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export async function benchCharts(options: { runs?: number; warmup?: number } = {}) {
  const runs = options.runs ?? 30;
  const warmup = options.warmup ?? 5;
  const renderer = createChartRenderer();
  const context = { currency: 'CHF', language: 'fr' as const };
  const charts: ChartFigures[] = [];
  for (const [kind, fixture] of KINDS) {
    const request = chartFixture(fixture);
    for (let i = 0; i < warmup; i++) await renderer.render(request, context);
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < runs; i++) times.push(await timeOnce(() => renderer.render(request, context)));
    const used = process.cpuUsage(cpu);
    const rendered = await renderer.render(request, context);
    charts.push({
      kind,
      medianMs: round(median(times)),
      p95Ms: round(percentile(times, 0.95)),
      cpuMs: round((used.user + used.system) / 1000 / runs),
      width: rendered.width,
      height: rendered.height,
      bytes: rendered.bytes,
    });
  }
  return {
    runs,
    charts,
    targets: TARGETS,
    pass: charts.every((chart) => chart.medianMs <= TARGETS.medianMs),
  };
}

export function printCharts(result: Awaited<ReturnType<typeof benchCharts>>): void {
  console.log(`charts: render time over ${result.runs} renders after a warm-up (PNG at 2.5×)`);
  const header = ['kind', 'median', 'p95', 'CPU/render', 'size', 'PNG'];
  const lines = result.charts.map((chart) => [
    chart.kind,
    `${chart.medianMs} ms`,
    `${chart.p95Ms} ms`,
    `${chart.cpuMs} ms`,
    `${chart.width}×${chart.height}`,
    `${Math.round(chart.bytes / 1024)} KB`,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...lines].map((line) => line[column]!.length)),
  );
  for (const line of [header, ...lines])
    console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  console.log(`target: median ≤ ${result.targets.medianMs} ms per kind → ${result.pass ? 'PASS' : 'FAIL'}`);
}
