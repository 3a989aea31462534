// Two or more members, or two periods, side by side (« instagram vs youtube », « CA cette semaine vs la semaine
// dernière »), a family's campaigns listed, or several members summed (« google et youtube ensemble »).
import { dates, prefixed, query, scopeArgs } from './figure-parse.js';
import { type FigureQuestion, PRESET, type Reading } from './figure-question.js';
import { COMBINED, COMPARE, EACH, RANK_WORDS } from './figure-words.js';
import { findDirectionWord } from './metrics.js';
import { channelRanking } from './rank-reading.js';

export function readSideBySide({ p, text, metric, sides, catalog }: FigureQuestion): Reading {
  const onlyCategories = p.scope.campaigns.length === 0 && p.scope.prefixes.length === 0;
  // « Compare social and search » with no metric: the preset breakdown by category shows both.
  if (sides.length >= 2 && !metric && onlyCategories) return PRESET;
  // « quelles campagnes tournent sur instagram ? », « liste des campagnes google »: the family's campaigns, each
  // with its main figures.
  if (
    !metric &&
    p.scope.prefixes.length === 1 &&
    sides.length === 1 &&
    /\b(quelles?|which|liste\w*|list|combien de|how many)\s(?:\w+\s)?(campagnes|campaigns)\b/.test(text) &&
    !RANK_WORDS.test(text)
  )
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: ['roi', 'mark_spent', 'revenue'],
          group_by: ['campaign_name'],
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  // « pour 1 franc mis chez les bloggers », "the bloggers' ROAS": a plural name part is the group, one figure over it —
  // unless the question compares or ranks them (« des deux bloggers, comparés », « qui a le meilleur ROI »).
  if (
    p.scope.group &&
    metric &&
    p.scope.prefixes.length === 0 &&
    p.scope.categories.length === 0 &&
    !COMPARE.test(text) &&
    !EACH.test(text) &&
    !RANK_WORDS.test(text) &&
    !/\bdeux\b|\bboth\b|\btwo\b|\bqui\b|\bwhich\b|\blequel\w*|\blaquelle\b|\bwho\b|\bpar\b|\bper\b|\bby\b|\bdetail\w*|\bbreak\w* down\b|\bbreakdown\b/.test(
      text,
    )
  )
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 4), campaigns: p.scope.group, ...dates(p.period) })],
      confidence: 0.85,
    };
  // « le CA de google et youtube ensemble », "combined revenue": one figure over every member named.
  if (sides.length >= 2 && metric && COMBINED.test(text) && p.scope.categories.length === 0) {
    const campaigns = [
      ...new Set([...p.scope.campaigns, ...p.scope.prefixes.flatMap((prefix) => prefixed(prefix, catalog))]),
    ];
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 4), campaigns, ...dates(p.period) })],
      confidence: 0.85,
    };
  }
  // « quel type de campagne (social, search, influence, media) rapporte le moins ? »: the channels listed are the
  // field of a ranking, not sides to show.
  const rankedChannels =
    onlyCategories &&
    p.scope.categories.length >= 2 &&
    findDirectionWord(text) !== undefined &&
    /\b(quel\w*|which|lequel|laquelle|lesquel\w*)\b/.test(text) &&
    !COMPARE.test(text);
  if (rankedChannels && metric)
    return {
      intent: 'kpi_qa',
      calls: [
        channelRanking(metric, text, p.count ?? p.scope.categories.length, {
          categories: p.scope.categories,
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  if (sides.length >= 2 && (COMPARE.test(text) || /\bdeux\b|\bboth\b|\bcompar/.test(text) || metric)) {
    const metrics = metric ? p.metrics.slice(0, 4) : ['roi', 'mark_spent', 'revenue'];
    // Three campaigns or more side by side: one breakdown (an answer holds two calls at most).
    if (
      (sides.length > 2 || EACH.test(text)) &&
      p.scope.prefixes.length === 0 &&
      (p.scope.campaigns.length === 0 || p.scope.categories.length === 0)
    ) {
      const byCampaign = p.scope.campaigns.length > 0;
      return {
        intent: 'kpi_qa',
        calls: [
          query({
            metrics,
            group_by: [byCampaign ? 'campaign_name' : 'category'],
            ...(byCampaign ? { campaigns: p.scope.campaigns } : { categories: p.scope.categories }),
            ...dates(p.period),
          }),
        ],
        confidence: 0.85,
      };
    }
    return {
      intent: 'kpi_qa',
      calls: sides.slice(0, 4).map((side) => query({ metrics, ...side, ...dates(p.period) })),
      confidence: 0.85,
    };
  }
  if (p.two && (COMPARE.test(text) || metric)) {
    const [earlier, later] = p.two;
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: metric ? p.metrics.slice(0, 4) : ['roi', 'mark_spent', 'revenue'],
          ...scopeArgs(p.scope),
          ...dates(later),
          compare_to: { date_from: earlier.date_from!, date_to: earlier.date_to! },
        }),
      ],
      confidence: 0.85,
    };
  }
  return undefined;
}
