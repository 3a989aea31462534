// Routing a fresh question: explicit intent signals first (digest, simulation, prediction, segmentation,
// diagnostic, KPI questions), then hostile or off-topic text, then weak guesses. `strong` says whether an
// explicit signal chose the plan (a follow-up may override a weak one).

import type { Plan, PlannedCall } from '../../src/analysis/plan.js';
import { BUDGET_CHANGE_RANGE } from '../../src/analysis/vocabulary.js';
import { parseDigest } from './digest.js';
import type { Features } from './features.js';
import type { MetricReading } from './figure-parse.js';
import { isKnownWord } from './lexicon.js';
import { clarificationText } from './messages.js';
import { directionFor, FROM_END_TO_END, SORT_ALL } from './metrics.js';
import { askSimulation, simulationOption } from './simulation-choices.js';

export interface Routed {
  plan: Plan;
  strong: boolean;
}

type Args = Record<string, unknown>;
const TOTAL =
  /\bhow much\b|\bcombien\b|\bquel(le)? est (le|la|l')|\bwhat (is|was|are|were) (the|our)\b|\bwhat's\b|\btotal\b|\bglobal\w*|\boverall\b|\bblended\b/;
/** « merci, t'es top ! », "thanks a lot!" (prepared text): nothing to look up; compose_answer thanks back. */
export const THANKS_ONLY =
  /^(?:ok |super |parfait |top |cool |great |perfect |genial )?(?:merci|thanks|thank you|thx|ty)\b[^?\d]{0,25}$/;
const FORECAST =
  /\bprevisions?\b|\bprevoi\w*|\bprevoir\b|\bforecast\w*|\bpredict\w*|\bpredire\b|\bprojections?\b|\bprochaine?s?\b|\bnext (week|month)\b/;
const BUDGET_WORD = /\bbudgets?\b|\bdepenses?\b|\bspend(ing)?\b|\binvestissements?\b/;
// A currency in a prediction question means an amount was meant even when none could be read (« -5000 CHF »).
const CURRENCY_WORD = /\b(chf|francs?|eur|euros?|usd|dollars?)\b|[€$]/;

const dated = (f: Features, args: Args): Args => ({ ...args, ...f.dates });
const withCategory = (f: Features, args: Args): Args =>
  f.category ? { ...args, category: f.category } : args;

/** `readMetric` reads a figure question (metric-question.ts); called after the explicit intents. */
export function route(f: Features, readMetric: () => MetricReading | undefined = () => undefined): Routed {
  const plan = (
    intent: Plan['intent'],
    calls: PlannedCall[],
    confidence: number,
    extra: Partial<Plan> = {},
  ) => ({
    intent,
    language: f.language,
    calls,
    confidence,
    ...extra,
  });
  const strong = (value: Plan): Routed => ({ plan: value, strong: true });
  const ask = (intent: Plan['intent'], clarification: string): Routed =>
    strong(plan(intent, [], 0.6, { clarification }));
  const s = f.signals;

  if (f.empty) return { plan: plan('out_of_scope', [], 0.95), strong: true };
  // « merci, t'es top ! », "thanks a lot!": nothing to look up (« top » there is no ranking).
  if (THANKS_ONLY.test(f.text)) return { plan: plan('out_of_scope', [], 0.95), strong: true };

  if (s.platformAction || s.writing || s.accounting || s.competitors)
    return strong(plan('out_of_scope', [], 0.9));
  // « quel temps fait-il à Zurich ? », "tell me a joke": off topic when no figure is named.
  if (s.offTopic && f.metrics.length === 0 && !s.injection) return strong(plan('out_of_scope', [], 0.9));
  // « que pouvez-vous me fournir comme analyses ? », "what sort of questions can you answer?": help, whatever
  // domain word (« analyses ») the question also holds.
  if (s.help && f.metrics.length === 0 && !f.campaign.name && !f.category && !s.injection)
    return strong(plan('help', [], 0.9));

  if (s.digest) {
    const parsed = parseDigest(f.text);
    if ('missing' in parsed)
      return ask(
        'digest_admin',
        clarificationText(parsed.missing === 'id' ? 'digestId' : 'digestSchedule', f.language),
      );
    return strong(plan('digest_admin', [], parsed.confident ? 0.9 : 0.7, { digest: parsed.digest }));
  }

  // « +20 % de budget », « 50 % de plus sur media » — but not « plus de 50 % de retour sur investissement »
  // (a condition on a metric, read by the figure parser).
  const condition =
    /\b(plus|moins) (de|que|d')\s?[+-]?\d|\bau[- ]dessus d|\bsous\s[+-]?\d|\bau (moins|minimum|maximum)\b|\bdepass\w*|[<>]|\b(over|under|above|below|at least|more than|less than)\s[+-]?\d/.test(
      f.text,
    );
  const moreOrLess = /\bde (plus|moins)\b|\ben (plus|moins)\b|\bmore\b|\bextra\b|\bsupplementaire/.test(
    f.text,
  );
  const budgetChange =
    f.percent !== undefined &&
    !condition &&
    (BUDGET_WORD.test(f.text) ||
      (moreOrLess && (s.prediction || s.simulation || f.category !== undefined))) &&
    f.roiThreshold === undefined;
  // « et si on regarde que le social ? », "what if we only look at search?": a hypothetical about the question,
  // not about the budget — a simulation needs a budget word, a percentage or the word itself.
  const simulationMeant =
    s.simulation &&
    (f.percent !== undefined || BUDGET_WORD.test(f.text) || /\bsimul\w*|\bscenario\b/.test(f.text));
  // « déplacer 10 % du social vers le search », "move 10% from social to search": a transfer between categories is
  // not what the simulation does (one change at a time); offer the two halves rather than answer one of them.
  if (f.percent !== undefined && REALLOCATION.test(f.text)) return strong(askTransfer(f));
  // « on rajoute 20 % partout »: a budget change said without the word budget.
  // « on coupe 25 % sur le search »: a cut or a raise of a percentage, no figure named, is a budget change.
  const cutOrRaise =
    f.percent !== undefined &&
    !condition &&
    f.metrics.length === 0 &&
    /\b(coupe\w*|couper|redui\w*|reduire|baisse\w*|augmente\w*|rajoute\w*|cut|raise|reduce|lower|boost|uplift)\b/.test(
      f.text,
    );
  // « on rajoute 20 % partout », « +10 % partout, ça donnerait quoi ? »: every category.
  const addedEverywhere =
    f.percent !== undefined &&
    !condition &&
    (/\b(rajout|ajout|remet|met|add|put)\w*\b.*\b(partout|everywhere|across the board|sur tout)\b/.test(
      f.text,
    ) ||
      /^\s*[+-]\s?\d+(?:[.,]\d+)?\s?%\s(?:de budget |budget )?(partout|everywhere|across the board|sur tout)\b/.test(
        f.text,
      ));
  // « +20 % sur le social », "-10% on search, impact?": a signed change on a scope, no figure named.
  const signedChange =
    f.percent !== undefined &&
    !condition &&
    f.metrics.length === 0 &&
    /^\s*[+-]\s?\d+(?:[.,]\d+)?\s?%\s(?:de budget |budget |of budget )?(?:sur|on|pour|for|in|dans|en)\b/.test(
      f.text,
    );
  if (
    (simulationMeant && f.money === undefined) ||
    budgetChange ||
    addedEverywhere ||
    cutOrRaise ||
    signedChange
  ) {
    if (f.percent === undefined) return ask('budget_simulation', clarificationText('percent', f.language));
    if (f.percent < BUDGET_CHANGE_RANGE.min || f.percent > BUDGET_CHANGE_RANGE.max) {
      const { min, max } = BUDGET_CHANGE_RANGE;
      const range = f.language === 'en' ? `${min}% and +${max}%` : `${min} % et +${max} %`;
      return ask('budget_simulation', clarificationText('percentRange', f.language, range));
    }
    // « +20 % sur le social et le search »: one category at a time (every category would be another question).
    // Two changes (« +20 % sur le social et +10 % sur le search ») are offered one each (model-parts.ts).
    const changes = f.text.match(/\d\s?%/g)?.length ?? 0;
    if (f.categories.length >= 2 && changes < 2) return strong(askOneCategory(f));
    const args = { budget_increase_pct: f.percent, category: f.category ?? 'all' };
    return strong(plan('budget_simulation', [{ tool: 'simulate_budget', args }], s.simulation ? 0.9 : 0.8));
  }

  const amountMeant = f.money !== undefined || BUDGET_WORD.test(f.text) || CURRENCY_WORD.test(f.text);
  // « pour chaque CHF mis, on récupère combien ? » is the ROAS, not a forecast for a budget.
  if ((s.prediction || s.simulation) && amountMeant && !f.metrics.includes('roas')) {
    if (f.money === undefined) return ask('prediction', clarificationText('budget', f.language));
    // The model predicts one campaign-day: a weekly or monthly budget is spread over its days.
    const days = /\b(par|per|a|each|chaque) (semaine|week)\b|\bweekly\b|\bhebdo\w*/.test(f.text)
      ? 7
      : /\b(par|per|a|each|chaque) (mois|month)\b|\bmonthly\b|\bmensuel\w*/.test(f.text)
        ? 30
        : 1;
    const args: Args = withCategory(f, { budget: Math.round((f.money / days) * 100) / 100 });
    if (f.impressions !== undefined) args.impressions = f.impressions;
    if (f.clicks !== undefined) args.clicks = f.clicks;
    return strong(plan('prediction', [{ tool: 'predict_revenue', args }], days === 1 ? 0.9 : 0.8));
  }

  // « prévision de CA pour mars ? », "forecast next week": no budget named, and no period model to forecast with.
  if (FORECAST.test(f.text) && s.prediction && !s.injection && f.money === undefined)
    return ask('prediction', clarificationText('forecast', f.language));

  if (s.segmentation) {
    const args = f.k === undefined ? {} : { k: f.k };
    return strong(plan('segmentation', [{ tool: 'segment_campaigns', args }], 0.9));
  }

  // Figure questions: totals, comparisons, thresholds, channels, « pourquoi », multi-part, or a question back.
  const reading = readMetric();
  // « écris-moi un post LinkedIn sur nos résultats »: a vague word asked back would answer a request we do not do.
  if (reading && s.offTopic && reading.calls.length === 0) return strong(plan('out_of_scope', [], 0.9));
  if (reading)
    return strong(
      plan(reading.intent, reading.calls, reading.confidence, {
        ...(reading.clarification ? { clarification: reading.clarification } : {}),
        ...(reading.options ? { options: reading.options } : {}),
      }),
    );

  if (s.diagnostic) {
    const args: Args = withCategory(f, { roi_threshold: f.roiThreshold ?? 0 });
    if (f.count !== undefined) args.limit = f.count;
    return strong(plan('diagnostic', [{ tool: 'get_underperforming_campaigns', args: dated(f, args) }], 0.9));
  }

  const kpi = routeKpi(f, plan);
  if (kpi?.strong) return kpi;

  if (s.injection || s.offTopic || s.sql) return strong(plan('out_of_scope', [], 0.9));
  if (kpi) return kpi;
  if (s.help) return strong(plan('help', [], 0.9));
  // A follow-up with nothing to follow, or unreadable text: offer help, and let an LLM (if any) try.
  // (« ok, who won the game yesterday? », « et sinon, une bonne pizzeria ? »: words the bot does not know make it
  // off topic rather than a follow-up.)
  if (s.followUp) {
    const unknown = f.text.split(/[^\p{L}']+/u).filter((word) => word.length > 2 && !isKnownWord(word));
    return { plan: plan(unknown.length >= 2 ? 'out_of_scope' : 'help', [], 0.3), strong: false };
  }
  return { plan: plan('out_of_scope', [], 0.3), strong: false };
}

type PlanMaker = (
  intent: Plan['intent'],
  calls: PlannedCall[],
  confidence: number,
  extra?: Partial<Plan>,
) => Plan;

const REALLOCATION =
  /\b(realloue\w*|reallou\w*|realloc\w*|transfer\w*|deplac\w*|bascul\w*|move|moving|shift\w*)\b.*\b(vers|to|into|sur|dans)\b/;

/** A budget change for several categories, offered as one simulation each. */
function askOneCategory(f: Features): Plan {
  return askSimulation(
    f.language,
    f.language === 'en'
      ? 'I simulate a budget change on one category at a time. Which one first?'
      : 'Je simule un changement de budget sur une catégorie à la fois. Laquelle d’abord ?',
    f.categories.map((category) => simulationOption(f.percent ?? 0, category, f.language)),
  );
}

/** A transfer between two categories, offered as the two simulations the bot can run. */
function askTransfer(f: Features): Plan {
  const [from, to] = f.categories.length >= 2 ? f.categories : [undefined, undefined];
  const pct = Math.abs(f.percent ?? 0);
  return askSimulation(
    f.language,
    f.language === 'en'
      ? 'I simulate one budget change at a time, not a transfer between categories. Which one do you want to see first?'
      : 'Je simule un changement de budget à la fois, pas un transfert entre catégories. Lequel voulez-vous voir d’abord ?',
    from && to ? [simulationOption(-pct, from, f.language), simulationOption(pct, to, f.language)] : [],
  );
}

/** KPI questions: one campaign (describe or trend), a trend, a breakdown, or a ranking. */
function routeKpi(f: Features, plan: PlanMaker): Routed | undefined {
  const s = f.signals;
  const metric = f.metrics[0];
  const call = (tool: string, args: Args, confidence: number, isStrong = true): Routed => ({
    plan: plan('kpi_qa', [{ tool, args: dated(f, args) }], confidence),
    strong: isStrong,
  });
  const timeGrain = f.grain !== undefined && f.groupBy !== 'category' && f.groupBy !== 'campaign_name';
  const campaign = f.campaign.name;
  if (campaign) {
    const sure = f.campaign.score >= 1 ? 0.9 : 0.8;
    if (s.trend || (timeGrain && metric))
      return call(
        'kpi_trend',
        { metric: metric ?? 'roi', grain: f.grain ?? 'day', campaign_name: campaign },
        metric ? sure : 0.7,
      );
    // « et pour google_wide ? » after a trend of google_hot is a follow-up, not a new description.
    return call('describe_campaign', { campaign_name: campaign }, sure, s.describe || !s.followUp);
  }
  const named = f.campaign.candidates;
  if (named.length > 1 && s.describe && !s.rank && !s.aggregate && !f.directionWord) {
    const clarification = named.join(', ');
    return {
      plan: plan('kpi_qa', [], 0.6, { clarification: clarificationTextFor(f, clarification) }),
      strong: true,
    };
  }
  if (s.trend || (timeGrain && metric && !s.rank))
    return call(
      'kpi_trend',
      withCategory(f, { metric: metric ?? 'roi', grain: f.grain ?? 'day' }),
      metric ? 0.85 : 0.7,
    );
  // « podium des leads par campagne », « top 4 dépenses par campagne », "highest cost per order by campaign", "best
  // CPL by campaign": a ranking of the campaigns, not a breakdown.
  const rankedBreakdown =
    metric !== undefined &&
    f.groupBy === 'campaign_name' &&
    (f.count !== undefined || /\b(podium|top|flop)\b/.test(f.text) || f.directionWord !== undefined);
  if ((s.aggregate && !rankedBreakdown) || (f.groupBy && !s.rank && !f.directionWord))
    return call(
      'aggregate_by_dimension',
      withCategory(f, { group_by: f.groupBy ?? 'category' }),
      0.85,
      Boolean(s.aggregate),
    );
  const ranked = s.rank || f.directionWord !== undefined || f.count !== undefined;
  // « combien a-t-on dépensé en influence ? », "what is the ROI of search?": a total, not a ranking.
  if (metric && !ranked && TOTAL.test(f.text))
    return call('aggregate_by_dimension', withCategory(f, { group_by: f.groupBy ?? 'category' }), 0.75);
  // « montre-moi les campagnes » without a KPI or an order: every campaign's figures.
  if (s.list && !metric && !f.directionWord && f.count === undefined)
    return call('aggregate_by_dimension', withCategory(f, { group_by: 'campaign_name' }), 0.75);
  if (ranked || metric) {
    const chosen = metric ?? (f.directionWord === 'cheap' || f.directionWord === 'expensive' ? 'cpl' : 'roi');
    const args = withCategory(f, {
      metric: chosen,
      direction: directionFor(f.directionWord, chosen),
      // « toutes les campagnes », « classement complet »: every campaign.
      limit:
        f.count ??
        (/\b(toutes|tous|all|every|complet\w*|entier\w*|full)\b|\bcroissant\w*|\bdecroissant\w*/.test(
          f.text,
        ) ||
        FROM_END_TO_END.test(f.text) ||
        // (within one channel: the whole channel; across the account a top 5 stays, as the golden plans say)
        (SORT_ALL.test(f.text) && f.category !== undefined)
          ? 50
          : /\bpodium\b/.test(f.text)
            ? 3
            : 5),
    });
    // A ranking without a KPI (« top 5 campagnes ») or a bare metric (« CA ? ») is a guess (0.7): the first is
    // asked back by criterion (criterion.ts), the second offered back as a button.
    return call('rank_campaigns', args, metric && ranked ? 0.9 : 0.7, ranked);
  }
  if (s.describe && !s.help)
    return { plan: plan('kpi_qa', [], 0.6, { clarification: clarificationTextFor(f, '') }), strong: true };
  return undefined;
}

function clarificationTextFor(f: Features, list: string): string {
  return clarificationText('campaign', f.language, list);
}
