// Figure questions read as a small semantic parse onto query_metrics and explain_change: which metrics, over what
// (campaigns, name prefixes, categories, dates), about which objects (campaigns or channels), and what is asked —
// one figure, a comparison, the members past a threshold, a ranking, a breakdown, or why a figure moved. When a
// word could mean several things with different answers (« tier2 », « résultats »), it returns a question back
// with options instead of guessing. Questions of the seed's shapes (« Top 5 des campagnes par ROI ») are left to
// the router, which answers them with the preset tools.
import type { Plan, PlannedCall } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Language } from '../../src/core/answer.js';
import type { Metric } from '../../src/core/metrics.js';
import { SIGNALS } from './intents.js';
import { COST_METRICS, findDirectionWord, findMetricMentions } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import { findCount } from './numbers.js';
import { findPeriod, findTwoPeriods } from './periods.js';
import { findScope, type Scope } from './scope.js';
import { findThresholds, type Threshold } from './thresholds.js';

type Args = Record<string, unknown>;
type Period = { date_from?: string; date_to?: string };

const WHY =
  /\bpourquoi\b|\bwhy\b|\bqu'est-ce qui (a|explique|fait)\b|\bqu'est ce qui\b|\bexpliqu\w*|\bcomment expliquer\b|\bd'ou vient\b|\bca vient d(e|u|es)\b|\bwhat (drove|caused|explains|happened|moved)\b|\bqu'est-ce qui s'est passe\b|\bque s'est-il passe\b|\bexplain\w*|\bgrace a (quel|quoi|qui)\w*|\bthanks to (what|which)\b|\bdue to (what|which)\b|\bla faute a\b|\bcause\w*|\bqui a (tire|porte)\b|\bqui a fait (monter|baisser|bouger|grimper|chuter|plonger|varier)\b|\bresponsables?\b|\bwhat'?s behind\b|\bbehind (the|this|that)\b|\bdrivers?\b|\bdriving (the|this|that)\b|\bdrove (that|this|it)\b|\bdrove the (drop|increase|rise|decline|change|fall|jump|spike|growth|dip)\b/;
const CHANGE =
  /\b(grimp|augment|baiss|chut|bond|plong|bouge|bougé|vari|chang|evolu|effondr|explos|degrad|ameliore|hausse|recul|monte|descend|rose|fell|drop|jump|spik|increas|decreas|moved|changed|went (up|down)|declin|improv|worsen|surg|plummet|crash|tripl|doubl|progress|tank|fond|ecroul|plomb|collaps|chute|diminu|redui|reduc|devenu|became|got (more|less|cheaper|pricier)|go(es|ne)? (up|down)|ris(e|en|ing)|climb|grew|grow|shrank|shrink|soar|sank|sink)\w*|\b(est |sont )?passe\w* (dans le rouge|en negatif|en positif|dans le vert)\b|\bturned (negative|positive)\b|\bwent (negative|positive)\b/;
const COMPARE =
  /\bvs\.?\b|\bversus\b|\bcontre\b|\bcompar\w*|\bpar rapport (a|au|aux)\b|\bface a\b|\bagainst\b|\bstack up\b|\bor\b|\bou\b|\bthan\b|\bmieux que\b|\bplus que\b/;
const TOTAL =
  /\btotal\w*|\bau total\b|\ben tout\b|\bcombien\b|\bhow (much|many)\b|\bglobal\w*|\boverall\b|\bcumul\w*|\bsomme\b|\bensemble\b|\bconfondu\w*|\bquel(le)? (est|etait|a ete)\b|\bwhat (is|was|were|are)\b|\bwhat's\b|\bnb\b|\bnombre\b|\bnumber of\b|\bcount\b/;
const CATEGORY_OBJECT =
  /\b(canal|canaux|channels?|categories?|categorie|category|types? de campagne|leviers?)\b/;
const PER_CATEGORY =
  /\b(par|by|per|pour chaque|each|chaque|selon) (canal|canaux|channels?|categories?|categorie|category)\b|\bchaque (canal|categorie)\b/;
const PER_CAMPAIGN =
  /\bles (ctr|cpa|cpl|cpc|cpm|roi|roas|cvr)s?\b.*\b(des|de nos|de toutes les|of the|of our|for the) (campagnes|campaigns)\b|\b(par|by|per|chaque|each) (?:(?:influencers?|influenceurs?|influence|social|sociales?|search|media|display|facebook|instagram|google|youtube) )?(campagne|campaign)s?\b|\bune par une\b|\bun par un\b|\bone by one\b|\bindividuel\w*|\bindividually\b|\bchacune\b|\beach of (them|the)\b/;
const RANK_WORDS =
  /\bclass\w*|\brank\w*|\btri(e|es|ee|ees|er)\b|\bsort(ed|ing|s)?\b|\border(ed)? (\w+ )?by\b|\bpodium\b|\blanterne rouge\b|\bweakest\b|\bstrongest\b|\bpoorest\b|\bn ?° ?1\b|\bnumero (1|un)\b|\bnumber (1|one)\b|#1\b|\bleague table\b|\bpalmares\b|\btop\b|\bflop\b|\bmeilleur\w*|\bpire\w*|\bbest\b|\bworst\b|\ble plus\b|\bla plus\b|\bles plus\b|\ble moins\b|\bla moins\b|\bles moins\b|\bmost\b|\bleast\b|\bhighest\b|\blowest\b|\bdu plus\b|\bcheapest\b|\bplus (rentable|efficace|performant|cher)\w*|\bmoins (rentable|efficace|performant|cher)\w*/;
const CUT =
  /\b(couper|coupe|stopper|stop|arreter|arrete|mettre en pause|en pause|pause|pausing|paused|suspendre|switch(ed)? off|turn off|kill|cut|sauter)\b|\ben perte\b|\bdans le rouge\b|\b(perdent|perdu|perd) de l'argent\b|\blos(e|ing|t) money\b|\bin the red\b|\bloss[- ]?making\b|\blosers?\b|\b(roi|retour) (negatif|negative)|\bnegative (roi|return)/;
// What to boost next, not what was spent (« les 4 campagnes où on a mis le plus de budget » ranks spend).
const BOOST =
  /^(?!.*\b(?:a|ont|avons|avez) (?:mis|investi|depense|claque)\b|.*\bwe(?:'ve| have) (?:put|spent|invested)\b|.*\bwe (?:spent|invested)\b|.*\bdid we (?:put|spend|invest)\b).*(?:\brenforc\w*|\bpousser\b|\bscale\b|\bscaler\b|\bmettre plus\b|\binvest(ir)? (plus|more)\b|\bdoubler la mise\b|\bmore budget\b|\bplus de budget\b|\bdouble down\b|\bplus d'investissement\b|\bmerite\w* plus\b|\bput more\b|\bdeserve more\b|\bmore money\b|\bplus d'argent\b)/;
const PROFITABLE =
  /^(?!.*\b(non|pas|peu|plus|moins|most|least|more|less|not|un)\s?(rentab|profit)).*(\brentables?\b|\bprofitable\b|\bin profit\b|\ben profit\b|\bgagnent de l'argent\b|\bmake money\b|\broi positif\b|\bpositive roi\b)/;
const SINGULAR_CATEGORY =
  /\b(quel|quelle|le|la|which|the|best|worst|meilleur|meilleure|pire|weakest|strongest|poorest|our|notre)\s(\w+\s)?(canal|categorie|category|channel)\b(?!s)|\b(lequel|laquelle|which one)\b(?=.*\b(canal|categorie|category|channel)\b(?!s))|\bquel (type de campagne|levier)\b|\bwhich (type of campaign|lever)\b/;
// Content words that name no metric the data has and could mean several: ask which one is meant.
const VAGUE: [RegExp, Metric[]][] = [
  [/\bresultats?\b|\bresults?\b/, ['orders', 'leads', 'revenue']],
  [/\bretours?\b(?! sur)|\breturns?\b(?! on (ad|invest))/, ['roi', 'roas', 'revenue']],
  [/\bvolumes?\b/, ['impressions', 'clicks', 'orders']],
  [/\brendements?\b|\byields?\b/, ['roi', 'roas', 'revenue']],
  [
    /\befficacite\b|\befficiency\b|^(?!.*\b(plus|moins|most|least|more|less)\b).*\b(efficaces?|efficient|performing)\b/,
    ['roi', 'cpa', 'ctr'],
  ],
  [
    // « les chiffres » (prepare() may have made it « chiffre »), "the numbers", « les stats ».
    /\b(les|des|nos|vos|mes|our|the|your|niveau)\s+chiffres?\b(?! d'af)|\bchiffres\b(?! d'af)|\bnumbers\b|\bstats?\b|\bstatistiques\b/,
    ['revenue', 'mark_spent', 'roi'],
  ],
  [/\b(le|quel|the) taux\b(?! de (cli|conv|transfo|click|rebond))|\bthe rate\b(?! of)/, ['ctr', 'cvr']],
  // « comment s'est passé le social ? », "how did search go?": no figure named. (« Comment va google_hot ? » is the
  // campaign's card, describe_campaign: the golden questions say so, and it is the card button offered here.)
  [
    /\bcomment (ca )?(s'est passe|ca s'est passe|a marche|tourne)\b|\b(ca|qu'est-ce que ca|qu'est-ce que) donne quoi\b|\bca a donne( quoi)?\b|\bc'etait (bien|comment|bon)\b|\b(was|were) (it|they) good\b|\bqu'est-ce que (ca )?donne\b|\bhow (did|was|were)\b.{0,40}\b(do|go|going|look|looking)\b|\bhow'?s\b.{0,40}\b(going|looking)\b/,
    ['roi', 'revenue', 'ctr'],
  ],
  [/\bengagements?\b|\binteractions?\b/, ['clicks', 'ctr']],
  // « elle marche bien, google_hot ? », "is it working?": well by which figure?
  [
    /\b(marche|marchent|tourne|tournent|fonctionne|fonctionnent)\w* (bien|mal)\b|\bis (it|this) working\b/,
    ['roi', 'revenue', 'ctr'],
  ],
  // « lequel est le mieux ? », « on garde lequel ? », « quel jour ça a le mieux marché ? »: better by which figure?
  [
    /\blequel est (le )?(mieux|meilleur)\b|\blaquelle est (la )?(mieux|meilleure)\b|\bon garde (lequel|laquelle)\b|\b(lequel|laquelle) on garde\b|\bwhich (one )?is better\b|\bwhich (one )?(should we|to) keep\b|\ble mieux marche\b|\bmarche le mieux\b|\bworked best\b|\bperformed best\b/,
    ['roi', 'revenue', 'cpa'],
  ],
  [/\bcouts? par resultats?\b|\bcost per results?\b/, ['cpl', 'cpa']],
  [/\bcouts? unitaires?\b|\bunit costs?\b|\ba l'unite\b/, ['cpc', 'cpl', 'cpa']],
  [
    /^(?!.*\b(par|by|per|analy\w*|compar\w*|bilan|breakdown)\b).*\b(perf|performance|performe\w*|performed)\b/,
    ['roi', 'revenue', 'ctr'],
  ],
  [
    /\b(les )?plus cheres?\b|\bcoutent le plus\b|\bcoute le plus\b|\bmost expensive\b|\bcost the most\b/,
    ['mark_spent', 'cpa', 'cpl'],
  ],
];
// Trends and the preset diagnostic keep their own tools (kpi_trend, get_underperforming_campaigns).
const TREND =
  /\bevol\w*|\btendance\w*|\btrends?\b|\bover time\b|\bau fil\b|\bcourbe\b|\b(par|by|per|chaque|each) (jour|day|semaine|week|mois|month)s?\b|\bjour (par|apres) jour\b|\bday by day\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bquotidien\w*|\bhebdo\w*/;
const DIAGNOSTIC =
  /\b(non|pas|peu) rentables?\b|\bsous[- ]?perform\w*|\bunder[- ]?perform\w*|\bunprofitable\b|\bnot profitable\b|\bdeficitaire\w*|\bperd\w* (de l')?argent|\blos(e|es|ing) money/;
/**
 * The figures the preset breakdown (aggregate_by_dimension) puts in its headline. Another KPI by channel (« CPA par
 * canal ») is its own query, so the headline and the follow-ups (« et les 3 meilleurs ? ») are about that KPI.
 */
const PRESET_COLUMNS = new Set<Metric>(['mark_spent', 'revenue', 'roi']);
const METRIC_WORDS: Record<Metric, { fr: string; en: string }> = {
  roi: { fr: 'le ROI', en: 'ROI' },
  roas: { fr: 'le ROAS', en: 'ROAS' },
  revenue: { fr: "le chiffre d'affaires", en: 'revenue' },
  mark_spent: { fr: 'les dépenses', en: 'spend' },
  ctr: { fr: 'le taux de clic (CTR)', en: 'click-through rate (CTR)' },
  cvr: { fr: 'le taux de conversion', en: 'conversion rate' },
  cpl: { fr: 'le coût par lead', en: 'cost per lead' },
  cpa: { fr: 'le coût par commande', en: 'cost per order' },
  cpc: { fr: 'le coût par clic', en: 'cost per click' },
  cpm: { fr: 'le CPM', en: 'CPM' },
  clicks: { fr: 'les clics', en: 'clicks' },
  impressions: { fr: 'les impressions', en: 'impressions' },
  leads: { fr: 'les leads', en: 'leads' },
  orders: { fr: 'les commandes', en: 'orders' },
};

export interface MetricReading {
  intent: Plan['intent'];
  calls: PlannedCall[];
  confidence: number;
  clarification?: string;
  options?: string[];
}

export interface Parsed {
  text: string;
  scope: Scope;
  metrics: Metric[];
  thresholds: Threshold[];
  period?: Period;
  two?: [Period, Period];
  count?: number;
}

export function parse(question: string, catalog: Catalog): Parsed {
  const scope = findScope(normalize(question), catalog);
  const text = prepare(scope.rest);
  const mentions = findMetricMentions(text, question);
  return {
    text,
    scope,
    metrics: [...new Set(mentions.map((mention) => mention.metric))],
    thresholds: findThresholds(text, mentions),
    period: findPeriod(text, catalog.lastDay),
    two: findTwoPeriods(text, catalog.lastDay),
    count: findCount(text),
  };
}

/** The scope as query_metrics / explain_change arguments (one prefix at most: the first). */
export function scopeArgs(scope: Scope): Args {
  return {
    ...(scope.campaigns.length > 0 ? { campaigns: scope.campaigns } : {}),
    ...(scope.categories.length > 0 ? { categories: scope.categories } : {}),
    ...(scope.prefixes[0] ? { name_prefix: scope.prefixes[0] } : {}),
  };
}

const dates = (period: Period | undefined): Args => ({
  ...(period?.date_from ? { date_from: period.date_from } : {}),
  ...(period?.date_to ? { date_to: period.date_to } : {}),
});

function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The period just before `period`, of the same length (« pourquoi … la semaine dernière » compares with the one before). */
function before(period: Required<Period>): Required<Period> {
  const days = Math.round((Date.parse(period.date_to) - Date.parse(period.date_from)) / 86_400_000) + 1;
  return { date_from: shift(period.date_from, -days), date_to: shift(period.date_from, -1) };
}

const lowerIsBetter = (metric: Metric) => COST_METRICS.has(metric);

/** « meilleur » / « pire » / « le plus » / « le moins » for this metric, as a sort order. */
export function orderFor(text: string, metric: Metric): 'asc' | 'desc' {
  // « du meilleur au pire », "best to worst", « du plus gros au plus petit »: the first words say which end leads.
  if (
    /\bbest to worst\b|\bmeilleur\w* (au|aux) pire|\bdu plus (haut|gros|grand|eleve|fort)\b|\bhighest to lowest\b|\bdecroissant\w*|\bdescending\b/.test(
      text,
    )
  )
    return /\bbest|\bmeilleur/.test(text) && lowerIsBetter(metric) ? 'asc' : 'desc';
  if (
    /\bworst to best\b|\bpires? (au|aux) meilleur|\bdu plus (bas|petit|faible)\b|\blowest to highest\b|\bcroissant\w*|\bascending\b/.test(
      text,
    )
  )
    return /\bworst|\bpire/.test(text) && lowerIsBetter(metric) ? 'desc' : 'asc';
  // "least cost-efficient" is the costliest: read before the plain direction words (« least » alone is low).
  const fromTo =
    /\b(du|de la|des) (plus|moins|meilleure?s?|pires?)\b.{0,20}\b(au|aux|a la) (plus|moins|meilleur|pire)/;
  if (/\befficace\w* en cout|\bcost[- ]efficien\w*/.test(text) && !fromTo.test(text))
    return /\b(least|moins)\b(?! cher)/.test(text) ? 'desc' : 'asc';
  const word = findDirectionWord(text);
  if (word === 'best') return lowerIsBetter(metric) ? 'asc' : 'desc';
  if (word === 'worst') return lowerIsBetter(metric) ? 'desc' : 'asc';
  if (word === 'low' || word === 'cheap') return 'asc';
  if (word === 'high' || word === 'expensive') return 'desc';
  return lowerIsBetter(metric) ? 'asc' : 'desc';
}

/** « chacune séparément », "each": the members one row each, in one breakdown. */
const EACH =
  /\bchacune?\b|\bseparement\b|\bseparately\b|\beach\b|\bindividuel\w*|\bindividually\b|\bune par une\b/;

/** « cumulé », « ensemble », "combined", « google + youtube »: the members added up, not side by side. */
const COMBINED =
  /\bensemble\b|\bcumul\w*|\bcombin\w*|\btogether\b|\bas one (number|figure)\b|\bau total\b|\ben tout\b|\w \+ \w|\badditionn\w*|\bsum of\b|\bsomme\b/;

/** The campaigns whose name starts with `prefix` (case-insensitive), as the query's name_prefix filter reads it. */
function prefixed(prefix: string, catalog: Catalog): string[] {
  return catalog.campaigns
    .map((campaign) => campaign.campaignName)
    .filter((name) => name.toLowerCase().startsWith(prefix.toLowerCase()));
}

function sidesOf(scope: Scope): Args[] {
  return [
    ...scope.campaigns.map((name) => ({ campaigns: [name] })),
    ...scope.prefixes.map((prefix) => ({ name_prefix: prefix })),
    ...scope.categories.map((category) => ({ categories: [category] })),
  ];
}

const query = (args: Args): PlannedCall => ({ tool: 'query_metrics', args });

/** A question back when a word could mean several campaigns or several metrics. */
function clarify(question: string, p: Parsed, language: Language): MetricReading | undefined {
  const ambiguous = p.scope.ambiguous;
  if (ambiguous && p.scope.campaigns.length === 0 && p.scope.prefixes.length === 0) {
    return askBack(
      language === 'en'
        ? `Which campaign do you mean by "${ambiguous.word}": ${ambiguous.candidates.join(' or ')}?`
        : `Par « ${ambiguous.word} », vous parlez de ${ambiguous.candidates.join(' ou de ')} ?`,
      ambiguous.candidates.slice(0, 4).map((name) => replaceWord(question, ambiguous.word, name)),
    );
  }
  // « coût unitaire », « les plus chères »: a cost word that names no one metric, even though « coût » reads as spend.
  const unitCost =
    /\bcouts? unitaires?\b|\bunit costs?\b|\ba l'unite\b|\b(les )?plus cheres?\b(?! par)|\bcoutent le plus\b(?! par)|\bmost expensive\b|\bcost the most\b/;
  if (
    p.metrics.length > 0 &&
    !(unitCost.test(p.text) && p.metrics.every((metric) => metric === 'mark_spent'))
  )
    return undefined;
  for (const [pattern, candidates] of VAGUE) {
    const match = pattern.exec(p.text);
    if (!match) continue;
    // « la performance de google_hot ? »: which figure — or the campaign's whole card (« comment va … »).
    const card =
      candidates[0] === 'roi' && candidates[1] === 'revenue' && p.scope.campaigns.length === 1
        ? [
            language === 'en'
              ? `How is ${p.scope.campaigns[0]} doing?`
              : `Comment va ${p.scope.campaigns[0]} ?`,
          ]
        : [];
    return askBack(
      language === 'en'
        ? `By "${asWritten(question, match[0])}", do you mean ${candidates.map((metric) => METRIC_WORDS[metric].en).join(', ')}?`
        : `Par « ${asWritten(question, match[0])} », vous entendez ${candidates
            .map((metric) => METRIC_WORDS[metric].fr)
            .join(', ')
            .replace(/, ([^,]*)$/, ' ou $1')} ?`,
      [
        ...candidates.map(
          (metric) => `${question.replace(/\s*\?+\s*$/, '')} — ${METRIC_WORDS[metric][language]}`,
        ),
        ...card,
      ],
    );
  }
  return undefined;
}

/** The words of the question as the person wrote them (accents and case) for a phrase found in normalized text. */
function asWritten(question: string, phrase: string): string {
  const words = question.split(/[\s'’]+/);
  const size = phrase.split(/\s+/).length;
  for (let start = 0; start + size <= words.length; start++) {
    const candidate = words
      .slice(start, start + size)
      .join(' ')
      .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (normalize(candidate) === phrase) return candidate;
  }
  return phrase;
}

/** One short question back, with one option (a button) per reading. */
function askBack(clarification: string, options: string[]): MetricReading {
  return { intent: 'kpi_qa', calls: [], confidence: 0.6, clarification, options };
}

function replaceWord(question: string, word: string, name: string): string {
  const pattern = new RegExp(`\\b${word.replace(/\d/, '[\\s-]?$&')}\\b`, 'i');
  const replaced = question.replace(pattern, name);
  return replaced === question ? `${question} (${name})` : replaced;
}

/** Why a figure moved: its change between two periods, decomposed by campaign (or by category when asked). */
function explain(p: Parsed, catalog: Catalog): MetricReading | undefined {
  const metric = p.metrics[0] ?? (CUT.test(p.text) ? 'roi' : undefined);
  if (!metric) return undefined;
  let periods = p.two;
  if (!periods && p.period?.date_from && p.period.date_to && CHANGE.test(p.text)) {
    const after = p.period as Required<Period>;
    periods = [before(after), after];
  }
  if (!periods && CHANGE.test(p.text) && catalog.lastDay) {
    const after = { date_from: shift(catalog.lastDay, -6), date_to: catalog.lastDay };
    periods = [before(after), after];
  }
  if (!periods) return undefined;
  const by = CATEGORY_OBJECT.test(p.text) && p.scope.categories.length === 0 ? 'category' : 'campaign_name';
  return {
    intent: 'diagnostic',
    calls: [
      {
        tool: 'explain_change',
        args: {
          metric,
          by,
          before: { date_from: periods[0].date_from!, date_to: periods[0].date_to! },
          after: { date_from: periods[1].date_from!, date_to: periods[1].date_to! },
          ...scopeArgs(p.scope),
          ...assumedDirection(p.text),
        },
      },
    ],
    confidence: 0.85,
  };
}

// The movement a « pourquoi » takes for granted: the answer says so when the data moved the other way.
const UP_WORDS =
  /\b(grimp|augment|bond|explos|monte|hausse|amelior|progress|rise|rose|risen|jump|spik|surg|increas|improv|climb|soar|went up|go up|goes up|gone up|grew|grow)\w*/;
const DOWN_WORDS =
  /\b(baiss|chut|plong|effondr|recul|descend|degrad|drop|fell|fall|declin|decreas|worsen|plummet|tank|went down|dip|crash|fondu|ecroul|plomb|collaps|diminu|redui|reduc|go(es|ne)? down|shrank|shrink|sank|sink)\w*/;

function assumedDirection(text: string): { assumed_direction?: 'up' | 'down' } {
  const up = UP_WORDS.test(text);
  const down = DOWN_WORDS.test(text);
  return up === down ? {} : { assumed_direction: up ? 'up' : 'down' };
}

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
  const back = clarify(question, p, language);
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
    /\b(c'est|ca vient d\w*|a cause d\w*) (quel|quelle|quels|quelles|qui)\b|\b(which|what) (campaign|channel|category)\b|\bquel(le)?s? (campagne|canal|categorie)s?\b/.test(
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
  if (metric && !ranked && (TOTAL.test(text) || scoped)) {
    return {
      intent: 'kpi_qa',
      calls: [query({ metrics: p.metrics.slice(0, 6), ...scopeArgs(p.scope), ...dates(p.period) })],
      confidence: 0.85,
    };
  }
  return undefined;
}

// « top 3 par ROI et les 3 pires », « les campagnes en perte, et les 3 meilleures »: each part asks for something.
const PART_SPLIT = /\s*(?:,\s*)?(?:\bet\b|\band\b|\+|;|\bpuis\b|\bthen\b)\s+/;
const ASKS =
  /\bpires?\b|\bworst\b|\bmeilleur\w*|\bbest\b|\btop\b|\bflop\b|\ben perte\b|\bcouper\b|\bstopper\b|\brenforc\w*|\bpousser\b|\bcampagnes?\b|\bcampaigns?\b|\bcanal\b|\bcanaux\b|\bchannels?\b/;

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
    const asks = (part: string) =>
      ASKS.test(part) || CUT.test(part) || BOOST.test(part) || findDirectionWord(part) !== undefined;
    // « combien d'impressions au total, et quel canal en a fait le plus ? »: a total is a part of its own.
    if (
      (asks(left) || TOTAL.test(left)) &&
      asks(right) &&
      (/\d|perte|couper|stopper|renforc|pousser/.test(right) || findDirectionWord(right) !== undefined)
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

export { BOOST, CUT };
