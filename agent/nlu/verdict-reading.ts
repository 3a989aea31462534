// Is it worth it? « should we stop facebook_lal? », « le social est-il rentable ? », « les campagnes rentables »: a
// scope's ROI, spend and revenue, or every member that earns more than it costs; « c'est rentable ? » with nothing
// named is asked back.
import { askBack } from './figure-clarify.js';
import { dates, query, scopeArgs, sidesOf } from './figure-parse.js';
import type { FigureQuestion, Reading } from './figure-question.js';
import { CUT, PROFITABLE, RANK_WORDS } from './figure-words.js';

export function readVerdict({ p, text, categoryObject, group, language }: FigureQuestion): Reading {
  // « should we stop facebook_lal? »: about that one campaign — its ROI, spend and revenue.
  if (CUT.test(text) && p.scope.campaigns.length === 1 && sidesOf(p.scope).length === 1)
    return {
      intent: 'diagnostic',
      calls: [
        query({ metrics: ['roi', 'mark_spent', 'revenue'], ...scopeArgs(p.scope), ...dates(p.period) }),
      ],
      confidence: 0.8,
    };
  // « facebook_lal est-elle rentable ? », « le social est-il rentable ? »: that scope's ROI, spend and revenue.
  const pluralObject =
    /\bcampagnes\b|\bcampaigns\b|\blesquel\w*|\bwhich (ones|campaigns)\b|\bquel(le)?s\b/.test(text);
  // "are we profitable overall?", « est-ce qu'on est rentable au global ? »: the whole scope's ROI, not a list.
  const overall =
    /\boverall\b|\bglobal\w*|\bau total\b|\bdans l'ensemble\b|\bas a whole\b|\bare we\b|\bon est\b/.test(
      text,
    );
  // "are we burning cash on social?": whether it loses money — its ROI, spend and revenue.
  const burning = /\b(?:are|is) (?:we|it|they) burning (?:cash|money)\b|\bburning (?:cash|money) on\b/.test(
    text,
  );
  if (
    (PROFITABLE.test(text) || burning) &&
    (sidesOf(p.scope).length === 1 || overall) &&
    !categoryObject &&
    !pluralObject
  )
    return {
      intent: 'kpi_qa',
      calls: [
        query({ metrics: ['roi', 'mark_spent', 'revenue'], ...scopeArgs(p.scope), ...dates(p.period) }),
      ],
      confidence: 0.8,
    };
  // « c'est rentable ? » with nothing named: what « c' » is cannot be guessed (a campaign? everything?).
  if (
    PROFITABLE.test(text) &&
    /^\s*(c'est|est-ce|is it|it's|ca l'est|ca vaut)\b/.test(text) &&
    sidesOf(p.scope).length === 0 &&
    !categoryObject &&
    !pluralObject
  )
    return askBack(
      language === 'en'
        ? 'Profitable: which campaign or channel do you mean?'
        : 'Rentable : quelle campagne ou quelle catégorie ?',
      language === 'en'
        ? ['Which campaigns are profitable?', 'Overall ROI']
        : ['Quelles campagnes sont rentables ?', 'ROI global'],
    );
  // « les campagnes rentables », "which ones are profitable?": every campaign that earns more than it costs.
  if (PROFITABLE.test(text) && !RANK_WORDS.test(text) && p.count === undefined && p.thresholds.length === 0)
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: ['roi', 'mark_spent', 'revenue'],
          group_by: [group],
          thresholds: [{ metric: 'roi', op: '>', value: 0 }],
          order_by: 'roi',
          order: 'desc',
          limit: 100,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.8,
    };

  return undefined;
}
