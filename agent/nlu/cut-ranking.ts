// « les 2 pires campagnes en ROAS, à couper », "which two campaigns should we pause based on ROAS?", « les deux
// campagnes qui sous-performent le plus en ROAS »: a decision made on the figure named, so the worst end of that
// figure — not the loss-makers by ROI, which the cut words alone mean (figure-words.ts CUT).
import type { Metric } from '../../src/core/metrics.js';
import {
  type Args,
  dates,
  lowerIsBetter,
  type MetricReading,
  type Parsed,
  query,
  scopeArgs,
} from './figure-parse.js';
import { RANK_WORDS } from './figure-words.js';
import { findDirectionWord } from './metrics.js';

/** Verbs of a decision to stop spending (not states such as « en perte », which name the loss-makers). */
const STOP_VERBS =
  /\b(couper|coupe|stopper|stop|arreter|arrete|mettre en pause|en pause|pause|pausing|suspendre|switch off|turn off|kill|cut|sauter)\b/;
/** « sous-performent le plus », "the biggest underperformers": a ranking of the worst, not a condition. */
const MOST_UNDERPERFORMING =
  /\bsous[- ]?perform\w* (le|la|les) plus\b|\b(le|la|les) plus sous[- ]?perform\w*|\b(biggest|worst|top|main) (\w+ )?under[- ]?perform\w*|\bunder[- ]?perform\w* the most\b/;

/** The worst members by the one figure named, when the question decides what to cut with it; else undefined. */
export function readCutByMetric(p: Parsed, group: Args['group_by']): MetricReading | undefined {
  const metric: Metric | undefined = p.metrics[0];
  if (!metric || metric === 'roi' || p.metrics.length > 1 || p.thresholds.length > 0) return undefined;
  if (!STOP_VERBS.test(p.text) && !MOST_UNDERPERFORMING.test(p.text)) return undefined;
  if (p.count === undefined && findDirectionWord(p.text) === undefined && !RANK_WORDS.test(p.text))
    return undefined;
  return {
    intent: 'diagnostic',
    calls: [
      query({
        metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
        group_by: group,
        order_by: metric,
        order: lowerIsBetter(metric) ? 'desc' : 'asc',
        limit: p.count ?? 5,
        ...scopeArgs(p.scope),
        ...dates(p.period),
      }),
    ],
    confidence: 0.8,
  };
}
