// A ranking without a figure to rank by (« top 5 campagnes », « flop 5 », « le meilleur canal »): by ROI, by
// revenue or by cost per order give different answers, so the bot asks which, one button per criterion — the
// question again with the criterion, so the scope and period it named stay.
import type { Plan } from '../../src/analysis/plan.js';
import { findDirectionWord, findMetrics } from './metrics.js';
import { prepare } from './normalize.js';

/** Whether `plan` is the router's ranking by a default metric (ROI) for a question that names no figure. */
export function rankedWithoutCriterion(text: string, plan: Plan): boolean {
  // One end of a ranking, or both (« la meilleure et la pire campagne »).
  const ranking = plan.calls.every(
    (call) =>
      call.tool === 'rank_campaigns' || (call.tool === 'query_metrics' && call.args.order_by !== undefined),
  );
  if (plan.calls.length === 0 || plan.calls.length > 2 || !ranking || plan.confidence >= 0.75) return false;
  const prepared = prepare(text);
  const direction = findDirectionWord(prepared);
  return findMetrics(prepared, text).length === 0 && direction !== 'cheap' && direction !== 'expensive';
}

/** « Classer selon quel critère ? » with the question again, once per criterion. */
export function askCriterion(plan: Plan, question: string): Plan {
  const en = plan.language === 'en';
  const base = question.trim().replace(/[?!.\s]+$/, '');
  const criteria = en
    ? ['by ROI', 'by revenue', 'by cost per order (CPA)']
    : ['par ROI', "par chiffre d'affaires", 'par coût par commande (CPA)'];
  return {
    intent: plan.intent,
    language: plan.language,
    calls: [],
    confidence: 0.6,
    clarification: en
      ? 'Rank by which figure: ROI, revenue or cost per order (CPA)?'
      : "Classer selon quel critère : le ROI, le chiffre d'affaires ou le coût par commande (CPA) ?",
    options: criteria.map((criterion) => `${base} — ${criterion}`),
  };
}
