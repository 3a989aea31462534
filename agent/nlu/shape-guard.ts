// The words that give a question its shape — « par canal », "by week", « vs », « comparé à » — sit in the lexicon
// because the rules read them. When a new wording defeats the rule, the reading loses that shape (one total instead
// of a figure per channel, one side of a comparison) and would be answered as another question: such a phrase then
// counts as unexplained, so the bot asks back with what it did read.
import type { Plan, PlannedCall } from '../../src/analysis/plan.js';
import { harmlessPhraseWords } from './lexicon.js';
import { normalize } from './normalize.js';

const GROUPING =
  /\b(?:par|by|per|selon|pour chaque|for each)\s+(?:canal|canaux|channels?|categories|categorie|category|leviers?|campagnes?|campaigns?|jours?|days?|semaines?|weeks?)\b/;
const COMPARING =
  /\bvs\.?(?=\s)|\bversus\b|\bcompar(?:e|er|ez|ed|es|aison)\b|\bpar rapport (?:a|au|aux)\b|\bface a\b/;
/** Tools whose answer is per member, per day or per week by itself. */
const SHAPED = new Set([
  'aggregate_by_dimension',
  'kpi_trend',
  'rank_campaigns',
  'get_underperforming_campaigns',
  'segment_campaigns',
  'explain_change',
  'simulate_budget',
  'predict_revenue',
]);

const grouped = (call: PlannedCall) =>
  SHAPED.has(call.tool) ||
  (Array.isArray(call.args.group_by) && call.args.group_by.length > 0) ||
  call.args.grain !== undefined;
const compared = (call: PlannedCall) => grouped(call) || call.args.compare_to !== undefined;

/** The shape phrases of `text` that `plan` does not carry (empty when it carries them, or asks back already). */
export function droppedShape(text: string, plan: Plan): string[] {
  if (plan.calls.length === 0 || plan.clarification) return [];
  // (A purpose clause, ", so I can compare the two", says why it is asked: harmless-phrase words, not a shape.)
  const context = harmlessPhraseWords(normalize(text));
  const normalized = normalize(text)
    .split(/\s+/)
    .filter((word) => !context.has(word.replace(/[^\p{L}\p{N}_'-]/gu, '')))
    .join(' ');
  const dropped: string[] = [];
  const grouping = GROUPING.exec(normalized);
  if (grouping && !plan.calls.some(grouped)) dropped.push(grouping[0]);
  const comparing = COMPARING.exec(normalized);
  if (comparing && plan.calls.length === 1 && !compared(plan.calls[0]!)) dropped.push(comparing[0]);
  return dropped;
}
