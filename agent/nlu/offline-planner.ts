// The offline planner: deterministic, no network, French and English. It reads the question once
// (features.ts), routes it (router.ts) and, in a conversation, turns short follow-ups into the previous call
// with new arguments (follow-ups.ts). Every argument comes from the catalog or a strict extractor.
import type { Plan, PlannedCall, Planner, PlannerInput } from '../../src/analysis/plan.js';
import { planAgainstAccount } from './against-account.js';
import { chooseOption } from './answer-back.js';
import { withCarriedContext } from './carry-context.js';
import { extractFeatures } from './features.js';
import { applyFollowUp, bareChange, simulationOfTheOneShown } from './follow-ups.js';
import { detectLanguage, languageMarkers } from './language.js';
import { withLeader } from './leader-reference.js';
import { contextKind, leavesOutNothing, messageParts, withoutAsides } from './message-focus.js';
import { clarificationText } from './messages.js';
import { BAR, followMetricCall } from './metric-follow-ups.js';
import { readMetricQuestion } from './metric-question.js';
import { findMetrics } from './metrics.js';
import { withOtherPart } from './model-parts.js';
import { normalize, prepare } from './normalize.js';
import { askForPeriod, unreadTimeWords } from './period-guard.js';
import { asMetricCall } from './preset-calls.js';
import { reportedQuestion } from './reported-question.js';
import { route } from './router.js';
import { planForThoseShown, pointsBack } from './set-reference.js';
import { droppedShape } from './shape-guard.js';
import { withSiblingNames } from './sibling-names.js';
import { askSimulationScope, withNamedCategory } from './simulation-scope.js';
import { planTotalOfShown, withTotalPart } from './total-of-shown.js';
import { unexplainedWords } from './unexplained.js';

/** A reading with a word it cannot explain is a guess, whatever its rules said. */
export const UNEXPLAINED_CONFIDENCE = 0.5;
/** « compare avec … », "vs …", « par rapport à … »: a follow-up that adds a side rather than replacing one. */
const COMPARE_WITH =
  /\bcompar\w*|\bvs\b|\bversus\b|\bpar rapport\b|\bagainst\b|\ba cote\b|\bside by side\b|\balongside\b|\ben parallele\b|\b(?:moins|plus|mieux|pire)(?: bien| bon| bonne)? que\b|\bmeilleure?s? que\b|\b(?:better|worse|lower|higher) than\b|\bmieux ou (?:moins bien|pire)\b|\bplus ou moins (?:bien|bon)\b|\bbetter or worse\b|\bworse or better\b/;
/** « et en % ? », "in % pls" after a figure: the same answer (which states the change in percent too). */
const IN_PERCENT =
  /^\s*(?:(?:et|and|ok|so|alors)\s)?(?:(?:ca fait |that's |thats )?(?:combien |how much )?(?:en|in|as a|as) (?:%|pourcentage|percent(?:age)?)|%)\s*(?:pls|please|stp|svp)?\s*[?!.]*\s*$/;
/** « et l'inverse ? », "the other way round?": the same ranking from the other end. */
const REVERSED =
  /^\s*(?:(?:et|and|ok|so|alors)\s)?(?:l'inverse|a l'inverse|dans l'autre sens|l'autre sens|the (?:opposite|reverse|other way round|other end)|(?:reverse|flip|inverse)(?: it| l'ordre| the order| order)?)\s*,?\s*(?:worst first|le pire d'abord|du pire au meilleur)?\s*(?:pls|please|stp|svp)?\s*[?!.]*\s*$/;
const COMPARE_PRONOUN =
  /^\s*(compare[sz]?|comparer)[- ](them|les|those|these|ceux-ci|celles-ci|les deux|both|the two)\s*[?!.]*\s*$/;
/** This many unexplained words make a question off topic rather than a reading to confirm. */
const OFF_TOPIC_WORDS = 3;

export function createOfflinePlanner(): Planner {
  return {
    name: 'offline',
    async plan(input: PlannerInput): Promise<Plan> {
      return planOffline(input);
    },
  };
}

/**
 * The synchronous core (the graph's fast path and the tests call it directly). A reading that leaves a word of the
 * question unexplained says which (`unexplained`) and loses its confidence: the LLM settles it when one is
 * configured, otherwise the bot asks back.
 */
export function planOffline(input: PlannerInput): Plan {
  const plan = planInContext(input);
  // « only social », « ok », "top 3" after an English turn: no French word says to switch.
  const previousLanguage = input.previous?.language;
  if (previousLanguage === 'en' && plan.language === 'fr') {
    const { french } = languageMarkers(normalize(input.text ?? ''));
    if (french === 0) return { ...plan, language: 'en' };
  }
  return plan;
}

function planInContext(input: PlannerInput): Plan {
  // A short reply to our question back (« le CA », "the second one") answers the question that was pending.
  const options = input.previous?.options;
  if (options && options.length > 0) {
    const fresh = (text: string) => planOffline({ text, catalog: input.catalog });
    const chosen = chooseOption(input.text ?? '', options, input.catalog, fresh);
    // The reply's language when it has words enough to tell (« le CA » / "I meant revenue"), else the option's.
    if (chosen) {
      const plan = fresh(chosen);
      const words = normalize(input.text ?? '').split(/\s+/).length;
      return words >= 2 ? { ...plan, language: detectLanguage(normalize(input.text ?? '')) } : plan;
    }
  }
  if (input.previous) {
    // « et leur CPL ? », « elles ont coûté combien au total ? »: over the members just listed.
    const those = planForThoseShown(
      input.text ?? '',
      input.previous,
      detectLanguage(normalize(input.text ?? '')),
    );
    if (those) return those;
    // « et le total ? » after a table: the figures over every row shown.
    const total = planTotalOfShown(
      input.text ?? '',
      input.previous,
      detectLanguage(normalize(input.text ?? '')),
    );
    if (total) return total;
    // « et comparé au CPA moyen du compte ? »: the figure shown beside the account's.
    const against = planAgainstAccount(
      input.text ?? '',
      input.previous,
      detectLanguage(normalize(input.text ?? '')),
    );
    if (against) return against;
    const named = withLeader(input.text ?? '', input.previous.leader);
    input = { ...input, text: withSiblingNames(named, input.previous.calls, input.catalog) };
  }
  // « compare-les », "compare them" with nothing said before: what « them » is cannot be guessed.
  else if (COMPARE_PRONOUN.test(normalize(input.text ?? ''))) {
    const language = /\b(them|those|these|both|the two)\b/.test(normalize(input.text ?? '')) ? 'en' : 'fr';
    return {
      intent: 'kpi_qa',
      language,
      calls: [],
      confidence: 0.6,
      clarification: clarificationText('compareWhat', language),
      options: language === 'en' ? ['ROI by category'] : ['ROI par catégorie'],
    };
  }
  const plan = withCarriedContext(
    withTotalPart(withNamedCategory(planWhole(input), input.text ?? '', input.catalog), input.text ?? ''),
    input.text ?? '',
    input.previous,
  );
  // « et leur budget total ? », "what's their combined spend?" with nothing shown before: whose cannot be guessed.
  if (!input.previous && pointsBack(input.text ?? '', plan)) {
    const language = detectLanguage(normalize(input.text ?? ''));
    return {
      intent: 'kpi_qa',
      language,
      calls: [],
      confidence: 0.6,
      clarification: clarificationText('whichOnes', language),
    };
  }
  const perCampaign = askSimulationScope(plan, input.text ?? '', input.catalog);
  if (perCampaign) return perCampaign;
  // A long polite message (context, the question, thanks): its asking sentences read alone, when the rest is context.
  const asked = planAsked(input, plan);
  if (asked) return asked;

  const unexplained = unexplainedWords(input, plan, planWhole);
  if (unexplained.length > 0 || plan.calls.length === 0) {
    const reported = planReported(input);
    if (reported) return reported;
  }
  if (unexplained.length > 0) {
    const focused = planWithoutAsides(input);
    if (focused) return focused;
  }
  // Most of the question unread (« who won the Champions League game last night? »): not a question about the
  // data, whatever few words the rules found in it.
  if (unexplained.length >= OFF_TOPIC_WORDS || (unexplained.length >= 2 && !anchored(input.text ?? '', plan)))
    return { intent: 'out_of_scope', language: plan.language, calls: [], confidence: 0.3, unexplained };
  // A time named but not read (« le week-end », « KW7 »): a figure for the whole data would be another question's.
  const timeWords = unreadTimeWords(input.text ?? '', plan);
  if (timeWords.length > 0) return askForPeriod(plan, input.text ?? '', timeWords, input.catalog.lastDay);
  // « par canal », « vs » the reading did not carry (shape-guard.ts): asked back like an unexplained word.
  const unread = [...unexplained, ...droppedShape(input.text ?? '', plan)];
  if (unread.length === 0) return plan;
  return { ...plan, confidence: Math.min(plan.confidence, UNEXPLAINED_CONFIDENCE), unexplained: unread };
}

const confidentPlan = (plan: Plan) => plan.calls.length > 0 && !plan.clarification && !plan.unexplained;

/**
 * The message's asking sentences planned alone: that reading when every other sentence is context for it. A context
 * sentence that names a member, figure, number or period the reading does not use (« how well our Facebook
 * retargeting campaign is doing. What's its ROAS? ») leaves the message to be read whole.
 */
function planAsked(input: PlannerInput, whole: Plan): Plan | undefined {
  const parts = messageParts(input.text ?? '', input.catalog);
  if (!parts) return undefined;
  const plan = planInContext({ ...input, text: parts.asks.join(' ') });
  if (!confidentPlan(plan)) return undefined;
  const kinds = parts.context.map((sentence) => contextKind(sentence, plan, input.catalog));
  if (kinds.includes('conflict')) return undefined;
  // A sentence that restates the question (« ma responsable veut nos meilleures campagnes devant le client ») is
  // context when the whole message reads the same.
  const agree = JSON.stringify(plan.calls) === JSON.stringify(whole.calls);
  return kinds.every((kind) => kind === 'context') || agree ? plan : undefined;
}

/** A question passed on (« ma cheffe m'a demandé … »): what was asked, read with the message's asking sentences. */
function planReported(input: PlannerInput): Plan | undefined {
  const reported = reportedQuestion(input.text ?? '');
  if (reported === undefined) return undefined;
  // "The client asked where traffic is cheapest. Which 3 campaigns have the lowest CPC?": the sentences after ask a
  // question of their own, and the passed-on one is context (planAsked) — or another question.
  if (reported.after.length > 0 && confidentPlan(planInContext({ ...input, text: reported.after.join(' ') })))
    return undefined;
  const plan = planInContext({ ...input, text: reported.question });
  if (!confidentPlan(plan)) return undefined;
  return reported.dropped.every((words) => leavesOutNothing(words, plan, input.catalog)) ? plan : undefined;
}

/** Within a sentence, its asides taken out (« for my manager's budget meeting, which campaign … »). */
function planWithoutAsides(input: PlannerInput): Plan | undefined {
  const rest = withoutAsides(input.text ?? '', input.catalog);
  if (rest === undefined) return undefined;
  const plan = planInContext({ ...input, text: rest });
  return confidentPlan(plan) ? plan : undefined;
}

/**
 * A reading anchored in the data: a metric, a campaign, a category or a period named. « how much is a Semrush
 * licence per month? » has none (only « per month »): two words unread there make it off topic.
 */
function anchored(text: string, plan: Plan): boolean {
  if (findMetrics(prepare(text), text).length > 0) return true;
  return plan.calls.some((call) =>
    ['campaign_name', 'campaigns', 'category', 'categories', 'name_prefix', 'date_from', 'date_to'].some(
      (key) => call.args[key] !== undefined && call.args[key] !== 'all',
    ),
  );
}

/** The message read once, a figure part asked beside a simulation included. */
function planWhole(input: PlannerInput): Plan {
  return withOtherPart(input, planOnce(input), (part) => planOnce({ ...part, previous: undefined }));
}

/**
 * The previous figure and the follow-up's side by side; the same figure over another period is one call compared
 * to it (« c'est moins bien que la semaine d'avant ? »), so a « pourquoi ? » after it explains that change.
 */
function sideBySideCalls(previous: PlannedCall, next: PlannedCall): PlannedCall[] {
  // « et comparé aux 7 jours précédents ? »: the follow-up is the comparison already.
  if (next.args.compare_to && !previous.args.compare_to) return [next];
  const { date_from: from, date_to: to, ...rest } = next.args;
  const { date_from: prevFrom, date_to: prevTo, ...prevRest } = previous.args;
  const samePeriodless = JSON.stringify(rest) === JSON.stringify(prevRest);
  // « compare-le à celui du social, mais sur les 7 derniers jours »: another side, both over the period named.
  if (
    !samePeriodless &&
    next.tool === 'query_metrics' &&
    previous.tool === 'query_metrics' &&
    from &&
    to &&
    (from !== prevFrom || to !== prevTo) &&
    !previous.args.compare_to
  )
    return [{ ...previous, args: { ...previous.args, date_from: from, date_to: to } }, next];
  if (next.tool !== 'query_metrics' || previous.tool !== 'query_metrics' || !samePeriodless || !from || !to)
    return [previous, next];
  if (!prevFrom || !prevTo || previous.args.compare_to) return [previous, next];
  const [later, earlier] = String(from) > String(prevFrom) ? [next, previous] : [previous, next];
  return [
    {
      tool: 'query_metrics',
      args: {
        ...later.args,
        compare_to: { date_from: earlier.args.date_from, date_to: earlier.args.date_to },
      },
    },
  ];
}

const SCOPE_KEYS = ['campaigns', 'campaign_name', 'categories', 'category', 'name_prefix'];
const scoped = (call: PlannedCall | undefined) =>
  SCOPE_KEYS.some((key) => call?.args[key] !== undefined && call.args[key] !== 'all');

/** The shape of a metric query: its tool, what it groups by, and whether it keeps members past a bound. */
const shapeOf = (call: PlannedCall | undefined) =>
  JSON.stringify([call?.tool, call?.args.group_by ?? [], call?.args.thresholds !== undefined]);

/**
 * A follow-up that is a whole question by itself — strongly read, a metric named, one ranking or one metric query
 * grouped by members or past a bound — when following the previous call gives another shape: the fresh reading.
 */
function wholeQuestion(
  fresh: { plan: Plan; strong: boolean },
  namesMetric: boolean,
  followed: PlannedCall | undefined,
): Plan | undefined {
  const [call, ...others] = fresh.plan.calls;
  if (!fresh.strong || !namesMetric || !call || others.length > 0) return undefined;
  if (fresh.plan.confidence < 0.8 || fresh.plan.clarification) return undefined;
  const structured =
    call.tool === 'rank_campaigns' ||
    (call.tool === 'query_metrics' &&
      ((Array.isArray(call.args.group_by) && call.args.group_by.length > 0) || call.args.thresholds));
  // (A « pourquoi » followed up stays one: « et le CPA par canal ? » after why the CPA rose is that change by channel.)
  if (!structured || followed?.tool === 'explain_change' || shapeOf(call) === shapeOf(followed))
    return undefined;
  // Whose figures stays the conversation's unless the question names its own (« roi de facebook ? » then « et le
  // classement par CPA ? » ranks facebook's campaigns).
  if (scoped(followed) && !scoped(call)) return undefined;
  // The period shown stays when the question names none (« et par canal, lesquels … ? » after last week's figure).
  const period =
    call.args.date_from === undefined && followed?.args.date_from !== undefined
      ? { date_from: followed.args.date_from, date_to: followed.args.date_to }
      : {};
  return { ...fresh.plan, calls: [{ ...call, args: { ...call.args, ...period } }] };
}

/** The previous calls answered again (« et en % ? »), or from the other end (« et l'inverse ? »). */
function restated(text: string, previous: readonly PlannedCall[]): PlannedCall[] | undefined {
  if (IN_PERCENT.test(text) && previous.every((call) => call.tool === 'query_metrics')) return [...previous];
  if (!REVERSED.test(text)) return undefined;
  const flipped = previous.map((call): PlannedCall | undefined => {
    if (call.tool === 'rank_campaigns')
      return {
        ...call,
        args: { ...call.args, direction: call.args.direction === 'bottom' ? 'top' : 'bottom' },
      };
    if (call.tool === 'query_metrics' && call.args.order_by)
      return { ...call, args: { ...call.args, order: call.args.order === 'asc' ? 'desc' : 'asc' } };
    return undefined;
  });
  return flipped.every((call) => call !== undefined) ? (flipped as PlannedCall[]) : undefined;
}

function planOnce(input: PlannerInput): Plan {
  const read = extractFeatures(input.text ?? '', input.catalog);
  const previousSimulation = input.previous?.calls[0];
  const bare =
    read.percent === undefined && previousSimulation ? bareChange(read.text, previousSimulation) : undefined;
  const features = bare === undefined ? read : { ...read, percent: bare };
  const fresh = route(features, () => readMetricQuestion(input.text ?? '', input.catalog, features.language));
  const previousCall = input.previous?.calls[0];
  const again = input.previous ? restated(features.text, input.previous.calls) : undefined;
  if (again && input.previous)
    return { intent: input.previous.intent, language: features.language, calls: again, confidence: 0.85 };
  // A figure question followed up (« et pour instagram_tier1 ? », « et par canal ? ») keeps its call.
  // A fresh reading that is only a guess (« trie du pire au meilleur »: a ranking by a default figure) defers to it too.
  const guess = fresh.plan.confidence < UNEXPLAINED_CONFIDENCE + 0.25;
  // « compare avec google_wide » after a figure: the same figure for another side, whatever the fresh reading says.
  const addsSide =
    COMPARE_WITH.test(features.text) &&
    previousCall?.tool === 'query_metrics' &&
    features.metrics.length === 0;
  // « détaille par campagne », "break it down by campaign" after a figure: that figure split, not every measure over
  // the whole data (the fresh reading of the words alone).
  const regroups =
    (previousCall?.tool === 'query_metrics' || previousCall?.tool === 'explain_change') &&
    fresh.plan.calls[0]?.tool === 'aggregate_by_dimension' &&
    features.metrics.length === 0 &&
    !features.dates &&
    !features.category &&
    !features.campaign.name;
  // « et si on augmente le budget de 20 % ? » after a figure: a simulation of its own, not that figure again.
  const freshModel =
    fresh.strong &&
    ['simulate_budget', 'predict_revenue', 'segment_campaigns'].includes(fresh.plan.calls[0]?.tool ?? '') &&
    fresh.plan.calls[0]?.tool !== previousCall?.tool &&
    // (« et si je monte la barre à 6000 ? » moves a bound: metric-follow-ups.ts reads it.)
    !BAR.test(features.text);
  if (
    input.previous &&
    previousCall &&
    !features.empty &&
    !freshModel &&
    (features.signals.followUp || !fresh.strong || guess || addsSide || regroups)
  ) {
    // A comparison (one call per side) follows up as a whole: « et sur le CTR ? » changes every side.
    const calls = input.previous.calls.map((call) => {
      const direct = followMetricCall(call, input.text ?? '', input.catalog);
      if (direct || call.tool === 'query_metrics' || call.tool === 'explain_change') return direct;
      // A preset the follow-up can change itself stays a preset (below); what it cannot show (another metric,
      // the next week) becomes the same question as a metric query.
      // (Not a ranking of a breakdown, « et les 2 pires ? »: the preset cannot rank, the metric query can.)
      const ranksBreakdown =
        call.tool === 'aggregate_by_dimension' &&
        (features.directionWord !== undefined || features.count !== undefined);
      if (applyFollowUp(call, features, input.catalog.lastDay) && !ranksBreakdown) return undefined;
      const asQuery = asMetricCall(call);
      return asQuery ? followMetricCall(asQuery, input.text ?? '', input.catalog) : undefined;
    });
    // « et quelles campagnes social ont un CTR < 0,5 % ? » after social's CTR: a whole question of another shape (by
    // campaign, past a bound), read fresh, not the figure shown moved to a new bound.
    // (A preset the follow-up changes itself, « le même classement pour les commandes », is compared as it was shown.)
    const whole = wholeQuestion(fresh, features.metrics.length > 0, calls[0] ?? previousCall);
    if (whole) return whole;
    if (calls.length > 0 && calls.every((call) => call !== undefined)) {
      // « compare avec google_wide » after one campaign's figure: both side by side, not the new one instead.
      const sideBySide =
        COMPARE_WITH.test(features.text) &&
        input.previous.calls.length === 1 &&
        calls.length === 1 &&
        JSON.stringify(calls[0]) !== JSON.stringify(previousCall);
      return {
        intent:
          calls[0]!.tool === previousCall.tool || calls[0]!.tool === 'query_metrics'
            ? input.previous.intent
            : 'diagnostic',
        language: features.language,
        calls: sideBySide ? sideBySideCalls(previousCall, calls[0]!) : (calls as PlannedCall[]),
        confidence: 0.85,
      };
    }
  }
  if (input.previous && previousCall && !features.empty) {
    const sameTool = fresh.plan.calls[0]?.tool === previousCall.tool;
    // « et avec une baisse de 10 % plutôt ? » after a simulation: a new percentage for the same simulation, even
    // though « baisse » / "cut" alone would read as the loss-makers.
    const newPercent =
      previousCall.tool === 'simulate_budget' && features.signals.followUp && features.percent !== undefined;
    // A weak reading defers to the conversation; a strong one only when it is the same tool again.
    // (A guess — « trie du pire au meilleur », « que les 3 premières »: a ranking by a default figure — defers too.)
    if (!fresh.strong || guess || (features.signals.followUp && sameTool) || newPercent) {
      const call = applyFollowUp(previousCall, features, input.catalog.lastDay);
      if (call) {
        return {
          intent: input.previous.intent,
          language: features.language,
          calls: [call],
          confidence: 0.85,
        };
      }
    }
  }
  const first = fresh.plan.calls[0];
  if (first && previousCall && fresh.plan.calls.length === 1) {
    const scoped = simulationOfTheOneShown(first, previousCall, features.text, {
      catalog: input.catalog,
      leader: input.previous?.leader,
    });
    if (scoped !== first) return { ...fresh.plan, calls: [scoped] };
  }
  return fresh.plan;
}
