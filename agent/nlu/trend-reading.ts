// « leads google par semaine »: a trend of a family or of several members is a breakdown by time (the preset
// trend takes one campaign or one category, and the router answers it).
import { dates, query, scopeArgs, sidesOf } from './figure-parse.js';
import { type FigureQuestion, PRESET, type Reading } from './figure-question.js';
import { TREND } from './figure-words.js';

export function readTrend({ p, text, metric }: FigureQuestion): Reading {
  const grain = /\b(jour|day|quotidien\w*|daily)/.test(text)
    ? 'day'
    : /\b(mois|month)/.test(text)
      ? 'month'
      : 'week';
  if (
    TREND.test(text) &&
    !p.two &&
    p.thresholds.length === 0 &&
    metric &&
    sidesOf(p.scope).length > 0 &&
    (p.scope.prefixes.length > 0 || sidesOf(p.scope).length > 1)
  )
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 4), grain, ...scopeArgs(p.scope), ...dates(p.period) })],
      confidence: 0.85,
    };
  if (TREND.test(text) && !p.two && p.thresholds.length === 0) return PRESET;
  return undefined;
}
