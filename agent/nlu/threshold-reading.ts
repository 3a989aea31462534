// Conditions on a metric (« CTR sous 0,5 % », « CPL au-dessus de 600 CHF », « à couper »): the members past them, by
// campaign or by channel.
import type { Metric } from '../../src/core/metrics.js';
import { dates, query, scopeArgs } from './figure-parse.js';
import { type FigureQuestion, PRESET, type Reading } from './figure-question.js';
import { CUT, RANK_WORDS } from './figure-words.js';
import { SIGNALS } from './intents.js';

export function readThreshold({
  p,
  text,
  categoryObject,
  group,
  presetScope,
  inherited,
}: FigureQuestion): Reading {
  // « quel canal perd le plus d'argent ? »: the worst one (a ranking), not every loss-maker.
  const thresholds =
    p.thresholds.length > 0
      ? p.thresholds
      : CUT.test(text) && !RANK_WORDS.test(text)
        ? [{ metric: 'roi' as Metric, op: '<' as const, value: 0 }]
        : [];
  const first = thresholds[0];
  // « ROI sous 20 % » by campaign is the preset diagnostic (get_underperforming_campaigns).
  const presetDiagnostic =
    thresholds.length === 1 &&
    first?.metric === 'roi' &&
    first.op === '<' &&
    !categoryObject &&
    presetScope &&
    !inherited &&
    SIGNALS.diagnostic.test(text);
  if (presetDiagnostic) return PRESET;
  if (first && (p.thresholds.length > 0 || categoryObject || inherited || p.period)) {
    return {
      intent: 'diagnostic',
      calls: [
        query({
          metrics: [...new Set([first.metric, ...p.metrics])].slice(0, 4),
          group_by: [group],
          thresholds,
          order_by: first.metric,
          order: first.op.startsWith('<') ? 'asc' : 'desc',
          limit: 100,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  }
  return undefined;
}
