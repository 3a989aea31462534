// The reading of a question whose members are what an exclusion left (« CA hors facebook », "CPA by channel
// excluding search", « meilleure campagne en ROI hors instagram »): one figure over them, a breakdown when the
// object is named, a ranking when asked — never one comparison call per member left.

import { withoutExclusions } from './exclusions.js';
import {
  dates,
  lowerIsBetter,
  type MetricReading,
  orderFor,
  type Parsed,
  query,
  scopeArgs,
} from './figure-parse.js';
import { RANK_WORDS } from './figure-words.js';
import { findDirectionWord } from './metrics.js';

const CAMPAIGN_OBJECT = /\bcampagnes?\b|\bcampaigns?\b|\blesquel\w*|\blaquelle\b|\blequel\b|\bwhich ones?\b/;

/** undefined when the scope holds no exclusion or no figure is named. */
export function readExcluded(p: Parsed, categoryObject: boolean): MetricReading | undefined {
  const metric = p.metrics[0];
  if (!p.scope.excluded || !metric || p.two || p.thresholds.length > 0) return undefined;
  const text = withoutExclusions(p.text);
  const ranked = RANK_WORDS.test(text) || findDirectionWord(text) !== undefined || p.count !== undefined;
  const grouped = categoryObject || ranked || CAMPAIGN_OBJECT.test(text);
  if (!grouped)
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 4), ...scopeArgs(p.scope), ...dates(p.period) })],
      confidence: 0.85,
    };
  const single =
    /\b(la|le|the|quelle|quel|which) (meilleure?|pire|best|worst|top|campagne|campaign|canal|channel|categorie|category)\b(?!s)|\b(meilleure?|pire|best|worst) (campagne|campaign|canal|channel|categorie|category)\b(?!s)/.test(
      text,
    );
  return {
    intent: 'kpi_qa',
    calls: [
      query({
        metrics: p.metrics.slice(0, 4),
        group_by: [categoryObject ? 'category' : 'campaign_name'],
        order_by: metric,
        order: ranked ? orderFor(text, metric) : lowerIsBetter(metric) ? 'asc' : 'desc',
        ...(ranked ? { limit: p.count ?? (single ? 1 : 5) } : {}),
        ...scopeArgs(p.scope),
        ...dates(p.period),
      }),
    ],
    confidence: 0.85,
  };
}
