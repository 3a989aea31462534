// « et le total ? », "what's the total?", « ça fait combien au total ? » after a breakdown (per campaign, per channel,
// per week): the same figures over everything the table showed, one number each, not the table again.
import type { Plan, PlannedCall, PreviousTurn } from '../../src/analysis/plan.js';
import type { Language } from '../../src/core/answer.js';
import { prepare } from './normalize.js';
import { asMetricCall } from './preset-calls.js';

const BARE_TOTAL =
  /^\s*(?:(?:et|and|ok|so|alors|bon|du coup)\s)?(?:(?:c'est quoi|what'?s|what is|donne(?:-moi| moi)?|give me|show me|and)\s)?(?:le |la |the |au |en |in |a )?(?:grand )?(?:total|somme|sum|cumul)(?:\s(?:general|global|overall|combined|de tout ca|of (?:it|all|them|everything)))?\s*(?:alors|then|stp|svp|pls|please)?\s*[?!.]*\s*$|^\s*(?:(?:et|and|ok|so|alors)\s)?(?:(?:ca|cela) (?:fait|donne|represente) )?combien (?:au total|en tout|en total|sur (?:le mois|la periode|tout le mois|l'ensemble))?\s*(?:stp|svp)?\s*[?!.]*\s*$|^\s*(?:(?:and|ok|so)\s)?how much (?:is that |was that |does that make )?in total\s*(?:pls|please)?\s*[?!.]*\s*$/;

/** The plan for a bare « total ? » after a breakdown; undefined when the question is not one or nothing was split. */
export function planTotalOfShown(text: string, previous: PreviousTurn, language: Language): Plan | undefined {
  if (!BARE_TOTAL.test(prepare(text))) return undefined;
  const shown = previous.calls.length === 1 ? previous.calls[0] : undefined;
  const total = shown && totalOf(shown);
  return total ? { intent: 'kpi_qa', language, calls: [total], confidence: 0.85 } : undefined;
}

/** The breakdown's figures without the split; undefined for a top N (whose total is not the table's) or a condition. */
export function totalOf(call: PlannedCall): PlannedCall | undefined {
  const asQuery = call.tool === 'kpi_trend' ? trendAsQuery(call) : asMetricCall(call);
  if (asQuery?.tool !== 'query_metrics') return undefined;
  const { group_by, grain, order_by, order, limit, totals, ...rest } = asQuery.args;
  const split = (Array.isArray(group_by) && group_by.length > 0) || grain !== undefined;
  // (« les campagnes en perte » then « et au total ? » is over those members: set-reference.ts reads it.)
  if (!split || rest.thresholds || rest.compare_to) return undefined;
  if (call.tool === 'rank_campaigns' || (order_by !== undefined && typeof limit === 'number' && limit < 50))
    return undefined;
  return { tool: 'query_metrics', args: rest };
}

function trendAsQuery(call: PlannedCall): PlannedCall {
  const { metric, grain, category, campaign_name, ...dates } = call.args;
  return {
    tool: 'query_metrics',
    args: {
      metrics: [typeof metric === 'string' ? metric : 'roi'],
      grain,
      ...(typeof category === 'string' && category !== 'all' ? { categories: [category] } : {}),
      ...(typeof campaign_name === 'string' ? { campaigns: [campaign_name] } : {}),
      ...dates,
    },
  };
}

/** « clics par semaine + le total du mois », "clicks by week, and the February total": the table, then its total. */
const AND_THE_TOTAL =
  /(?:\+|,|\bet\b|\band\b)\s*(?:(?:le|the|son|its)\s)?(?:(?:february|monthly|month's|grand)\s)?(?:total|cumul)(?:\s(?:du mois|de fevrier|of february|for february|for the month|general|global|overall))?\s*[?!.]*\s*$/;

export function withTotalPart(plan: Plan, text: string): Plan {
  const [only, ...others] = plan.calls;
  if (!only || others.length > 0 || plan.clarification || !AND_THE_TOTAL.test(prepare(text))) return plan;
  // (A table with its total row states it already: « CA par canal et le total ».)
  if (only.args.totals === true) return plan;
  const total = totalOf(only);
  return total ? { ...plan, calls: [only, total] } : plan;
}
