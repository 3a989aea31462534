// How planning time grows with a pasted message's length: each fuzz-corpus question repeated to 10 KB and to 40 KB,
// the offline planner timed on both (best of three, after a warm-up). Linear work grows 4×; a reading that scans
// the whole text once per word grows 16× (the session-13 CI failure: 40 KB took 1.8 s to plan).
import { planOffline } from '../agent/nlu/offline-planner.js';
import type { Catalog } from '../src/warehouse/catalog.js';
import { REAL_QUESTIONS } from '../tests/fuzz/corpus.js';
import { median } from './stats.js';

export const LONG_MESSAGE_TARGETS = { maxGrowth: 8 };
const SHORT_CHARS = 10_000;
const LONG_CHARS = 40_000;

function repeatedTo(fragment: string, size: number): string {
  return `${fragment} `.repeat(Math.ceil(size / (fragment.length + 1))).slice(0, size);
}

function bestPlanMs(text: string, catalog: Catalog): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    planOffline({ text, catalog });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function benchLongMessages(catalog: Catalog) {
  for (const question of REAL_QUESTIONS) planOffline({ text: repeatedTo(question, SHORT_CHARS), catalog });
  const rows = REAL_QUESTIONS.map((question) => {
    const shortMs = bestPlanMs(repeatedTo(question, SHORT_CHARS), catalog);
    const longMs = bestPlanMs(repeatedTo(question, LONG_CHARS), catalog);
    return { question, shortMs, longMs, growth: longMs / Math.max(shortMs, 1) };
  });
  const worst = rows.reduce((a, b) => (b.growth > a.growth ? b : a));
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    messages: rows.length,
    medianLongMs: round(median(rows.map((row) => row.longMs))),
    maxLongMs: round(Math.max(...rows.map((row) => row.longMs))),
    medianGrowth: round(median(rows.map((row) => row.growth))),
    maxGrowth: round(worst.growth),
    worstQuestion: worst.question,
  };
}
