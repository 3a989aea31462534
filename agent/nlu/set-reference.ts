// « et leur CPL ? », "what is the CPL of those?", « et elles nous ont coûté combien au total ? »: a figure asked about
// the members the previous answer listed (a ranking, the loss-makers). Answered over the same members — the same
// ranking or condition, with the new figure beside it, and their total when asked — never over every campaign,
// which is what the words alone would read. « lequel des deux … ? » with no two members on screen is asked back.
import type { Plan, PlannedCall, PreviousTurn } from '../../src/analysis/plan.js';
import type { Language } from '../../src/core/answer.js';
import type { Metric } from '../../src/core/metrics.js';
import { orderFor } from './figure-parse.js';
import { findDirectionWord, findMetrics } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import { findCount } from './numbers.js';
import { asMetricCall } from './preset-calls.js';

/** A plural pronoun or demonstrative for the members just shown. */
const THOSE =
  /\b(?:leurs?|their|those|these|them|elles|eux|celles-la|ceux-la|celles-ci|ceux-ci|celles la|ceux la)\b|\bces (?:\d{1,2} |deux |trois |quatre |cinq )?(?:campagnes|canaux|la)\b|\bces \d{1,2}\b|\b(?:ca|cela) represente\b|\bsi (?:on|je|nous) les\b|\b(?:would|will|does) (?:that|it|this) free\b|\bfree (?:that |it )?up\b/;
const TOTAL =
  /\bau total\b|\ben tout\b|\btotal\w*|\bin total\b|\baltogether\b|\bcombined\b|\bensemble\b|\bcumul\w*/;
/** « lequel des deux », "which of the two". */
const OF_THE_TWO =
  /\b(?:lequel|laquelle|which(?: one)?) (?:des (?:deux|2)|d'entre (?:eux|elles)|of the (?:two|2)|of both)\b/;
/** « laquelle », "which one": one of the members shown, with no name or figure of its own. */
const ONE_OF_THEM =
  /^(?:(?:et|and|ok|so|alors)\s)?(?:(?:of those|of them|among them|parmi (?:elles|celles-ci|ceux-ci|eux)),?\s)?(?:c'est\s)?(?:laquelle|lequel|which one|which|the (?:worst|best)(?: one)?|(?:la|le) (?:pire|meilleure?)(?: d'entre elles)?)\b/;
/** A count or an amount asked: the members' sum, for figures that add up. */
const HOW_MUCH = /\bcombien\b|\bhow (?:much|many)\b/;
const ADDITIVE = new Set<Metric>(['impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue']);

/** The members the previous turn listed, as the query that lists them; undefined when it listed none. */
function listing(previous: PreviousTurn): PlannedCall | undefined {
  if (previous.calls.length !== 1) return undefined;
  const call = previous.calls[0]!;
  if (call.tool === 'get_underperforming_campaigns') {
    const threshold = typeof call.args.roi_threshold === 'number' ? call.args.roi_threshold : 0;
    return {
      tool: 'query_metrics',
      args: {
        metrics: ['roi'],
        group_by: ['campaign_name'],
        thresholds: [{ metric: 'roi', op: '<', value: threshold }],
        order_by: 'roi',
        order: 'asc',
        limit: typeof call.args.limit === 'number' ? call.args.limit : 100,
        ...(typeof call.args.category === 'string' ? { categories: [call.args.category] } : {}),
        ...pick(call.args, ['date_from', 'date_to']),
      },
    };
  }
  const query = call.tool === 'rank_campaigns' ? asMetricCall(call) : call;
  if (query?.tool !== 'query_metrics') return undefined;
  const grouped = Array.isArray(query.args.group_by) && query.args.group_by.length > 0;
  const selected = query.args.order_by !== undefined || Array.isArray(query.args.thresholds);
  return grouped && selected ? query : undefined;
}

/** The plan for a figure asked about the previous answer's members; undefined when the question is not one. */
export function planForThoseShown(
  text: string,
  previous: PreviousTurn,
  language: Language,
): Plan | undefined {
  const prepared = prepare(text);
  if (OF_THE_TWO.test(prepared) && previous.calls.length < 2) {
    return {
      intent: 'kpi_qa',
      language,
      calls: [],
      confidence: 0.6,
      clarification:
        language === 'en'
          ? 'Which two do you mean? Name them (for example "facebook vs instagram on ROAS").'
          : 'Lesquels des deux ? Nommez-les (par exemple « facebook vs instagram en ROAS »).',
      options: language === 'en' ? ['ROAS by category'] : ['ROAS par catégorie'],
    };
  }
  const metrics = findMetrics(prepared, text) as Metric[];
  const shown = listing(previous);
  // « et laquelle perd le plus ? », « c'est laquelle la pire ? » after the loss-makers: the end of the members shown,
  // by the figure that chose them.
  const rankedBy = typeof shown?.args.order_by === 'string' ? (shown.args.order_by as Metric) : undefined;
  if (shown && rankedBy && metrics.length === 0 && ONE_OF_THEM.test(prepared) && findDirectionWord(prepared))
    return {
      intent: 'kpi_qa',
      language,
      calls: [
        {
          tool: 'query_metrics',
          args: { ...shown.args, order: orderFor(prepared, rankedBy), limit: findCount(prepared) ?? 1 },
        },
      ],
      confidence: 0.85,
    };
  // « laquelle nous coûte le plus en budget ? » after the loss-makers: one of them, by the figure it names.
  const oneOfThem =
    /^(?:(?:et|and|ok|so|alors|bon|euh)\s){0,2}(?:c'est\s)?(?:laquelle|lequel|which one)\b/.test(prepared);
  if (!THOSE.test(prepared) && !oneOfThem) return undefined;
  if (metrics.length === 0 || !shown) return undefined;
  if (!THOSE.test(prepared) && (metrics.length !== 1 || !findDirectionWord(prepared))) return undefined;
  const before = (Array.isArray(shown.args.metrics) ? shown.args.metrics : []) as Metric[];
  // The figure asked first, then the one that chose the members.
  const figures = [...new Set([...metrics, ...before.slice(0, 1)])].slice(0, 6);
  const over = (args: Record<string, unknown>): Plan => ({
    intent: 'kpi_qa',
    language,
    calls: [{ tool: 'query_metrics', args: { ...shown.args, metrics: figures, ...args } }],
    confidence: 0.85,
  });
  // « laquelle de celles-ci coûte le plus ? »: the members ranked by the figure asked, the one (or few) asked first.
  if (findDirectionWord(prepared) && metrics.length === 1) {
    const metric = metrics[0]!;
    const single = /\b(?:laquelle|lequel|which one|quelle campagne|which campaign)\b/.test(prepared);
    return over({
      order_by: metric,
      order: orderFor(prepared, metric),
      limit: findCount(prepared) ?? (single ? 1 : 5),
    });
  }
  // Otherwise the members in their own order (order_by kept), with their sum when a total is asked.
  const summed =
    TOTAL.test(prepared) || (HOW_MUCH.test(prepared) && metrics.every((metric) => ADDITIVE.has(metric)));
  return over(summed ? { totals: true } : {});
}

function pick(args: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => args[key] !== undefined).map((key) => [key, args[key]]));
}

/** Words pointing back at members shown before. */
const POINTS_BACK =
  /\b(?:their|leurs?) (?:combined|total|overall|cumulative|cumul\w*)\b|\b(?:those|these|ces) (?:[a-z-]+ )?(?:campaigns|campagnes)\b|\b(?:celles-ci|ceux-ci|on those)\b|^\s*(?:et |and |ok |alors )?(?:ca|cela) represente\b/;
/** A set named in the question itself (« les 3 campagnes et leur CPA »). */
const OBJECT_NOUN = /\b(?:campagnes?|campaigns?|canaux|channels?|categor\w*|leviers?)\b/;
/** A set pointed back at (« leur », "those campaigns") in a question that names no set of its own. */
export function pointsBack(text: string, plan: Plan): boolean {
  const normalized = normalize(text);
  if (!POINTS_BACK.test(normalized)) return false;
  if (OBJECT_NOUN.test(normalized.replace(new RegExp(POINTS_BACK.source, 'g'), ' '))) return false;
  return !plan.calls.some((call) =>
    ['campaign_name', 'campaigns', 'category', 'categories', 'name_prefix', 'thresholds'].some(
      (key) => call.args[key] !== undefined && call.args[key] !== 'all',
    ),
  );
}
