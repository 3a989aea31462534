// One figure (or a few) over a scope: a total, a campaign's volume, a KPI of a channel or a period.
import type { Metric } from '../../src/core/metrics.js';
import { dates, query, scopeArgs } from './figure-parse.js';
import type { FigureQuestion, Reading } from './figure-question.js';
import { TOTAL } from './figure-words.js';

const RATE_METRICS: ReadonlySet<Metric> = new Set(['ctr', 'cvr', 'cpa', 'cpl', 'cpc', 'cpm', 'roi', 'roas']);

export function readSingleFigure({ p, text, metric, sides, ranked }: FigureQuestion): Reading {
  // « ROAS du mois ? », "return on ad spend for the month?": the whole month named is a scope too.
  const wholeMonth =
    /\b(du|ce|le|sur le|de ce) mois\b|\b(this|the) month\b|\bmonth to date\b|\b(fevrier|february|feb|fev)\b/.test(
      text,
    );
  const scoped = sides.length > 0 || p.period !== undefined || wholeMonth;
  // « le CTR moyen », "average CPA": a rate over everything (ratio of sums) — not so for a volume (« CA moyen » per
  // what?), which stays unread.
  const averageRate =
    metric !== undefined &&
    RATE_METRICS.has(metric) &&
    /\bmoyen\w*|\baverage\b|\bavg\b/.test(text) &&
    !/\bpar (campagne|jour|semaine|canal)\b|\bper (campaign|day|week|channel)\b/.test(text);
  if (metric && !ranked && (TOTAL.test(text) || scoped || averageRate)) {
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 6), ...scopeArgs(p.scope), ...dates(p.period) })],
      confidence: 0.85,
    };
  }
  return undefined;
}
