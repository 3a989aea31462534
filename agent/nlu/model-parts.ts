// A model question (simulation, prediction, segmentation) asked with another in one message. The model's signal wins
// the routing of the whole message, so each part is read alone:
// - « quelles campagnes ont un ROI négatif, et que donne −20 % sur le social ? », "list the negative-ROI campaigns,
//   and simulate social -20%": both answered, in the order they were asked;
// - « simule +20 % sur le social et +10 % sur le search »: two budget changes — the simulation runs one at a time
//   (a change for every category was read before), so the bot asks which first, one button each.
import type { Plan, PlannerInput } from '../../src/analysis/plan.js';
import { PART_SPLIT } from './figure-words.js';
import { normalize } from './normalize.js';
import { askSimulation, simulationOption } from './simulation-choices.js';

const MODEL_TOOLS = new Set(['simulate_budget', 'predict_revenue', 'segment_campaigns']);
const SPLITS = new RegExp(PART_SPLIT.source, 'g');
/** A reading of one part that is sure of itself: no question back, no guess. */
const SURE = 0.75;

const isModel = (plan: Plan) => plan.calls.length === 1 && MODEL_TOOLS.has(plan.calls[0]!.tool);
const sameCalls = (a: Plan, b: Plan) => JSON.stringify(a.calls) === JSON.stringify(b.calls);
const sure = (plan: Plan) => plan.calls.length > 0 && !plan.clarification && plan.confidence >= SURE;

/** The whole message's model plan with the other part's calls added (or a question back), or the plan as it was. */
export function withOtherPart(
  input: PlannerInput,
  plan: Plan,
  planPart: (input: PlannerInput) => Plan,
): Plan {
  if (!isModel(plan)) return plan;
  const text = normalize(input.text ?? '');
  for (const split of text.matchAll(SPLITS)) {
    const parts = [text.slice(0, split.index), text.slice(split.index + split[0].length)];
    const [first, second] = parts.map((part) => planPart({ ...input, text: part }));
    if (!first || !second) continue;
    const changes = twoChanges(plan, first, () => planPart({ ...input, text: `simule ${parts[1]}` }));
    if (changes) return changes;
    const modelFirst = isModel(first) && sameCalls(first, plan);
    const figure = modelFirst ? second : first;
    const model = modelFirst ? first : second;
    if (!sameCalls(model, plan) || !sure(figure) || figure.calls.some((call) => MODEL_TOOLS.has(call.tool)))
      continue;
    return {
      ...figure,
      calls: modelFirst ? [...model.calls, ...figure.calls] : [...figure.calls, ...model.calls],
      confidence: Math.min(figure.confidence, plan.confidence),
    };
  }
  return plan;
}

/** « +20 % sur le social et +10 % sur le search »: the second part reads as a simulation once the verb is repeated. */
function twoChanges(plan: Plan, first: Plan, secondAsSimulation: () => Plan): Plan | undefined {
  const a = first.calls[0];
  if (plan.calls[0]?.tool !== 'simulate_budget' || first.calls.length !== 1 || a?.tool !== 'simulate_budget')
    return undefined;
  const second = secondAsSimulation();
  const b = second.calls[0];
  if (second.calls.length !== 1 || b?.tool !== 'simulate_budget' || !sure(first) || !sure(second))
    return undefined;
  if (JSON.stringify(a.args) === JSON.stringify(b.args)) return undefined;
  const en = plan.language === 'en';
  return askSimulation(
    plan.language,
    en
      ? 'I simulate one budget change at a time. Which one do you want to see first?'
      : 'Je simule un changement de budget à la fois. Lequel voulez-vous voir d’abord ?',
    [a, b].map((call) =>
      simulationOption(
        Number(call.args.budget_increase_pct),
        String(call.args.category ?? 'all'),
        plan.language,
      ),
    ),
  );
}
