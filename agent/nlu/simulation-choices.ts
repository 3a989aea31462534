// The budget simulation changes one category at a time. When a message asks for more (two changes, several
// categories, a transfer, campaigns), the bot asks which with one button per simulation it can run: these build
// that question and its buttons, the same wording everywhere.
import type { Plan } from '../../src/analysis/plan.js';
import type { Language } from '../../src/core/answer.js';

/** « Simule +20 % de budget sur social », "Simulate -10% budget on search" (a button that reads as a simulation). */
export function simulationOption(pct: number, category: string, language: Language): string {
  const signed = `${pct > 0 ? '+' : pct < 0 ? '-' : ''}${Math.abs(pct)}`;
  if (language === 'en')
    return `Simulate ${signed}% budget on ${category === 'all' ? 'every category' : category}`;
  return `Simule ${signed} % de budget sur ${category === 'all' ? 'toutes les catégories' : category}`;
}

/** The question back: no call, the clarification in the plan's language, up to four simulations as buttons. */
export function askSimulation(language: Language, clarification: string, options: string[]): Plan {
  return {
    intent: 'budget_simulation',
    language,
    calls: [],
    confidence: 0.6,
    clarification,
    ...(options.length > 0 ? { options: options.slice(0, 4) } : {}),
  };
}
