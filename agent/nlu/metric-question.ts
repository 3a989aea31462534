// Figure questions read as a small semantic parse onto query_metrics and explain_change: which metrics, over what
// (campaigns, name prefixes, categories, dates), about which objects (campaigns or channels), and what is asked —
// one figure, a comparison, the members past a threshold, a ranking, a breakdown, or why a figure moved. When a
// word could mean several things with different answers (« tier2 », « résultats »), it returns a question back
// with options instead of guessing. Questions of the seed's shapes (« Top 5 des campagnes par ROI ») are left to
// the router, which answers them with the preset tools.
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Language } from '../../src/core/answer.js';
import type { Metric } from '../../src/core/metrics.js';
import { readCutByMetric } from './cut-ranking.js';
import { readExcluded } from './exclusion-reading.js';
import { askBack, askWhichOfBrand, clarify } from './figure-clarify.js';
import { explain } from './figure-explain.js';
import {
  dates,
  type MetricReading,
  orderFor,
  type Parsed,
  parse,
  prefixed,
  query,
  scopeArgs,
  sidesOf,
} from './figure-parse.js';
import {
  ASKS,
  BOOST,
  CATEGORY_OBJECT,
  CHANGE,
  COMBINED,
  COMPARE,
  CUT,
  DIAGNOSTIC,
  EACH,
  PART_SPLIT,
  PER_CAMPAIGN,
  PER_CATEGORY,
  PRESET_COLUMNS,
  PROFITABLE,
  RANK_WORDS,
  SINGULAR_CATEGORY,
  TOTAL,
  TREND,
  WHY,
} from './figure-words.js';
import { SIGNALS } from './intents.js';
import { findDirectionWord, findMetricMentions } from './metrics.js';
import { normalize } from './normalize.js';
import { readOverview } from './overview.js';

const RATE_METRICS: ReadonlySet<Metric> = new Set(['ctr', 'cvr', 'cpa', 'cpl', 'cpc', 'cpm', 'roi', 'roas']);

/** One reading of a question (or of one part of a multi-part question); undefined = not a figure question. */
function readOne(
  question: string,
  catalog: Catalog,
  language: Language,
  inherited?: Parsed,
): MetricReading | undefined {
  const p = parse(question, catalog);
  if (inherited && p.metrics.length === 0) p.metrics = inherited.metrics;
  if (inherited && !p.period) p.period = inherited.period;
  const back = clarify(question, p, language) ?? askWhichOfBrand(question, p, catalog, language);
  if (back) return back;
  // « c'est quoi le ROAS ? », "what does CPA mean?": a definition, not a figure — the help answer, no data.
  if (
    /\bc'est quoi\b|\bque veut dire\b|\bqu'est-ce que (le|la|l'|un|une)\b|\bdefini\w*|\bwhat does \w+ mean\b|\bwhat is an?\b|\bmeaning of\b/.test(
      p.text,
    ) &&
    p.scope.campaigns.length + p.scope.prefixes.length + p.scope.categories.length === 0 &&
    !p.period &&
    p.metrics.length > 0 &&
    // « c'est quoi notre CA total ? », « c'est quoi le pire canal en CPL ? » ask for a figure, not a definition.
    !/\b(notre|nos|mon|mes|our|my|total\w*|global\w*|combien|actuel\w*|current)\b/.test(p.text) &&
    !RANK_WORDS.test(p.text) &&
    !CATEGORY_OBJECT.test(p.text)
  )
    return { intent: 'help', calls: [], confidence: 0.8 };
  const text = p.text;
  const metric = p.metrics[0];
  const categoryObject =
    PER_CATEGORY.test(text) || (CATEGORY_OBJECT.test(text) && p.scope.categories.length === 0);
  const group = categoryObject ? 'category' : 'campaign_name';

  // « le CA a plongé sur les 7 derniers jours, c'est quelle campagne ? »: a change and who made it is a « pourquoi ».
  const whoMoved =
    CHANGE.test(text) &&
    /\b(c'est|ca vient d\w*|a cause d\w*|(c'est )?du a|due to) (quel|quelle|quels|quelles|qui|which|what)\b|\b(which|what) (campaign|channel|category)\b|\bquel(le)?s? (campagne|canal|categorie)s?\b/.test(
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

  // « leads google par semaine »: a trend of a family or of several members is a breakdown by time (the preset
  // trend takes one campaign or one category).
  const grain = /\b(jour|day|quotidien\w*|daily)/.test(text)
    ? 'day'
    : /\b(mois|month)/.test(text)
      ? 'month'
      : 'week';
  if (
    TREND.test(text) &&
    !p.two &&
    p.thresholds.length === 0 &&
    metric &&
    sidesOf(p.scope).length > 0 &&
    (p.scope.prefixes.length > 0 || sidesOf(p.scope).length > 1)
  )
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 4), grain, ...scopeArgs(p.scope), ...dates(p.period) })],
      confidence: 0.85,
    };
  if (TREND.test(text) && !p.two && p.thresholds.length === 0) return undefined;
  const cut = readCutByMetric(p, [group]) ?? readExcluded(p, categoryObject) ?? readOverview(p);
  if (cut) return cut;
  const presetScope =
    p.scope.campaigns.length === 0 && p.scope.prefixes.length === 0 && p.scope.categories.length <= 1;
  if (DIAGNOSTIC.test(text) && !categoryObject && !inherited && presetScope) return undefined;

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
  if (PROFITABLE.test(text) && sidesOf(p.scope).length === 1 && !categoryObject && !pluralObject)
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

  // Conditions on a metric: the members past them, by campaign or by channel.
  const thresholds =
    p.thresholds.length > 0
      ? p.thresholds
      : CUT.test(text)
        ? [{ metric: 'roi' as Metric, op: '<' as const, value: 0 }]
        : [];
  const first = thresholds[0];
  // « ROI sous 20 % » by campaign is the preset diagnostic (get_underperforming_campaigns).
  const presetDiagnostic =
    thresholds.length === 1 &&
    first?.metric === 'roi' &&
    first.op === '<' &&
    !categoryObject &&
    presetScope &&
    !inherited &&
    SIGNALS.diagnostic.test(text);
  if (presetDiagnostic) return undefined;
  if (first && (p.thresholds.length > 0 || categoryObject || inherited || p.period)) {
    return {
      intent: 'diagnostic',
      calls: [
        query({
          metrics: [...new Set([first.metric, ...p.metrics])].slice(0, 4),
          group_by: [group],
          thresholds,
          order_by: first.metric,
          order: first.op.startsWith('<') ? 'asc' : 'desc',
          limit: 100,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  }

  // Two or more members, or two periods, side by side.
  const sides = sidesOf(p.scope);
  const onlyCategories = p.scope.campaigns.length === 0 && p.scope.prefixes.length === 0;
  // « Compare social and search » with no metric: the preset breakdown by category shows both.
  if (sides.length >= 2 && !metric && onlyCategories) return undefined;
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

  // Channels ranked, or one channel named by its rank (« quel canal coûte le plus par lead ? », « les meilleurs
  // canaux » — by ROI when no figure is named).
  const ranked = RANK_WORDS.test(text) || p.count !== undefined || /\bmieux\b|\bbetter\b/.test(text);
  if (
    categoryObject &&
    (ranked || (SINGULAR_CATEGORY.test(text) && !PER_CATEGORY.test(text))) &&
    (metric || findDirectionWord(text))
  ) {
    const rankedBy = metric ?? 'roi';
    const single =
      SINGULAR_CATEGORY.test(text) && !PER_CATEGORY.test(text) && !/\bclass\w*|\brank\w*/.test(text);
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: [...new Set([rankedBy, 'mark_spent', 'revenue'])],
          group_by: ['category'],
          order_by: rankedBy,
          order: orderFor(text, rankedBy),
          limit: p.count ?? (single ? 1 : 100),
          ...dates(p.period),
        }),
      ],
      // By ROI only as a guess when no figure is named (« le meilleur canal ? »): asked back by criterion.
      confidence: metric ? 0.85 : 0.7,
    };
  }
  // A breakdown with a named metric (« leads par canal », « dépenses par canal la semaine dernière »); the preset
  // breakdown already shows spend, revenue and the main KPIs.
  const breakdown = PER_CATEGORY.test(text) || (PER_CAMPAIGN.test(text) && !ranked);
  if (breakdown && p.metrics.every((item) => PRESET_COLUMNS.has(item)) && presetScope) return undefined;
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
  // « quel jour a eu le plus de ventes ? », « quelle semaine a été la meilleure ? »: a period is the object.
  const timeObject = /\b(quel|quelle|which|what)\s(jour|day|semaine|week|mois|month)\b/.exec(text);
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
          limit: p.count ?? 1,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.8,
    };
  }
  // « où mettre plus de budget ? », "which campaigns deserve more money?": the best returns first.
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
  // « what should we switch off? », "loss-making campaigns": every loss-maker (the preset diagnostic reads fewer words).
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
  // Campaigns ranked within a family or several channels (the preset ranking takes one category only).
  if (ranked && metric && (p.scope.prefixes.length > 0 || p.scope.categories.length > 1)) {
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
          group_by: ['campaign_name'],
          order_by: metric,
          order: orderFor(text, metric),
          limit: p.count ?? 5,
          ...scopeArgs(p.scope),
          ...dates(p.period),
        }),
      ],
      confidence: 0.85,
    };
  }
  // One figure (or a few) over a scope: a total, a campaign's volume, a KPI of a channel or a period.
  const scoped = sides.length > 0 || p.period !== undefined;
  // « le CTR moyen », "average CPA": a rate over everything (ratio of sums) — not so for a volume (« CA moyen » per
  // what?), which stays unread.
  const averageRate =
    metric !== undefined &&
    RATE_METRICS.has(metric) &&
    /\bmoyen\w*|\baverage\b|\bavg\b/.test(text) &&
    !/\bpar (campagne|jour|semaine|canal)\b|\bper (campaign|day|week|channel)\b/.test(text);
  if (metric && !ranked && (TOTAL.test(text) || scoped || averageRate)) {
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 6), ...scopeArgs(p.scope), ...dates(p.period) })],
      confidence: 0.85,
    };
  }
  return undefined;
}

/** The object (campaigns or channels) and metric words of `other`, added to an elliptic `part` that lacks them. */
function completed(part: string, other: string): string {
  const missing: string[] = [];
  const object = /\b(canal|canaux|channels?|categories?|categorie|category|campagnes?|campaigns?)\b/;
  if (!object.test(part)) {
    const found = object.exec(other)?.[0];
    if (found) missing.push(found);
  }
  if (findMetricMentions(part).length === 0) {
    const mentions = findMetricMentions(other);
    missing.push(...mentions.map((mention) => other.slice(mention.at, mention.end)));
  }
  return missing.length > 0 ? `${part} ${missing.join(' ')}` : part;
}

/** The figure question(s) in a text: one reading, or one per part of a multi-part question. */
export function readMetricQuestion(
  question: string,
  catalog: Catalog,
  language: Language,
): MetricReading | undefined {
  const normalized = normalize(question);
  const split = PART_SPLIT.exec(normalized);
  if (split) {
    const left = normalized.slice(0, split.index);
    const right = normalized.slice(split.index + split[0].length);
    // « … et celles qui ont un ROI sous zéro »: a pronoun stands for the campaigns of the other part.
    const asks = (part: string) =>
      ASKS.test(part) ||
      CUT.test(part) ||
      BOOST.test(part) ||
      findDirectionWord(part) !== undefined ||
      /\b(celles|ceux) qui\b|\bwhich ones\b|\blesquel\w*/.test(part);
    // « combien d'impressions au total, et quel canal en a fait le plus ? »: a total is a part of its own.
    if (
      (asks(left) || TOTAL.test(left)) &&
      asks(right) &&
      (/\d|\bzero\b|perte|couper|stopper|renforc|pousser/.test(right) ||
        CUT.test(right) ||
        findDirectionWord(right) !== undefined)
    ) {
      // « le meilleur et le pire canal en CPL », « quel canal a le CPL le plus bas et lequel le plus haut ? »: a
      // part that names no metric or no object takes the other part's.
      const [leftText, rightText] = [completed(left, right), completed(right, left)];
      const first = readOne(leftText, catalog, language) ?? readPreset(leftText, catalog, language);
      const second =
        readOne(rightText, catalog, language, parse(leftText, catalog)) ??
        readPreset(rightText, catalog, language, parse(leftText, catalog));
      if (first && second && first.calls.length > 0 && second.calls.length > 0)
        return { intent: first.intent, calls: [...first.calls, ...second.calls], confidence: 0.8 };
    }
  }
  return readOne(question, catalog, language);
}

/** A part of a multi-part question the router would answer with a preset: the same as query_metrics calls. */
function readPreset(
  question: string,
  catalog: Catalog,
  _language: Language,
  inherited?: Parsed,
): MetricReading | undefined {
  const p = parse(question, catalog);
  const metric = p.metrics[0] ?? inherited?.metrics[0] ?? 'roi';
  const text = p.text;
  // « les campagnes à couper », « en perte »: every loss-maker.
  if (CUT.test(text) || /\broi (negatif|negative)|\bnegative roi/.test(text))
    return {
      intent: 'diagnostic',
      calls: [
        query({
          metrics: ['roi', 'mark_spent', 'revenue'],
          group_by: [CATEGORY_OBJECT.test(text) ? 'category' : 'campaign_name'],
          thresholds: [{ metric: 'roi', op: '<', value: 0 }],
          order_by: 'roi',
          order: 'asc',
          limit: 100,
          ...dates(p.period ?? inherited?.period),
        }),
      ],
      confidence: 0.8,
    };
  if (BOOST.test(text) || RANK_WORDS.test(text) || p.count !== undefined) {
    const categoryObject = CATEGORY_OBJECT.test(text) && p.scope.categories.length === 0;
    const single =
      SINGULAR_CATEGORY.test(text) ||
      /\b(la|le|the) (campagne|campaign)\b/.test(text) ||
      /^\s*(la|le|the) (meilleure?|pire|best|worst|top)\b(?!s)/.test(text);
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
          group_by: [categoryObject ? 'category' : 'campaign_name'],
          order_by: metric,
          order: BOOST.test(text) ? 'desc' : orderFor(text, metric),
          limit: p.count ?? (single ? 1 : 5),
          ...scopeArgs(p.scope),
          ...dates(p.period ?? inherited?.period),
        }),
      ],
      confidence: 0.8,
    };
  }
  return undefined;
}
