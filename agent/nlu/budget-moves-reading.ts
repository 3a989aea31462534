// Where the budget should go: « où mettre plus de budget ? » (the best returns first) and « what should we switch
// off? » (every loss-maker; the preset diagnostic reads fewer words).
import { dates, query, scopeArgs } from './figure-parse.js';
import type { FigureQuestion, Reading } from './figure-question.js';
import { BOOST, CUT, SINGULAR_CATEGORY } from './figure-words.js';
import { SIGNALS } from './intents.js';

// « où mettre plus de budget ? », "which campaigns deserve more money?": the best returns first.
export function readBoost({ p, text, metric, categoryObject }: FigureQuestion): Reading {
  if (BOOST.test(text) && (!metric || metric === 'mark_spent' || metric === 'roi')) {
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: ['roi', 'mark_spent', 'revenue'],
          group_by: [categoryObject ? 'category' : 'campaign_name'],
          order_by: 'roi',
          order: 'desc',
          // « quel canal mérite plus de budget ? »: the one channel.
          limit: p.count ?? (categoryObject && SINGULAR_CATEGORY.test(text) ? 1 : 5),
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.8,
    };
  }
  return undefined;
}

// « what should we switch off? », "loss-making campaigns": every loss-maker (the preset diagnostic reads fewer words).
export function readLossMakers({ p, text, group, presetScope }: FigureQuestion): Reading {
  // Within a family (« les 2 campagnes facebook à couper »), the preset diagnostic cannot say it: read here too.
  const familyOnly = p.scope.prefixes.length === 1 && p.scope.campaigns.length === 0;
  if (CUT.test(text) && ((!SIGNALS.diagnostic.test(text) && presetScope) || familyOnly)) {
    return {
      intent: 'diagnostic',
      calls: [
        query({
          metrics: ['roi', 'mark_spent', 'revenue'],
          group_by: [group],
          thresholds: [{ metric: 'roi', op: '<', value: 0 }],
          order_by: 'roi',
          order: 'asc',
          // « les 3 à couper », "bottom 3 … pull the plug": the worst three of them.
          limit: p.count ?? 100,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.8,
    };
  }
  return undefined;
}
