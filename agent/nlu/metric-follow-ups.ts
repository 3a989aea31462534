// Follow-ups on a figure question: « et pour instagram_tier1 ? », « et la semaine dernière ? », « et par canal ? »,
// « et le CPA ? » keep the previous query_metrics / explain_change call and change only what the new words name.
// The preset diagnostic asked again « par canal » becomes the same condition on channels.
import type { PlannedCall } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Metric } from '../../src/core/metrics.js';
import { weekdayOf } from './calendar.js';
import { before, orderFor, type Period, parse, scopeArgs, shift } from './figure-parse.js';
import { WHY } from './figure-words.js';
import { findDirectionWord } from './metrics.js';
import { PREVIOUS, stepOf, steppedPeriod } from './period-step.js';
import { findThresholds, type Threshold } from './thresholds.js';

const PER_CATEGORY =
  /\b(par|by|per|pour chaque|chaque|au niveau des|cote|niveau|selon) (canal|canaux|channels?|categories?|categorie|category|leviers?)\b|\b(canaux|channels|categories|leviers)\b/;
const PER_CAMPAIGN = /\b(par|by|per|au niveau des|cote) (campagne|campaign)s?\b/;
/** « et tous canaux confondus ? », "and overall?" after one campaign or channel: the whole account, no filter. */
const WHOLE_ACCOUNT =
  /\b(tou(?:te)?s (?:les |nos )?(?:canaux|campagnes|categories|leviers) confondu(?:e)?s|(?:all|every) (?:channels?|campaigns?|categories)(?: combined| together)?|across (?:all|every) (?:channels?|campaigns?)|au global|overall|(?:pour|sur) (?:l'ensemble|tout) (?:du|le) compte|account[- ]wide)\b/;
const ONE_CAMPAIGN = /\b(quelle|quel|which|la|the|what)\s(?:\w+\s){0,2}(campagne|campaign)\b(?!s)/;
const SOME_CAMPAIGNS = /\b(quelles|which|les|the)\s(?:\w+\s){0,2}(campagnes|campaigns)\b/;
const PER_TIME =
  /\b(par|by|per|chaque|each) (semaine|week|jour|day)s?\b|\bweekly\b|\bdaily\b|\bhebdo\w*|\bquotidien\w*|\bjour par jour\b|\bsemaine par semaine\b|\bday by day\b|\bweek by week\b/;

/** « la barre », « le seuil », "the threshold": the bound of a condition already asked (offline-planner.ts too). */
export const BAR =
  /\b(?:la barre|le seuil|the (?:bar|threshold|cutoff)|la limite)\b(?:\s(?:a|au|at|to|de|of|sur))?\s*/;

type Args = Record<string, unknown>;

/** « et combien nous a coûté chacun d'eux ? », "what did each one cost?": the cost of one unit counted. */
const EACH_COST =
  /\b(?:cout\w*|cost\w*|pay\w*|pai\w*|revien\w*)\b.*\b(?:chacun\w*|each(?: one)?|apiece|l'unite|piece|par tete)\b|\b(?:chacun\w*|each(?: one)?)\b.*\b(?:cout\w*|cost\w*|revien\w*)\b/;
const COST_OF_UNIT: Partial<Record<Metric, Metric>> = {
  leads: 'cpl',
  orders: 'cpa',
  clicks: 'cpc',
  impressions: 'cpm',
};

/** The previous count's cost per unit, when the follow-up asks what each one cost. */
function costOfEach(previous: PlannedCall, text: string): PlannedCall | undefined {
  if (previous.tool !== 'query_metrics' || !EACH_COST.test(text)) return undefined;
  const metrics = Array.isArray(previous.args.metrics) ? (previous.args.metrics as Metric[]) : [];
  const costs = metrics.map((metric) => COST_OF_UNIT[metric]).filter((metric) => metric !== undefined);
  if (metrics.length !== 1 || costs.length !== 1) return undefined;
  return { tool: 'query_metrics', args: { ...previous.args, metrics: costs } };
}

/** The campaigns a call's filters hold (campaigns, categories, name prefix); undefined when it has none. */
function membersOf(args: Args, catalog: Catalog): string[] | undefined {
  const campaigns = Array.isArray(args.campaigns) ? (args.campaigns as string[]) : undefined;
  const categories = Array.isArray(args.categories) ? (args.categories as string[]) : undefined;
  const prefix = typeof args.name_prefix === 'string' ? args.name_prefix.toLowerCase() : undefined;
  if (!campaigns && !categories && !prefix) return undefined;
  return catalog.campaigns
    .filter(
      (campaign) =>
        (!campaigns || campaigns.includes(campaign.campaignName)) &&
        (!categories || categories.includes(campaign.category)) &&
        (!prefix || campaign.campaignName.toLowerCase().startsWith(prefix)),
    )
    .map((campaign) => campaign.campaignName);
}

/** The previous members an exclusion leaves, when it leaves some but not all of them. */
function narrowedMembers(previous: Args, fresh: Args, catalog: Catalog): string[] | undefined {
  const before = membersOf(previous, catalog);
  const kept = membersOf(fresh, catalog);
  if (!before || !kept) return undefined;
  const left = before.filter((name) => kept.includes(name));
  return left.length > 0 && left.length < before.length ? left : undefined;
}

/** The previous figure call with what the follow-up names replaced; undefined when it names nothing usable. */
export function followMetricCall(
  previous: PlannedCall,
  question: string,
  catalog: Catalog,
): PlannedCall | undefined {
  const p = parse(question, catalog);
  // « et les deux ensemble ? » after one campaign: the two are in the conversation, not in this call; reading « deux »
  // as a limit would answer for one campaign again.
  const members = [previous.args.campaigns, previous.args.categories].flat().filter(Boolean).length;
  if (
    /\b(tous les deux|toutes les deux|both|ensemble|together)\b|\bles (deux|2)\s*\??\s*$/.test(p.text) &&
    members <= 1
  )
    return undefined;
  const named = p.scope.campaigns.length + p.scope.prefixes.length + p.scope.categories.length > 0;
  const whole = !named && WHOLE_ACCOUNT.test(p.text) && previous.tool === 'query_metrics';
  const byCategory = !whole && PER_CATEGORY.test(p.text) && p.scope.categories.length === 0;
  // « et par canal ? », « lesquelles sont sur facebook ? » after the loss-makers: the same condition, regrouped or
  // narrowed to the names given.
  // (One category stays the preset's own filter: « et pour search ? ».)
  const beyondPreset =
    p.scope.campaigns.length + p.scope.prefixes.length > 0 || p.scope.categories.length > 1;
  if (previous.tool === 'get_underperforming_campaigns' && (byCategory || beyondPreset)) {
    const threshold = typeof previous.args.roi_threshold === 'number' ? previous.args.roi_threshold : 0;
    return {
      tool: 'query_metrics',
      args: {
        metrics: ['roi', 'mark_spent', 'revenue'],
        group_by: [byCategory ? 'category' : 'campaign_name'],
        ...(beyondPreset ? scopeArgs(p.scope) : {}),
        thresholds: [{ metric: 'roi', op: '<', value: threshold }],
        order_by: 'roi',
        order: 'asc',
        limit: 100,
        ...pick(previous.args, ['date_from', 'date_to']),
      },
    };
  }
  if (previous.tool !== 'query_metrics' && previous.tool !== 'explain_change') return undefined;
  const each = costOfEach(previous, p.text);
  if (each) return each;
  const why = explainComparison(previous, p.text, byCategory, catalog.lastDay);
  if (why) return why;
  const args: Args = { ...previous.args };
  let changed = false;
  if (whole) {
    for (const key of [
      'campaigns',
      'categories',
      'name_prefix',
      'group_by',
      'order_by',
      'limit',
      'thresholds',
    ])
      delete args[key];
    changed = true;
  }
  if (named) {
    // « hors influence ? » after instagram: instagram's campaigns but the influencer one, not every other category.
    const narrowed = p.scope.excluded
      ? narrowedMembers(previous.args, scopeArgs(p.scope), catalog)
      : undefined;
    delete args.campaigns;
    delete args.categories;
    delete args.name_prefix;
    Object.assign(args, narrowed ? { campaigns: narrowed } : scopeArgs(p.scope));
    // « juste google_hot » after a figure per campaign: that campaign's figures, no longer a table of one row.
    const oneCampaign = p.scope.campaigns.length === 1 && p.scope.prefixes.length === 0;
    if (oneCampaign && Array.isArray(args.group_by) && args.group_by[0] === 'campaign_name') {
      for (const key of ['group_by', 'order_by', 'order', 'limit', 'totals', 'thresholds']) delete args[key];
    }
    changed = true;
  }
  // « semaine dernière vs celle d'avant ? » after a figure: the same figure over the later period, compared.
  const [earlier, later] = p.two ?? [];
  // (Both named: « compare avec la semaine d'avant » alone is the week before the one shown, below.)
  const twoPeriods =
    previous.tool === 'query_metrics' && p.period?.date_from && earlier?.date_from && later?.date_from;
  if (twoPeriods) {
    args.date_from = later.date_from;
    args.date_to = later.date_to;
    args.compare_to = { date_from: earlier.date_from, date_to: earlier.date_to };
    changed = true;
  }
  // « et comparé aux 7 jours précédents ? »: the period before the one shown, beside it.
  const comparedBefore =
    !twoPeriods &&
    stepOf(p.text) === -1 &&
    /\bcompar\w*|\bvs\b|\bversus\b|\bpar rapport\b|\bagainst\b/.test(p.text) &&
    previous.tool === 'query_metrics' &&
    !args.compare_to &&
    typeof args.date_from === 'string' &&
    typeof args.date_to === 'string';
  const stepped = steppedPeriod(p.text, args, catalog.lastDay);
  if (comparedBefore) {
    const [from, to] = [String(args.date_from), String(args.date_to)];
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    args.compare_to = { date_from: shift(from, -days), date_to: shift(from, -1) };
    changed = true;
  } else if (twoPeriods) {
    // (set above)
  } else if (otherDay(p.text, args)) {
    // « et jeudi ? » after Wednesday the 10th: the Thursday of that week, not the data's last Thursday.
    const day = otherDay(p.text, args)!;
    args.date_from = day;
    args.date_to = day;
    changed = true;
  } else if (stepped) {
    // « et la semaine suivante ? », "and the week before?": the previous period moved by its own length.
    Object.assign(args, stepped);
    changed = true;
  } else if (p.period?.date_from && p.period.date_to) {
    if (previous.tool === 'explain_change') {
      const days =
        Math.round((Date.parse(p.period.date_to) - Date.parse(p.period.date_from)) / 86_400_000) + 1;
      args.after = { date_from: p.period.date_from, date_to: p.period.date_to };
      args.before = { date_from: shift(p.period.date_from, -days), date_to: shift(p.period.date_from, -1) };
    } else {
      args.date_from = p.period.date_from;
      args.date_to = p.period.date_to;
    }
    changed = true;
  }
  const metric = p.metrics[0];
  if (metric) {
    if (previous.tool === 'explain_change') args.metric = metric;
    else {
      const before = Array.isArray(args.metrics) ? (args.metrics as string[]) : [];
      if (args.order_by === before[0]) args.order_by = metric;
      args.metrics = [...new Set([...p.metrics, ...before.slice(1)])].slice(0, 6);
    }
    changed = true;
  }
  if (previous.tool === 'query_metrics' && (byCategory || PER_CAMPAIGN.test(p.text))) {
    args.group_by = [byCategory ? 'category' : 'campaign_name'];
    changed = true;
  }
  // « et dans social, quelle campagne est la pire ? » after the worst channel: campaigns now, one (or a few) of them.
  const campaignObject = ONE_CAMPAIGN.test(p.text) ? 1 : SOME_CAMPAIGNS.test(p.text) ? 5 : undefined;
  const byChannel = Array.isArray(args.group_by) && args.group_by[0] === 'category';
  if (previous.tool === 'query_metrics' && byChannel && campaignObject && !byCategory) {
    args.group_by = ['campaign_name'];
    args.limit = p.count ?? campaignObject;
    changed = true;
  }
  // « et le meilleur CPL, c'est quelle campagne ? », « et quelles campagnes ont le CPL le plus bas ? » after the
  // account's figure: the campaigns ranked by it.
  const direction = findDirectionWord(p.text);
  if (previous.tool === 'query_metrics' && !args.group_by && !args.grain && campaignObject && direction) {
    const by = (p.metrics[0] ??
      (Array.isArray(args.metrics) ? (args.metrics as Metric[])[0] : 'roi')) as Metric;
    args.group_by = ['campaign_name'];
    args.order_by = by;
    args.order = orderFor(p.text, by);
    args.limit = p.count ?? campaignObject;
    changed = true;
  }
  // « détaille par semaine », "split it by day": the same figure over time.
  const grain = PER_TIME.exec(p.text);
  if (previous.tool === 'query_metrics' && grain) {
    args.grain = /jour|day|quotidien|daily/.test(grain[0]) ? 'day' : 'week';
    delete args.group_by;
    changed = true;
  }
  if (previous.tool === 'explain_change' && byCategory) {
    args.by = 'category';
    changed = true;
  }
  // « et sous 0,4 % ? » after a condition: the same metric, the new bound.
  const previousThresholds = Array.isArray(args.thresholds) ? (args.thresholds as Threshold[]) : [];
  if (previousThresholds.length > 0 && p.thresholds.length === 0) {
    const again = findThresholds(p.text, [{ metric: previousThresholds[0]!.metric, at: 0, end: 0 }]);
    // « et si je monte la barre à 6'000 ? », "move the threshold to 6000": the same comparison, the new value.
    const bar = BAR.exec(p.text);
    if (again.length === 0 && bar && previousThresholds.length === 1) {
      const { op, metric } = previousThresholds[0]!;
      again.push(
        ...findThresholds(`${op} ${p.text.slice(bar.index + bar[0].length)}`, [{ metric, at: 0, end: 0 }]),
      );
    }
    if (again.length > 0) {
      args.thresholds = again;
      args.order = again[0]!.op.startsWith('<') ? 'asc' : 'desc';
      changed = true;
    }
  } else if (p.thresholds.length > 0 && previous.tool === 'query_metrics') {
    args.thresholds = p.thresholds;
    changed = true;
  } else if (previous.tool === 'query_metrics' && Array.isArray(args.metrics) && args.group_by) {
    // « lesquelles sont sous 0,5 % ? » after « CTR par campagne »: a bound on the figure already shown.
    const shown = (args.metrics as Metric[])[0]!;
    const bound = findThresholds(p.text, [{ metric: shown, at: 0, end: 0 }]);
    if (bound.length > 0) {
      args.thresholds = bound;
      args.order_by = shown;
      args.order = bound[0]!.op.startsWith('<') ? 'asc' : 'desc';
      args.limit = 100;
      changed = true;
    }
  }
  // « trie du pire au meilleur », « et les 3 meilleurs ? »: the same figures in the order asked.
  const sortWords = /\btri\w*|\bsort\w*|\bclass\w*|\bordre\b|\border\b/;
  if (
    previous.tool === 'query_metrics' &&
    Array.isArray(args.metrics) &&
    args.group_by &&
    (findDirectionWord(p.text) !== undefined || sortWords.test(p.text))
  ) {
    const by = (typeof args.order_by === 'string' ? args.order_by : (args.metrics as string[])[0]) as Metric;
    const order = orderFor(p.text, by);
    if (order !== args.order || args.order_by !== by) {
      args.order_by = by;
      args.order = order;
      changed = true;
    }
  }
  if (p.count !== undefined && previous.tool === 'query_metrics') {
    args.limit = p.count;
    changed = true;
  }
  return changed ? { tool: previous.tool, args } : undefined;
}

/**
 * « pourquoi ? », « qu'est-ce qui explique cet écart, campagne par campagne ? » after a figure compared over two
 * periods: the change between them, decomposed (explain_change), not the same comparison again. A bare « pourquoi ? »
 * after one figure: its change from the period before (of the same length; the last 7 days when the figure was over
 * the whole data, as « pourquoi le CPA a grimpé ? » reads), stated in the answer.
 */
function explainComparison(
  previous: PlannedCall,
  text: string,
  byCategory: boolean,
  lastDay: string | null,
): PlannedCall | undefined {
  const metrics = previous.args.metrics;
  if (previous.tool !== 'query_metrics' || !Array.isArray(metrics) || previous.args.group_by)
    return undefined;
  const other = previous.args.compare_to as { date_from?: string; date_to?: string } | undefined;
  let periods: [Period, Period] | undefined;
  if (other?.date_from && other.date_to) {
    if (!WHY.test(text) && !/\becart\b|\bdifference\b|\bgap\b/.test(text)) return undefined;
    const main = { date_from: String(previous.args.date_from), date_to: String(previous.args.date_to) };
    periods = other.date_from <= main.date_from ? [other, main] : [main, other];
  } else if (BARE_WHY.test(text) || (WHY.test(text) && PREVIOUS.test(text))) {
    // (« pourquoi c'est si bas comparé à la semaine d'avant ? »: why the period shown differs from the one before.)
    const shown =
      typeof previous.args.date_from === 'string' && typeof previous.args.date_to === 'string'
        ? { date_from: previous.args.date_from, date_to: previous.args.date_to }
        : lastDay
          ? { date_from: shift(lastDay, -6), date_to: lastDay }
          : undefined;
    if (!shown) return undefined;
    periods = [before(shown), shown];
  }
  if (!periods) return undefined;
  const [from, to] = periods;
  return {
    tool: 'explain_change',
    args: {
      metric: metrics[0],
      by: byCategory ? 'category' : 'campaign_name',
      before: { date_from: from.date_from, date_to: from.date_to },
      after: { date_from: to.date_from, date_to: to.date_to },
      ...pick(previous.args, ['campaigns', 'categories', 'name_prefix']),
    },
  };
}

/** « pourquoi ? », "why?", « et pourquoi ça ? »: the question is the figure just shown. */
const BARE_WHY =
  /^\s*(et |and |mais |but )?(pourquoi|why|how come|comment ca se fait)( ca| that| so| donc)?\s*[?!.]*\s*$/;

const WEEKDAYS: Record<string, number> = {
  lundi: 0, mardi: 1, mercredi: 2, jeudi: 3, vendredi: 4, samedi: 5, dimanche: 6,
  monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6,
}; // biome-ignore format: a table

/** A weekday alone (« et jeudi ? ») after one day: that weekday in the same week; undefined otherwise. */
function otherDay(text: string, args: Args): string | undefined {
  const from = args.date_from;
  if (typeof from !== 'string' || from !== args.date_to) return undefined;
  const named =
    /^\s*(?:(?:et|and|what about|how about)\s)?(?:le |on )?(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*[?!.]*\s*$/.exec(
      text,
    );
  if (!named) return undefined;
  return shift(from, WEEKDAYS[named[1]!]! - weekdayOf(from));
}

function pick(args: Args, keys: string[]): Args {
  return Object.fromEntries(keys.filter((key) => args[key] !== undefined).map((key) => [key, args[key]]));
}
