// `npm run bench -- charts`: render time of each chart kind (spec → vega SVG → sharp PNG, the whole render()
// call) on the canonical answer fixtures, median and p95 over 30 renders after a warm-up, plus the PNG size.
// Target: median ≤ 50 ms per kind. Then what drawing does to the bot's event loop: 60 charts two at a time (the web
// chat's line), in-process against the worker pool the app uses, with the event loop's longest stall and busy share.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { type ChartRenderer, createChartRenderer } from '../charts/render.js';
import { createChartRenderPool } from '../charts/render-pool.js';
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
  const mainThread = [
    await eventLoopEffect('in-process', createChartRenderer()),
    await eventLoopEffect('worker pool', createChartRenderPool()),
  ];
  return {
    runs,
    charts,
    mainThread,
    targets: TARGETS,
    pass: charts.every((chart) => chart.medianMs <= TARGETS.medianMs),
  };
}

/** 60 charts of every kind, two at a time: the event loop's delay (what /healthz and Slack acks wait behind). */
async function eventLoopEffect(label: string, renderer: ChartRenderer & { close?: () => Promise<void> }) {
  const context = { currency: 'CHF', language: 'fr' as const };
  const requests = Array.from({ length: 60 }, (_, i) => chartFixture(KINDS[i % KINDS.length]![1]));
  await Promise.all(KINDS.map(([, fixture]) => renderer.render(chartFixture(fixture), context))); // warm-up
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const rssBefore = process.memoryUsage().rss;
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  delay.enable();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < requests.length) await renderer.render(requests[next++]!, context);
    }),
  );
  delay.disable();
  const used = performance.eventLoopUtilization(elu);
  const figures = {
    label,
    totalMs: round(performance.now() - started),
    loopDelayMaxMs: round(delay.max / 1e6),
    loopDelayP99Ms: round(delay.percentile(99) / 1e6),
    eventLoopUtilization: Math.round(used.utilization * 100) / 100,
    rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024),
  };
  await renderer.close?.();
  return figures;
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
  for (const effect of result.mainThread)
    console.log(
      `60 charts two at a time, ${effect.label}: ${effect.totalMs} ms; event loop delay max ${effect.loopDelayMaxMs} ms, p99 ${effect.loopDelayP99Ms} ms, busy ${effect.eventLoopUtilization}; main-process RSS +${effect.rssGrowthMb} MB`,
    );
  console.log(`target: median ≤ ${result.targets.medianMs} ms per kind → ${result.pass ? 'PASS' : 'FAIL'}`);
}
