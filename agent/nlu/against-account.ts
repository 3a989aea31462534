// « c'est beaucoup par rapport à la moyenne ? », "how does that compare with the account average?" after one
// campaign's (or channel's) figure: that figure beside the same figure for every campaign — the account's average is
// the ratio over all of them (ratio of sums), the reference a marketer compares a member with.
import type { Plan, PlannedCall, PreviousTurn } from '../../src/analysis/plan.js';
import type { Language } from '../../src/core/answer.js';
import { normalize } from './normalize.js';

const AGAINST =
  /\bcompar\w*|\bpar rapport\b|\bvs\.?\b|\bversus\b|\bagainst\b|\brelative to\b|\bbeaucoup\b|\bpeu\b|\ba lot\b|\bhigh\b|\blow\b|\belev\w*|\bnormal\b/;
const ACCOUNT =
  /\b(?:la |the |l')?moyenne\b|\b(?:cpa|cpl|cpc|cpm|ctr|roi|roas|taux|cout) moyen\b|\baverage\b|\bdu compte\b|\b(?:the |whole |entire )?account\b|\bl'ensemble\b|\btout le reste\b|\ble reste\b|\bthe rest\b|\ball (?:the |our )?campaigns\b|\btoutes (?:les|nos) campagnes\b|\bglobal\w*|\boverall\b/;
const SCOPE_KEYS = ['campaigns', 'categories', 'name_prefix'] as const;

/** The previous one-scope figure beside the account's; undefined when the question is not that. */
export function planAgainstAccount(
  text: string,
  previous: PreviousTurn,
  language: Language,
): Plan | undefined {
  const normalized = normalize(text);
  const [call] = previous.calls;
  if (previous.calls.length !== 1 || call?.tool !== 'query_metrics') return undefined;
  if (!AGAINST.test(normalized) || !ACCOUNT.test(normalized)) return undefined;
  if (call.args.group_by || call.args.grain || call.args.compare_to) return undefined;
  if (!SCOPE_KEYS.some((key) => call.args[key] !== undefined)) return undefined;
  const account: PlannedCall = {
    tool: 'query_metrics',
    args: Object.fromEntries(Object.entries(call.args).filter(([key]) => !SCOPE_KEYS.includes(key as never))),
  };
  return { intent: 'kpi_qa', language, calls: [call, account], confidence: 0.85 };
}
