// Rankings the preset tools do not make: channels ranked by any figure (or one channel named by its rank), the best
// day or week, and campaigns ranked within a family or across several channels.
import type { PlannedCall } from '../../src/analysis/plan.js';
import type { Metric } from '../../src/core/metrics.js';
import { dates, orderFor, query, scopeArgs } from './figure-parse.js';
import type { FigureQuestion, Reading } from './figure-question.js';
import { BOOST, CUT, PER_CATEGORY, SINGULAR_CATEGORY } from './figure-words.js';
import { FROM_END_TO_END, findDirectionWord, SORT_ALL } from './metrics.js';

/** The channels ranked by `metric` (in the order the words ask), with spend and revenue beside it. */
export function channelRanking(
  metric: Metric,
  text: string,
  limit: number,
  filters: Record<string, unknown>,
): PlannedCall {
  return query({
    metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
    group_by: ['category'],
    order_by: metric,
    order: orderFor(text, metric),
    limit,
    ...filters,
  });
}

// Channels ranked, or one channel named by its rank (« quel canal coûte le plus par lead ? », « les meilleurs
// canaux » — by ROI when no figure is named).
export function readRankedChannels({ p, text, metric, categoryObject, ranked }: FigureQuestion): Reading {
  // « quel canal mérite plus de budget ? »: where to put more (readBoost), not who spent most.
  const boost = BOOST.test(text) && (!metric || metric === 'mark_spent');
  if (
    categoryObject &&
    !boost &&
    (ranked || (SINGULAR_CATEGORY.test(text) && !PER_CATEGORY.test(text))) &&
    (metric || findDirectionWord(text))
  ) {
    const rankedBy = metric ?? 'roi';
    // « …, dans l'ordre », "in order": every channel ranked, not the first alone.
    const single =
      SINGULAR_CATEGORY.test(text) &&
      !PER_CATEGORY.test(text) &&
      !/\bclass\w*|\brank\w*|\bdans l'? ?ordre\b|\bin order\b/.test(text) &&
      !FROM_END_TO_END.test(text);
    return {
      intent: 'kpi_qa',
      calls: [channelRanking(rankedBy, text, p.count ?? (single ? 1 : 100), dates(p.period))],
      // By ROI only as a guess when no figure is named (« le meilleur canal ? »): asked back by criterion. Money
      // lost (« qui perd le plus d'argent ? ») is the ROI's worst end.
      confidence: metric ? 0.85 : CUT.test(text) ? 0.8 : 0.7,
    };
  }
  return undefined;
}

// « quel jour a eu le plus de ventes ? », « quelle semaine a été la meilleure ? »: a period is the object.
export function readBestPeriod({ p, text, metric, ranked }: FigureQuestion): Reading {
  // « quel jour … ? », "our best revenue day", « notre pire semaine »: the period is the object.
  const timeObject =
    /\b(quel|quelle|which|what)\s(jour|journee|day|semaine|week|mois|month)\b/.exec(text) ??
    /\b(best|worst|biggest|strongest|weakest|meilleure?|pire|plus gros(?:se)?)\s(?:(?:revenue|sales|spend|order|orders|lead|leads|click|clicks|roi|roas|ca)\s)?(jour|journee|day|semaine|week)\b(?! (?:to|of|for|pour|de|du) (?:post|publish|poster|publier))/.exec(
      text,
    );
  if (timeObject && (ranked || findDirectionWord(text))) {
    const grain = /jour|day/.test(timeObject[2]!)
      ? 'day'
      : /semaine|week/.test(timeObject[2]!)
        ? 'week'
        : 'month';
    const by = metric ?? 'roi';
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: [...new Set([by, 'mark_spent', 'revenue'])],
          grain,
          order_by: by,
          order: orderFor(text, by),
          // Every period, the one asked first (the view names it): the table shows how far ahead it is.
          limit: p.count ?? 100,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      // By ROI only as a guess when no figure is named (« notre meilleur jour ? »): asked back by criterion.
      confidence: metric ? 0.8 : 0.7,
    };
  }
  return undefined;
}

// Campaigns ranked within a family or several channels (the preset ranking takes one category only).
export function readFamilyRanking({ p, text, metric, ranked }: FigureQuestion): Reading {
  if (ranked && metric && (p.scope.prefixes.length > 0 || p.scope.categories.length > 1)) {
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
          group_by: ['campaign_name'],
          order_by: metric,
          order: orderFor(text, metric),
          // « du CPC le plus bas au plus haut »: every campaign of the family, in that order.
          limit: p.count ?? (FROM_END_TO_END.test(text) || SORT_ALL.test(text) ? 100 : 5),
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  }
  return undefined;
}
