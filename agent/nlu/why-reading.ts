// « pourquoi … ? » and « le CA a plongé, c'est quelle campagne ? »: why a figure moved (explain_change), or, with no
// second period, the figure stated.
import { explain } from './figure-explain.js';
import { dates, query, scopeArgs } from './figure-parse.js';
import type { FigureQuestion, Reading } from './figure-question.js';
import { CHANGE, CUT, WHY } from './figure-words.js';

export function readWhy({ p, text, metric, catalog }: FigureQuestion): Reading {
  // « le CA a plongé sur les 7 derniers jours, c'est quelle campagne ? », « baisse du CA : c'est le social ou le
  // search ? »: a change and who made it is a « pourquoi ».
  const whoMoved =
    CHANGE.test(text) &&
    /\b(c'est|ca vient d\w*|a cause d\w*|(c'est )?du a|due to) (quel|quelle|quels|quelles|qui|which|what)\b|\b(?:c'est|c est|is it|was it|est-ce)\b[^.?!]{0,80}\b(?:ou|or)\b|\b(which|what) (campaign|channel|category)\b|\bquel(le)?s? (campagne|canal|categorie)s?\b/.test(
      text,
    );
  if (WHY.test(text) || whoMoved) {
    const why = explain(p, catalog);
    if (why) return why;
    // « pourquoi facebook_tier1 est en perte ? »: no second period — its ROI, stated.
    if (metric || CUT.test(text))
      return {
        intent: 'kpi_qa',
        calls: [
          query({
            metrics: [...new Set([metric ?? 'roi', 'mark_spent', 'revenue'])],
            ...scopeArgs(p.scope),
            ...dates(p.period),
          }),
        ],
        confidence: 0.75,
      };
  }
  return undefined;
}
