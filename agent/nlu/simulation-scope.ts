// « si on coupe le budget facebook de moitié ? », "simulate -30% on google_hot": the budget simulation works per
// category, not per campaign. Rather than simulate every category (what the words alone read), the bot says so
// and offers the category (or categories) those campaigns are in.
import type { Plan } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { prefixed } from './figure-parse.js';
import { normalize } from './normalize.js';
import { findScope } from './scope.js';
import { askSimulation, simulationOption } from './simulation-choices.js';

/** A question back when a simulation of « all » names campaigns; undefined otherwise. */
export function askSimulationScope(plan: Plan, text: string, catalog: Catalog): Plan | undefined {
  const call = plan.calls[0];
  if (plan.calls.length !== 1 || call?.tool !== 'simulate_budget' || call.args.category !== 'all')
    return undefined;
  const scope = findScope(normalize(text), catalog);
  const names = [...scope.campaigns, ...scope.prefixes.flatMap((prefix) => prefixed(prefix, catalog))];
  if (names.length === 0) return undefined;
  const categories = [
    ...new Set(
      catalog.campaigns.filter((item) => names.includes(item.campaignName)).map((item) => item.category),
    ),
  ];
  if (categories.length === 0) return undefined;
  const pct = Number(call.args.budget_increase_pct);
  const en = plan.language === 'en';
  const where = categories.join(en ? ' and ' : ' et ');
  return askSimulation(
    plan.language,
    en
      ? `I simulate a budget change per category, not per campaign. ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} in ${where}: simulate ${categories.length > 1 ? 'one of them' : 'that category'}?`
      : `Je simule un changement de budget par catégorie, pas par campagne. ${names.join(', ')} ${names.length > 1 ? 'sont' : 'est'} dans ${where} : simuler ${categories.length > 1 ? "l'une d'elles" : 'cette catégorie'} ?`,
    categories.map((category) => simulationOption(pct, category, plan.language)),
  );
}
