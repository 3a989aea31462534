// Follow-ups in a conversation: « et pour search ? », « et avec +30 % ? », "what about the bottom 3?",
// « et en février ? » change the previous call's arguments and keep everything else.

import type { Leader, PlannedCall } from '../../src/analysis/plan.js';
import { BUDGET_CHANGE_RANGE, type Catalog } from '../../src/analysis/vocabulary.js';
import type { Features } from './features.js';
import { prefixed } from './figure-parse.js';
import { COST_METRICS, directionFor } from './metrics.js';
import { steppedPeriod } from './period-step.js';
import { wholeCategory } from './simulation-scope.js';

// The arguments each tool accepts (the schemas are strict: nothing else may be added).
const KEYS: Record<string, readonly string[]> = {
  rank_campaigns: ['metric', 'direction', 'limit', 'category', 'date_from', 'date_to'],
  get_underperforming_campaigns: ['roi_threshold', 'limit', 'category', 'date_from', 'date_to'],
  aggregate_by_dimension: ['group_by', 'category', 'date_from', 'date_to'],
  describe_campaign: ['campaign_name', 'date_from', 'date_to'],
  kpi_trend: ['metric', 'grain', 'category', 'campaign_name', 'date_from', 'date_to'],
  simulate_budget: ['budget_increase_pct', 'category', 'volume_elasticity'],
  predict_revenue: ['budget', 'category', 'impressions', 'clicks'],
  segment_campaigns: ['k'],
};

/** The previous call with what the follow-up names replaced, or undefined when it names nothing usable. */
export function applyFollowUp(
  previous: PlannedCall,
  f: Features,
  lastDay: string | null,
): PlannedCall | undefined {
  const keys = KEYS[previous.tool];
  if (!keys) return undefined;
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(previous.args)) if (keys.includes(name)) args[name] = value;
  const accepts = (name: string) => keys.includes(name);
  let changed = false;
  const set = (name: string, value: unknown) => {
    if (!accepts(name) || value === undefined) return;
    args[name] = value;
    changed = true;
  };

  if (f.category) {
    set('category', f.category);
    if (accepts('category')) delete args.campaign_name;
  } else if (f.allCategories && accepts('category')) {
    if (previous.tool === 'simulate_budget') set('category', 'all');
    else {
      delete args.category;
      changed = true;
    }
  }
  if (f.campaign.name && accepts('campaign_name')) {
    set('campaign_name', f.campaign.name);
    delete args.category;
  }
  const stepped = accepts('date_from') ? steppedPeriod(f.text, previous.args, lastDay) : undefined;
  if (stepped) {
    Object.assign(args, stepped);
    changed = true;
  } else if (f.dates && accepts('date_from')) {
    delete args.date_from;
    delete args.date_to;
    set('date_from', f.dates.date_from);
    set('date_to', f.dates.date_to);
    changed = true;
  }
  if (previous.tool === 'rank_campaigns' || previous.tool === 'kpi_trend')
    applyMetric(args, f, previous.tool === 'rank_campaigns', () => {
      changed = true;
    });
  if (previous.tool === 'get_underperforming_campaigns') set('roi_threshold', f.roiThreshold);
  set('limit', f.count);
  const pct = f.percent;
  if (pct !== undefined && pct >= BUDGET_CHANGE_RANGE.min && pct <= BUDGET_CHANGE_RANGE.max)
    set('budget_increase_pct', pct);
  set('budget', f.money);
  set('impressions', f.impressions);
  set('clicks', f.clicks);
  set('k', f.k);
  set('grain', f.grain);
  if (f.groupBy) set('group_by', f.groupBy);
  return changed ? { tool: previous.tool, args } : undefined;
}

/** A new metric and/or direction for a ranking or a trend. */
function applyMetric(
  args: Record<string, unknown>,
  f: Features,
  ranking: boolean,
  changed: () => void,
): void {
  const before = typeof args.metric === 'string' ? args.metric : 'roi';
  const metric = (f.metrics[0] ?? before) as Parameters<typeof directionFor>[1];
  if (metric !== before) {
    args.metric = metric;
    changed();
  }
  if (!ranking) return; // a trend has no direction
  if (f.directionWord) {
    args.direction = directionFor(f.directionWord, metric);
    changed();
  } else if (COST_METRICS.has(metric) !== COST_METRICS.has(before as typeof metric)) {
    // « meilleures par ROI » then « et en CPL ? »: the best CPL is the lowest.
    args.direction = args.direction === 'top' ? 'bottom' : 'top';
  }
}

/** « it », "them", « l'augmenter », « leur budget », « dessus », « le budget »: the budget just shown, not every budget. */
const THE_ONE_SHOWN =
  /\b(it|that one|that|them|those|there|dessus|la-dessus)\b|\bleurs? budgets?\b|\btheir budgets?\b|\bl'(augment|baiss|coup|redui|doubl|mont)\w*|\b(la|le|les) (augment|baiss|coup|redui|doubl|mont)\w*|\b(?:j'|on |je )y\b|\bson budget\b|\b(?:that|this|ce|cet) budget\b|\bdu budget\b(?! (?:de|du|des|total|global|sur|pour)\b)|\b(?:le|its|the) budget\b(?! (?:(?:de|du|des|of|on|for|sur|pour) (?![+-]?\d)|total\b|global\b))/;

/**
 * "and what if we increased it by 20%?" after social's spend (after « ROI google »: google is the whole of search;
 * after « le meilleur canal » then « si j'y mets 20 % »: the channel shown first; « si je mets 100k par jour dessus »:
 * the forecast too): the simulation of that category, not of all of them (the fresh reading names no category).
 */
export function simulationOfTheOneShown(
  call: PlannedCall,
  previous: PlannedCall,
  text: string,
  context: { catalog: Catalog; leader?: Leader },
): PlannedCall {
  const everyCategory =
    (call.tool === 'simulate_budget' && call.args.category === 'all') ||
    (call.tool === 'predict_revenue' && (call.args.category === undefined || call.args.category === 'all'));
  if (!everyCategory || !THE_ONE_SHOWN.test(text)) return call;
  const categories = [previous.args.category, previous.args.categories]
    .flat()
    .filter((name) => typeof name === 'string');
  const prefix = typeof previous.args.name_prefix === 'string' ? previous.args.name_prefix : undefined;
  const named = [previous.args.campaigns, previous.args.campaign_name]
    .flat()
    .filter((name): name is string => typeof name === 'string');
  const shown =
    categories.length === 1
      ? categories[0]
      : categories.length === 0
        ? (wholeCategory(prefix ? prefixed(prefix, context.catalog) : named, context.catalog) ??
          (context.leader?.key === 'category' ? context.leader.member : undefined))
        : undefined;
  return shown ? { ...call, args: { ...call.args, category: shown } } : call;
}

/**
 * « et avec +30 ? », "and with 40?" after a simulation: a bare number is the new change, in percent, with the sign
 * of the change shown unless written (« −20 % » then « et avec 30 ? » is −30 %).
 */
export function bareChange(text: string, previous: PlannedCall): number | undefined {
  if (previous.tool !== 'simulate_budget') return undefined;
  const match =
    /^\s*(?:(?:et|and|ok|alors|so)\s)?(?:(?:avec|with|a|at|to|try|essaie|essaye|tente|what about|how about|et si on met|if we put)\s)?([+-]?)\s?(\d{1,3})\s?(?:%|pour ?cents?|percent|pct)?\s?(?:instead|plutot|alors)?\s*[?!.]*\s*$/.exec(
      text,
    );
  if (!match) return undefined;
  const size = Number(match[2]);
  const before = Number(previous.args.budget_increase_pct);
  const sign = match[1] === '-' ? -1 : match[1] === '+' ? 1 : before < 0 ? -1 : 1;
  return sign * size;
}
