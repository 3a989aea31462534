// A breakdown with a named metric (« leads par canal », « dépenses par canal la semaine dernière »); the preset
// breakdown already shows spend, revenue and the main KPIs.
import { dates, query, scopeArgs } from './figure-parse.js';
import { type FigureQuestion, PRESET, type Reading } from './figure-question.js';
import { COMPARE, EACH, PER_CAMPAIGN, PER_CATEGORY, PRESET_COLUMNS } from './figure-words.js';

export function readBreakdown({ p, text, metric, presetScope, ranked }: FigureQuestion): Reading {
  // « nos deux influenceurs, combien de commandes chacun ? », "compare … between our two influencer campaigns": each
  // campaign of the group named, one row each.
  const eachOfGroup =
    (EACH.test(text) || (COMPARE.test(text) && /\b(?:deux|two|both|2)\b/.test(text))) &&
    p.scope.campaigns.length === 0 &&
    p.scope.categories.length + p.scope.prefixes.length > 0;
  const breakdown = PER_CATEGORY.test(text) || ((PER_CAMPAIGN.test(text) || eachOfGroup) && !ranked);
  // « CA total du mois et la répartition par canal »: the total too, which the preset breakdown does not state.
  const total = /\btota(l|ux|ls?)\b|\bglobal\w*|\boverall\b/.test(text);
  if (breakdown && p.metrics.every((item) => PRESET_COLUMNS.has(item)) && presetScope && !total)
    return PRESET;
  if (metric && breakdown) {
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: p.metrics.slice(0, 4),
          group_by: [PER_CATEGORY.test(text) ? 'category' : 'campaign_name'],
          order_by: metric,
          totals: true,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  }
  return undefined;
}
