// What a follow-up takes from the turn before when it says so: « sur la même période », "over the same dates" (the
// previous period), "what's its CPC in wk2?" after one campaign's figures (that campaign), "can you break that down
// by campaign?" after a channel's figure (that channel and its period). A reading that names its own period or scope
// keeps it; only what the words point back to is carried.
import type { Plan, PlannedCall, PreviousTurn } from '../../src/analysis/plan.js';
import { normalize } from './normalize.js';

const SAME_PERIOD =
  /\b(?:la meme periode|les memes dates|les memes jours|la meme semaine|(?:the )?same (?:period|dates|days|week|timeframe|window|time frame)|cette periode|cette meme periode|that period|those dates|these dates|this period)\b/;
const ITS_SCOPE =
  /\b(?:its|on it|for it|of it|with it|on that|for that|that campaign|this campaign|that one|cette campagne|celle-ci|celle-la|sur elle)\b/;
const THAT_BROKEN_DOWN =
  /\b(?:break|split|broken|group|grouped|regroup)\s(?:that|this|it|those)\s(?:down\s)?(?:by|per|into)\b|\b(?:detaill?e|decompose|ventile|eclate)[sz]?[- ](?:ca|cela|le|la|les)\s(?:par)\b|\b(?:ca|cela)\s(?:par|by)\s(?:campagne|campaign|jour|day|semaine|week)\b/;

/** "Which one spent the most?" after a table: one of the rows just shown, over their period. */
const ONE_OF_THOSE =
  /\b(?:which one|which of (?:them|those|these)|lequel|laquelle|lesquel\w*|celle qui|celui qui)\b/;
/** « et le CPC en semaine 2 ? », "and the cpc for week 2" after one campaign's trend: still that campaign. */
const GOES_ON = /^(?:(?:ok|okay|merci|thanks|thx|super|parfait|great|cool|top)\b[\s,.!]*)*(?:et|and)\b/;
const ACCOUNT_WIDE =
  /\b(?:total|tota?ux|global\w*|overall|au global|en tout|toutes? les campagnes|tous les canaux|all (?:the )?(?:campaigns|channels)|account|compte|ensemble|every|chaque|each|par (?:canal|campagne|categorie)|by (?:channel|campaign|category)|campagnes|campaigns|canaux|channels)\b/;

const DATED_TOOLS = new Set([
  'query_metrics',
  'rank_campaigns',
  'aggregate_by_dimension',
  'describe_campaign',
  'kpi_trend',
  'get_underperforming_campaigns',
]);
const SCOPE_KEYS = ['campaigns', 'campaign_name', 'categories', 'category', 'name_prefix'];

const hasPeriod = (call: PlannedCall) => call.args.date_from !== undefined || call.args.date_to !== undefined;
const hasScope = (call: PlannedCall) =>
  SCOPE_KEYS.some((key) => call.args[key] !== undefined && call.args[key] !== 'all');

/** The one member the previous turn was about under a list key or a single key (campaigns / campaign_name,
 * categories / category), if it was about exactly one. */
function theOnly(previous: PreviousTurn, listKey: string, singleKey: string): string | undefined {
  const names = new Set(
    previous.calls.flatMap(({ args }) => [
      ...(Array.isArray(args[listKey]) ? (args[listKey] as string[]) : []),
      ...(typeof args[singleKey] === 'string' && args[singleKey] !== 'all'
        ? [args[singleKey] as string]
        : []),
    ]),
  );
  return names.size === 1 ? [...names][0] : undefined;
}

function withCampaign(call: PlannedCall, name: string): PlannedCall {
  if (call.tool === 'query_metrics') return { ...call, args: { ...call.args, campaigns: [name] } };
  if (call.tool === 'describe_campaign' || call.tool === 'kpi_trend')
    return { ...call, args: { ...call.args, campaign_name: name } };
  return call;
}

function withCategory(call: PlannedCall, name: string): PlannedCall {
  if (call.tool === 'query_metrics') return { ...call, args: { ...call.args, categories: [name] } };
  if (
    ['rank_campaigns', 'aggregate_by_dimension', 'kpi_trend', 'get_underperforming_campaigns'].includes(
      call.tool,
    )
  )
    return { ...call, args: { ...call.args, category: name } };
  return call;
}

export function withCarriedContext(plan: Plan, text: string, previous: PreviousTurn | undefined): Plan {
  if (!previous || plan.calls.length === 0 || plan.clarification) return plan;
  const normalized = normalize(text);
  const period = previous.calls.find(hasPeriod)?.args;
  const broken = THAT_BROKEN_DOWN.test(normalized);
  let calls = plan.calls;
  if (period && (SAME_PERIOD.test(normalized) || broken || ONE_OF_THOSE.test(normalized)))
    calls = calls.map((call) =>
      DATED_TOOLS.has(call.tool) && !hasPeriod(call)
        ? { ...call, args: { ...call.args, date_from: period.date_from, date_to: period.date_to } }
        : call,
    );
  const campaign = theOnly(previous, 'campaigns', 'campaign_name');
  const goesOn = GOES_ON.test(normalized) && !ACCOUNT_WIDE.test(normalized);
  if (campaign && (ITS_SCOPE.test(normalized) || goesOn))
    calls = calls.map((call) => (hasScope(call) ? call : withCampaign(call, campaign)));
  const category = theOnly(previous, 'categories', 'category');
  if (category && broken) calls = calls.map((call) => (hasScope(call) ? call : withCategory(call, category)));
  return calls === plan.calls ? plan : { ...plan, calls };
}
