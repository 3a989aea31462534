// Figure questions read as a small semantic parse onto query_metrics and explain_change: which metrics, over what
// (campaigns, name prefixes, categories, dates), about which objects (campaigns or channels), and what is asked —
// one figure, a comparison, the members past a threshold, a ranking, a breakdown, or why a figure moved. When a
// word could mean several things with different answers (« tier2 », « résultats »), it returns a question back
// with options instead of guessing. Questions of the seed's shapes (« Top 5 des campagnes par ROI ») are left to
// the router, which answers them with the preset tools.
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Language } from '../../src/core/answer.js';
import { readBreakdown } from './breakdown-reading.js';
import { readBoost, readLossMakers } from './budget-moves-reading.js';
import { readCutByMetric } from './cut-ranking.js';
import { readDefinition } from './definition-reading.js';
import { readExcluded } from './exclusion-reading.js';
import { askWhichOfBrand, clarify } from './figure-clarify.js';
import { dates, type MetricReading, orderFor, type Parsed, parse, query, scopeArgs } from './figure-parse.js';
import { type FigureQuestion, figureQuestion, PRESET, type Reading } from './figure-question.js';
import {
  ASKS,
  BOOST,
  CATEGORY_OBJECT,
  CUT,
  DIAGNOSTIC,
  PART_SPLIT,
  PER_CAMPAIGN,
  PER_CATEGORY,
  RANK_WORDS,
  SINGULAR_CATEGORY,
  TOTAL,
  WHY,
} from './figure-words.js';
import { findGrain } from './intents.js';
import { findDirectionWord, findMetricMentions, findMetrics } from './metrics.js';
import { normalize } from './normalize.js';
import { readOverview } from './overview.js';
import { readBestPeriod, readFamilyRanking, readRankedChannels } from './rank-reading.js';
import { readSideBySide } from './side-by-side-reading.js';
import { readSingleFigure } from './single-figure-reading.js';
import { readThreshold } from './threshold-reading.js';
import { readTrend } from './trend-reading.js';
import { readVerdict } from './verdict-reading.js';
import { readWhy } from './why-reading.js';

/** Words that point back at the members of the other part: « dessus », "on them", « ces campagnes ». */
const THOSE =
  /\bdessus\b|\b(?:on|for|from|of|in|into) (?:them|those)\b|\bces campagnes\b|\bcelles-ci\b|\bthose(?: [a-z-]+)? campaigns\b|\btheir (?:combined |total |overall |whole )?(?:spend|budget|cost|costs)\b|\bleurs? (?:depenses?|budgets?|couts?)\b/;

/** The readings, in the order they are tried: the first that recognises the question gives its plan. */
const READINGS: ReadonlyArray<(question: FigureQuestion) => Reading> = [
  readDefinition,
  readWhy,
  readTrend,
  // Decisions on a named figure, exclusions and a category at a glance come before the preset diagnostic.
  ({ p, group, categoryObject }) =>
    readCutByMetric(p, [group]) ?? readExcluded(p, categoryObject) ?? readOverview(p),
  ({ text, categoryObject, inherited, presetScope }) =>
    DIAGNOSTIC.test(text) && !categoryObject && !inherited && presetScope ? PRESET : undefined,
  readVerdict,
  readThreshold,
  readSideBySide,
  readRankedChannels,
  readBreakdown,
  readBestPeriod,
  readBoost,
  readLossMakers,
  readFamilyRanking,
  readSingleFigure,
];

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
  const back = clarify(question, p, language, catalog) ?? askWhichOfBrand(question, p, catalog, language);
  if (back) return back;
  const figure = figureQuestion(p, catalog, language, inherited);
  for (const read of READINGS) {
    const reading = read(figure);
    if (reading === PRESET) return undefined;
    if (reading) return reading;
  }
  return undefined;
}

/**
 * The object (campaigns or channels) and metric words of `other`, added to an elliptic `part` that lacks them.
 * `second`: the part asked after the other one.
 */
function completed(part: string, other: string, second = false): string {
  const missing: string[] = [];
  const object = /\b(canal|canaux|channels?|categories?|categorie|category|campagnes?|campaigns?)\b/;
  // A part that ranks or picks (« et les 3 pires », "which one the most"): « CA du samedi 13 » is a figure, not a ranking
  // of 13 campaigns.
  const ranks =
    RANK_WORDS.test(part) ||
    findDirectionWord(part) !== undefined ||
    /\b(?:lesquel\w*|laquelle|lequel|which|celles|ceux)\b/.test(part);
  if (!object.test(part) && ranks) {
    const found = object.exec(other)?.[0];
    if (found) missing.push(found);
  }
  // (« les 3 meilleures en CA, et lesquelles on devrait arrêter ? »: a decision asked after with no figure of its own
  // is the loss-makers, not the other part's figure at its low end — while in "cut 3 campaigns, the worst on CPA"
  // the part after says by which figure.)
  if (findMetricMentions(part).length === 0 && !(second && CUT.test(part))) {
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
  // « trois tops, trois flops »: a comma before the other end of a ranking joins two parts — unless it says the order
  // of one ranking (« classement CPA social, les pires d'abord », "worst first").
  const normalized = normalize(question)
    // « 1) les 3 meilleures … 2) la pire … »: a numbered list of parts.
    .replace(/(?:^|\s)1\)\s(?=.*\s2\)\s)/, ' ')
    .replace(/\s[2-4]\)\s/g, ' et ')
    .replace(
      /\s*[,/]\s+(?=(?:les |the )?(?:\d+ |trois |three |deux |two |cinq |five )?(?:flops?|pires?|worst|bottom)\b(?! (?:d'abord|first|en premier|en tete|on top)\b))/,
      ' et ',
    )
    // « meilleur et pire ROAS du mois, par campagne »: the object of both ends, not a breakdown of the second.
    .replace(
      /^(.*\b(?:meilleur\w*|best|tops?)\b.*\b(?:et|and)\b.*\b(?:pires?|worst|flops?|bottom)\b.*?),? (?:par|by|per) (campagne|campaign|canal|channel|categorie|category)s?\s*\??$/,
      (_, head: string, object: string) => `${head} (${object})`,
    );
  const split = PART_SPLIT.exec(normalized);
  // « samedi 20 et dimanche 21 », "on the 20th and the 21st": one period, not two parts.
  // (Two days apart, « samedi 13 et lundi 15 », are two parts; « entre le 08.02 et le 14.02 » is one range.)
  const dayBefore =
    split !== null
      ? /\b(?:[a-z]+(?:di|che|day)|le|du|on|the)\s(\d{1,2})(?:er|e|st|nd|rd|th|[./]\d{1,2}(?:[./]\d{2,4})?)?\s*$/.exec(
          normalized.slice(0, split.index),
        )
      : null;
  const dayAfter =
    split !== null
      ? /^\s*(?:(?:le|du|the|on)\s)?(?:[a-z]+(?:di|che|day)\s)?(?:the\s)?(\d{1,2})\b/.exec(
          normalized.slice(split.index + split[0].length),
        )
      : null;
  const betweenDays =
    dayBefore !== null &&
    dayAfter !== null &&
    (Number(dayAfter[1]) === Number(dayBefore[1]) + 1 ||
      /\b(?:entre|between)\b/.test(normalized.slice(0, split?.index)));
  // « pourquoi … entre la semaine 1 et la semaine 2 ? Quelle campagne … », "between week 1 and week 2": two periods
  // of one comparison, not two parts.
  const betweenWeeks =
    split !== null &&
    /\b(?:entre|between|from)\b/.test(normalized.slice(0, split.index)) &&
    /(?:\b(?:semaine|week|sem|wk|kw)\s?\d{1,2}|\bs\d|\b(?:1re|1ere|premiere|first|1st)(?: (?:semaine|week))?)\s*$/.test(
      normalized.slice(0, split.index),
    ) &&
    /^\s*(?:la |the )?(?:(?:semaine|week|sem|wk|kw)\s?\d{1,2}|s\d\b|(?:2e|2eme|deuxieme|seconde?|second|2nd|3e|troisieme|third|derniere|last)\b)/.test(
      normalized.slice(split.index + split[0].length),
    );
  // « chute du CA entre 1–7 et 22–28 février »: two day ranges of one comparison, not two parts.
  const betweenRanges =
    split !== null &&
    /\b\d{1,2}-\d{1,2}\s*$/.test(normalized.slice(0, split.index)) &&
    /^\s*(?:(?:le|du|the)\s)?\d{1,2}-\d{1,2}\b/.test(normalized.slice(split.index + split[0].length));
  if (split && !betweenDays && !betweenWeeks && !betweenRanges) {
    const left = normalized.slice(0, split.index);
    const right = normalized.slice(split.index + split[0].length);
    // « … et celles qui ont un ROI sous zéro »: a pronoun stands for the campaigns of the other part.
    const asks = (part: string) =>
      ASKS.test(part) ||
      CUT.test(part) ||
      BOOST.test(part) ||
      findDirectionWord(part) !== undefined ||
      /\b(celles|ceux) qui\b|\bwhich ones\b|\blesquel\w*/.test(part);
    // « combien d'impressions au total, et quel canal en a fait le plus ? »: a total is a part of its own, and so are
    // figures named (« les dépenses, le ROAS et les 3 meilleures campagnes en CA »).
    // « qui perd de l'argent et combien on a dépensé en tout », "money-losing campaigns and total spend": the
    // loss-makers, then a total of its own.
    // « … et aussi le budget dépensé sur youtube_blogger »: a figure of a member named, a part of its own too.
    const namesMember = (part: string) => {
      const { scope } = parse(part, catalog);
      return scope.campaigns.length + scope.prefixes.length + scope.categories.length > 0;
    };
    const cutThenTotal =
      CUT.test(left) &&
      (TOTAL.test(right) || namesMember(right)) &&
      findMetricMentions(right).length > 0 &&
      !asks(right);
    // « … et combien on a dépensé dessus au total ? »: the total over those loss-makers, their table's total row.
    if (cutThenTotal && THOSE.test(right)) {
      const losers = readOne(left, catalog, language) ?? readPreset(left, catalog, language);
      const [call, ...others] = losers?.calls ?? [];
      if (losers && call?.tool === 'query_metrics' && others.length === 0)
        return { ...losers, calls: [{ ...call, args: { ...call.args, totals: true } }] };
    }
    // « top 3 campagnes en CA et le CA total du mois »: a ranking, then a total of its own.
    const rankThenTotal =
      (RANK_WORDS.test(left) || findDirectionWord(left) !== undefined) &&
      /\btotal\w*|\bglobal\w*|\boverall\b|\ben tout\b|\bcumul\w*/.test(right) &&
      findMetricMentions(normalized).length > 0 &&
      findDirectionWord(right) === undefined &&
      !RANK_WORDS.test(right) &&
      !CUT.test(right);
    // « clics par semaine et CTR global du mois », "spend by channel and overall ROAS": a breakdown, then a total of
    // another figure.
    const breakdownThenTotal =
      /\b(?:par|by|per) (?:semaine|jour|week|day|canal|channel|categorie|category|campagne|campaign)s?\b/.test(
        left,
      ) &&
      findMetricMentions(left).length > 0 &&
      /\btotal\w*|\bglobal\w*|\boverall\b|\ben tout\b|\bcumul\w*|\b(?:du|sur le|sur tout le) mois\b|\b(?:of|for) the (?:whole )?month\b/.test(
        right,
      ) &&
      findMetricMentions(right).length > 0 &&
      findMetrics(right).some((metric) => !findMetrics(left).includes(metric));
    if (
      cutThenTotal ||
      rankThenTotal ||
      breakdownThenTotal ||
      ((asks(left) ||
        TOTAL.test(left) ||
        (findMetricMentions(left).length > 0 &&
          (RANK_WORDS.test(right) || CUT.test(right)) &&
          !WHY.test(normalized))) &&
        asks(right) &&
        (/\d|\bzero\b|perte|negati|deficitaire|couper|stopper|renforc|pousser|\b(deux|trois|quatre|cinq|two|three|four|five)\b|\bflops?\b/.test(
          right,
        ) ||
          CUT.test(right) ||
          RANK_WORDS.test(right) ||
          findDirectionWord(right) !== undefined))
    ) {
      // « le meilleur et le pire canal en CPL », « quel canal a le CPL le plus bas et lequel le plus haut ? »: a
      // part that names no metric or no object takes the other part's.
      // (« … et le total toutes campagnes »: the ranking's figure by its name, not the words that ranked it.)
      const [leftText, bareRight] = [
        completed(left, right),
        rankThenTotal && findMetricMentions(right).length === 0
          ? `${right} ${findMetrics(left)[0] ?? ''}`
          : completed(right, left, true),
      ];
      // « social : budget total et les campagnes en ROI négatif »: a scope set before a colon heads every part.
      const heading = /^\s*([a-z0-9_' -]{2,40}?)\s*:\s/.exec(left)?.[1];
      const rightText =
        heading &&
        findMetricMentions(heading).length === 0 &&
        namesAny(parse(heading, catalog).scope) &&
        !namesAny(parse(bareRight, catalog).scope)
          ? `${heading} ${bareRight}`
          : bareRight;
      const first = readOne(leftText, catalog, language) ?? readPreset(leftText, catalog, language);
      const second =
        readOne(rightText, catalog, language, parse(leftText, catalog)) ??
        readPreset(rightText, catalog, language, parse(leftText, catalog));
      if (first && second && first.calls.length > 0 && second.calls.length > 0) {
        // « top 1 et flop 1 en ROI sur février »: a period named in one part only is the other part's too.
        const [leftPeriod, rightPeriod] = [parse(leftText, catalog).period, parse(rightText, catalog).period];
        const shared = (calls: MetricReading['calls'], period: Parsed['period']) =>
          period ? calls.map((call) => ({ ...call, args: { ...dates(period), ...call.args } })) : calls;
        const calls = [
          ...(leftPeriod ? first.calls : shared(first.calls, rightPeriod)),
          ...(rightPeriod ? second.calls : shared(second.calls, leftPeriod)),
        ];
        // « la meilleure et la pire campagne ? »: both ends of a ranking by no figure named are a guess (ROI): the
        // bot asks which criterion, as for one end (criterion.ts).
        const byNoFigure =
          findMetricMentions(normalized).length === 0 &&
          !CUT.test(normalized) &&
          !BOOST.test(normalized) &&
          calls.every((call) => call.args.order_by !== undefined && call.args.thresholds === undefined);
        // « quelles campagnes perdent de l'argent, et combien on a dépensé sur ces campagnes au total ? »: the second
        // part reads as the first again; what it adds is the total row.
        const [one, two] = calls;
        if (calls.length === 2 && one && two && sameCall(one, two) && TOTAL.test(right))
          return {
            intent: first.intent,
            calls: [{ ...one, args: { ...one.args, totals: true } }],
            confidence: 0.8,
          };
        return { intent: first.intent, calls, confidence: byNoFigure ? 0.7 : 0.8 };
      }
    }
  }
  return readOne(question, catalog, language);
}

/** Two calls with the same tool and arguments, whatever their order. */
function sameCall(a: MetricReading['calls'][number], b: MetricReading['calls'][number]): boolean {
  const sorted = (call: typeof a) =>
    JSON.stringify([call.tool, Object.entries(call.args).sort(([x], [y]) => x.localeCompare(y))]);
  return sorted(a) === sorted(b);
}

/** A part of a multi-part question the router would answer with a preset: the same as query_metrics calls. */
/** « ses campagnes », "its campaigns": the members of the thing the other part named. */
const POSSESSIVE = /\b(?:ses|its|leurs|their) (?:campagnes|campaigns)\b/;
const namesAny = (scope: Parsed['scope']) =>
  scope.campaigns.length + scope.prefixes.length + scope.categories.length > 0;

function readPreset(
  question: string,
  catalog: Catalog,
  _language: Language,
  inherited?: Parsed,
): MetricReading | undefined {
  const p = parse(question, catalog);
  const metric = p.metrics[0] ?? inherited?.metrics[0] ?? 'roi';
  const text = p.text;
  // « clics par semaine », "orders by day": that figure for each period of the grain.
  const grain = findGrain(text);
  if (grain && !PER_CATEGORY.test(text) && !PER_CAMPAIGN.test(text) && p.metrics.length > 0)
    return {
      intent: 'kpi_qa',
      calls: [
        query({ metrics: [metric], grain, ...scopeArgs(p.scope), ...dates(p.period ?? inherited?.period) }),
      ],
      confidence: 0.8,
    };
  // « ROI par canal », "spend by campaign": that figure for each member.
  if (PER_CATEGORY.test(text) || PER_CAMPAIGN.test(text))
    return {
      intent: 'kpi_qa',
      calls: [
        query({
          metrics: [...new Set([metric, 'mark_spent', 'revenue'])],
          group_by: [PER_CATEGORY.test(text) ? 'category' : 'campaign_name'],
          order_by: metric,
          totals: true,
          ...scopeArgs(p.scope),
          ...dates(p.period ?? inherited?.period),
        }),
      ],
      confidence: 0.8,
    };
  // « les campagnes avec un ROI sous 0 », "campaigns with ROI under 0": the members past the bound.
  const bound = p.thresholds[0];
  if (bound)
    return {
      intent: 'diagnostic',
      calls: [
        query({
          metrics: [...new Set([bound.metric, 'mark_spent', 'revenue'])],
          group_by: [CATEGORY_OBJECT.test(text) ? 'category' : 'campaign_name'],
          thresholds: p.thresholds,
          order_by: bound.metric,
          order: bound.op.startsWith('<') ? 'asc' : 'desc',
          limit: 100,
          ...scopeArgs(p.scope),
          ...dates(p.period ?? inherited?.period),
        }),
      ],
      confidence: 0.8,
    };
  // « les campagnes à couper », « en perte »: every loss-maker.
  if (CUT.test(text) || DIAGNOSTIC.test(text) || /\broi (negatif|negative)|\bnegative roi/.test(text))
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
          // « le ROI de Facebook, et lesquelles de ses campagnes sont déficitaires ? »: its campaigns, the other part's.
          ...scopeArgs(inherited && POSSESSIVE.test(text) && !namesAny(p.scope) ? inherited.scope : p.scope),
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
      /^\s*(la|le|the) (meilleure?|pire|best|worst|top|bottom)\b(?!s)/.test(text) ||
      /\b(?:best|worst|top|bottom) one\b/.test(text);
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
