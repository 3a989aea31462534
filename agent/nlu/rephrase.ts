// A planned call said back as the question it answers (« Top 5 des campagnes par ROI »): what the bot offers as a
// button when it only guessed a reading, so the person confirms it in one click (the rephrased question is read
// with confidence) or says what they meant instead.
import type { PlannedCall } from '../../src/analysis/plan.js';
import type { Language } from '../../src/core/answer.js';
import { METRIC_INFO, type Metric } from '../../src/core/metrics.js';

const label = (metric: unknown, language: Language) =>
  METRIC_INFO[(typeof metric === 'string' && metric in METRIC_INFO ? metric : 'roi') as Metric][language];

/** The question a call answers, or undefined for calls not worth offering back (simulations, segments…). */
export function questionFor(call: PlannedCall, language: Language): string | undefined {
  const args = call.args;
  const en = language === 'en';
  switch (call.tool) {
    case 'rank_campaigns': {
      const limit = typeof args.limit === 'number' ? args.limit : 5;
      const metric = label(args.metric, language);
      // One campaign is named in the singular (« Les 1 campagnes » read badly).
      if (limit === 1)
        return en
          ? `The campaign with the ${args.direction === 'bottom' ? 'lowest' : 'highest'} ${metric}`
          : `La campagne au plus ${args.direction === 'bottom' ? 'bas' : 'haut'} ${metric}`;
      if (args.direction === 'bottom')
        return en
          ? `The ${limit} campaigns with the lowest ${metric}`
          : `Les ${limit} campagnes au plus bas ${metric}`;
      return en ? `Top ${limit} campaigns by ${metric}` : `Top ${limit} des campagnes par ${metric}`;
    }
    case 'kpi_trend':
      return en
        ? `${label(args.metric, language)} trend by ${args.grain ?? 'day'}`
        : `Évolution : ${label(args.metric, language)} par ${args.grain === 'week' ? 'semaine' : args.grain === 'month' ? 'mois' : 'jour'}`;
    case 'aggregate_by_dimension':
      return en
        ? `Performance by ${args.group_by === 'campaign_name' ? 'campaign' : String(args.group_by ?? 'category')}`
        : `Performance par ${args.group_by === 'campaign_name' ? 'campagne' : args.group_by === 'category' || !args.group_by ? 'catégorie' : String(args.group_by)}`;
    case 'describe_campaign':
      return en
        ? `How is ${String(args.campaign_name)} doing?`
        : `Comment va ${String(args.campaign_name)} ?`;
    case 'get_underperforming_campaigns':
      return en ? 'Which campaigns are underperforming?' : 'Quelles campagnes sont sous-performantes ?';
    default:
      return undefined;
  }
}
