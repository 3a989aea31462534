// Where the budget should go: « où mettre plus de budget ? » (the best returns first) and « what should we switch
// off? » (every loss-maker; the preset diagnostic reads fewer words).
import { dates, query, scopeArgs } from './figure-parse.js';
import type { FigureQuestion, Reading } from './figure-question.js';
import { BOOST, CUT } from './figure-words.js';
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
          limit: p.count ?? 5,
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
  if (CUT.test(text) && !SIGNALS.diagnostic.test(text) && presetScope) {
    return {
      intent: 'diagnostic',
      calls: [
        query({
          metrics: ['roi', 'mark_spent', 'revenue'],
          group_by: [group],
          thresholds: [{ metric: 'roi', op: '<', value: 0 }],
          order_by: 'roi',
          order: 'asc',
          limit: 100,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.8,
    };
  }
  return undefined;
}
