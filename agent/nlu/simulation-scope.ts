// « si on coupe le budget facebook de moitié ? », "simulate -30% on google_hot": the budget simulation works per
// category, not per campaign. Rather than simulate every category (what the words alone read), the bot says so
// and offers the category (or categories) those campaigns are in.
import type { Plan } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { prefixed } from './figure-parse.js';
import { normalize } from './normalize.js';
import { findScope } from './scope.js';
import { askSimulation, simulationOption } from './simulation-choices.js';

/** The campaigns a question names, one by one or by a family prefix (« facebook »). */
function namedCampaigns(text: string, catalog: Catalog): string[] {
  const scope = findScope(normalize(text), catalog);
  return [...new Set([...scope.campaigns, ...scope.prefixes.flatMap((prefix) => prefixed(prefix, catalog))])];
}

/**
 * « +20 % sur google », « 5000 CHF par jour sur google »: when the campaigns named are exactly one category's
 * (google_hot and google_wide are the whole of search), the simulation or the forecast is that category's, and the
 * answer names it. The plan unchanged otherwise.
 */
export function withNamedCategory(plan: Plan, text: string, catalog: Catalog): Plan {
  const call = plan.calls[0];
  const open =
    (call?.tool === 'simulate_budget' && call.args.category === 'all') ||
    (call?.tool === 'predict_revenue' && call.args.category === undefined);
  if (plan.calls.length !== 1 || !call || !open) return plan;
  const whole = wholeCategory(namedCampaigns(text, catalog), catalog);
  return whole ? { ...plan, calls: [{ ...call, args: { ...call.args, category: whole } }] } : plan;
}

/** The category whose campaigns are exactly `names` (google_hot and google_wide: search), if any. */
export function wholeCategory(names: readonly string[], catalog: Catalog): string | undefined {
  if (names.length === 0) return undefined;
  return [...new Set(catalog.campaigns.map((item) => item.category))].find((category) => {
    const members = catalog.campaigns
      .filter((item) => item.category === category)
      .map((item) => item.campaignName);
    return members.length === names.length && members.every((name) => names.includes(name));
  });
}

/** A question back when a simulation of « all » names campaigns; undefined otherwise. */
export function askSimulationScope(plan: Plan, text: string, catalog: Catalog): Plan | undefined {
  const call = plan.calls[0];
  if (plan.calls.length !== 1 || call?.tool !== 'simulate_budget' || call.args.category !== 'all')
    return undefined;
  const names = namedCampaigns(text, catalog);
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
