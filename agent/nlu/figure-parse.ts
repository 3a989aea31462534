// The parse every figure reading starts from (metrics, scope, periods, count, thresholds) and the small
// argument builders the readings share: the scope and dates as query arguments, the sort order a word asks for.
import type { Plan, PlannedCall } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Metric } from '../../src/core/metrics.js';
import { withBrandsInCategory } from './brand-in-category.js';
import { withExclusions } from './exclusions.js';
import { RANK_WORDS } from './figure-words.js';
import { COST_METRICS, findDirectionWord, findMetricMentions } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import { findCount } from './numbers.js';
import { findPeriod } from './periods.js';
import { findScope, type Scope } from './scope.js';
import { findThresholds, type Threshold } from './thresholds.js';
import { findTwoPeriods } from './two-periods.js';

export type Args = Record<string, unknown>;
export type Period = { date_from?: string; date_to?: string };

export interface MetricReading {
  intent: Plan['intent'];
  calls: PlannedCall[];
  confidence: number;
  clarification?: string;
  options?: string[];
}

export interface Parsed {
  text: string;
  scope: Scope;
  metrics: Metric[];
  thresholds: Threshold[];
  period?: Period;
  two?: [Period, Period];
  count?: number;
}

export function parse(question: string, catalog: Catalog): Parsed {
  const normalized = normalize(question);
  const scope = withBrandsInCategory(
    withExclusions(findScope(normalized, catalog), normalized, catalog),
    normalized,
    catalog,
  );
  const text = prepare(scope.rest);
  const mentions = findMetricMentions(text, question);
  // « dans chaque catégorie (social, search etc) »: the categories named are examples of every one.
  const examples =
    /\b(etc|ect)\b|\.\.\.|…/.test(text) &&
    /\b(chaque|each|every|toutes les|all( the)?|par|by|per) (categorie|category|canal|channel|levier|types? de campagnes?)/.test(
      text,
    );
  return {
    text,
    scope: examples ? { ...scope, categories: [] } : scope,
    metrics: [...new Set(mentions.map((mention) => mention.metric))],
    thresholds: findThresholds(text, mentions),
    period: findPeriod(text, catalog.lastDay),
    two: findTwoPeriods(text, catalog.lastDay),
    count: describesScope(findCount(text), text, scope, catalog) ? undefined : findCount(text),
  };
}

/**
 * « CA facebook du mois, les quatre campagnes ensemble », « dépenses facebook (les 4 campagnes) »: a count that is
 * the size of the family named says which campaigns, not how many to rank.
 */
function describesScope(count: number | undefined, text: string, scope: Scope, catalog: Catalog): boolean {
  if (count === undefined || count < 2 || RANK_WORDS.test(text)) return false;
  const members =
    scope.prefixes.length === 1 && scope.campaigns.length === 0
      ? prefixed(scope.prefixes[0]!, catalog).length
      : scope.prefixes.length === 0
        ? scope.campaigns.length
        : 0;
  return members === count;
}

/** The scope as query_metrics / explain_change arguments (one prefix at most: the first). */
export function scopeArgs(scope: Scope): Args {
  return {
    ...(scope.campaigns.length > 0 ? { campaigns: scope.campaigns } : {}),
    ...(scope.categories.length > 0 ? { categories: scope.categories } : {}),
    ...(scope.prefixes[0] ? { name_prefix: scope.prefixes[0] } : {}),
  };
}

export const dates = (period: Period | undefined): Args => ({
  ...(period?.date_from ? { date_from: period.date_from } : {}),
  ...(period?.date_to ? { date_to: period.date_to } : {}),
});

export function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The period just before `period`, of the same length (« pourquoi … la semaine dernière » compares with the one before). */
export function before(period: Required<Period>): Required<Period> {
  const days = Math.round((Date.parse(period.date_to) - Date.parse(period.date_from)) / 86_400_000) + 1;
  return { date_from: shift(period.date_from, -days), date_to: shift(period.date_from, -1) };
}

export const lowerIsBetter = (metric: Metric) => COST_METRICS.has(metric);

/** « meilleur » / « pire » / « le plus » / « le moins » for this metric, as a sort order. */
export function orderFor(text: string, metric: Metric): 'asc' | 'desc' {
  // « du meilleur au pire », "best to worst", « du plus gros au plus petit »: the first words say which end leads.
  if (
    /\bbest to worst\b|\bmeilleur\w* (au|aux) pire|\bdu plus (haut|gros|grand|eleve|fort)\b|\bhighest to lowest\b|\bdecroissant\w*|\bdescending\b/.test(
      text,
    )
  )
    return /\bbest|\bmeilleur/.test(text) && lowerIsBetter(metric) ? 'asc' : 'desc';
  if (
    /\bworst to best\b|\bpires? (au|aux) meilleur|\bdu plus (bas|petit|faible)\b|\blowest to highest\b|\bcroissant\w*|\bascending\b/.test(
      text,
    )
  )
    return /\bworst|\bpire/.test(text) && lowerIsBetter(metric) ? 'desc' : 'asc';
  // "least cost-efficient" is the costliest: read before the plain direction words (« least » alone is low).
  const fromTo =
    /\b(du|de la|des) (plus|moins|meilleure?s?|pires?)\b.{0,20}\b(au|aux|a la) (plus|moins|meilleur|pire)/;
  if (/\beffic(ace|ient)\w* en cout|\bcost[- ]efficien\w*/.test(text) && !fromTo.test(text))
    return /\b(least|moins)\b(?! cher)/.test(text) ? 'desc' : 'asc';
  // "which channel is losing us the most money?", « qui perd le plus d'argent ? »: the worst end of a return.
  if (/\blos(e|es|ing|t) (?:\w+ )?(?:the )?most\b|\bperd\w* le plus\b/.test(text) && !lowerIsBetter(metric))
    return 'asc';
  const word = findDirectionWord(text);
  if (word === 'best') return lowerIsBetter(metric) ? 'asc' : 'desc';
  if (word === 'worst') return lowerIsBetter(metric) ? 'desc' : 'asc';
  if (word === 'low' || word === 'cheap') return 'asc';
  if (word === 'high' || word === 'expensive') return 'desc';
  return lowerIsBetter(metric) ? 'asc' : 'desc';
}

/** The campaigns whose name starts with `prefix` (case-insensitive), as the query's name_prefix filter reads it. */
export function prefixed(prefix: string, catalog: Catalog): string[] {
  return catalog.campaigns
    .map((campaign) => campaign.campaignName)
    .filter((name) => name.toLowerCase().startsWith(prefix.toLowerCase()));
}

export function sidesOf(scope: Scope): Args[] {
  return [
    ...scope.campaigns.map((name) => ({ campaigns: [name] })),
    ...scope.prefixes.map((prefix) => ({ name_prefix: prefix })),
    ...scope.categories.map((category) => ({ categories: [category] })),
  ];
}

export const query = (args: Args): PlannedCall => ({ tool: 'query_metrics', args });
