// Budget simulation: what the revenue model says happens to revenue when a scope's spend changes by p %.
// current_budget and current_revenue are the observed totals; every campaign-day of the scope is replayed
// through the forest at its observed inputs and at the changed ones, and the observed revenue is multiplied
// by the predicted ratio (one ratio per tree gives the interval). A 0 % change replays identical inputs, so
// its delta is exactly zero.
//
// The explicit assumption (`volumeElasticity`, e): with spend × (1 + p), impressions and clicks are
// multiplied by (1 + p)^e. e = 1 (default) keeps CPM and CTR constant (volumes follow spend); e = 0 keeps
// volumes fixed (only spend changes); values in between model diminishing returns.
import type { Language } from '../core/answer.js';
import { formatMoney, formatMoneyDelta, formatPercent } from '../core/format.js';
import { type CampaignDay, inputOf, type ModelInput } from './features.js';
import { type RangeField, type RevenueModel, summarize, treeTotals } from './revenue-model.js';

export const BUDGET_CHANGE_RANGE = { min: -50, max: 200 } as const;
export const DEFAULT_VOLUME_ELASTICITY = 1;

export interface BudgetSimulationRow {
  [column: string]: string | number | null;
  category: string;
  /** The change asked for, in percent (20 = +20 %). */
  budget_increase_pct: number;
  current_budget: number;
  simulated_budget: number;
  current_revenue: number;
  simulated_revenue: number;
  simulated_revenue_low: number;
  simulated_revenue_high: number;
  delta_revenue: number;
  /** In percent, like budget_increase_pct (8.8 = +8,8 %). */
  delta_revenue_pct: number | null;
  /** (Δ revenue − Δ budget) / Δ budget, a fraction like roi; null when the budget does not change. */
  incremental_roi: number | null;
}

export interface BudgetSimulation {
  row: BudgetSimulationRow;
  volumeElasticity: number;
  /** Campaign-days whose changed inputs leave the training range, and which inputs. */
  outsideRange: { rows: number; share: number; fields: RangeField[] };
  warnings: string[];
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * The simulation replays at most this many campaign-days. Only the ratio simulated/observed comes from the
 * model (it is applied to the exact observed totals), and a systematic sample (every k-th day of a list sorted
 * by the query) estimates that ratio without bias while keeping a cached simulation within 100 ms.
 */
export const MAX_REPLAYED_ROWS = 4000;

export function replayedRows(rows: readonly CampaignDay[]): readonly CampaignDay[] {
  if (rows.length <= MAX_REPLAYED_ROWS) return rows;
  const step = rows.length / MAX_REPLAYED_ROWS;
  return Array.from({ length: MAX_REPLAYED_ROWS }, (_, index) => rows[Math.floor(index * step)]!);
}

/** Per-tree revenue totals of the scope at its observed inputs: the simulation's baseline. */
export function baselineTotals(model: RevenueModel, rows: readonly CampaignDay[]): Float64Array {
  return treeTotals(
    model,
    replayedRows(rows).map((row) => ({ input: inputOf(row), weight: 1 })),
  );
}

export function simulateBudget(args: {
  model: RevenueModel;
  /** The scope's campaign-days (replayed through the model). */
  rows: readonly CampaignDay[];
  /** Observed totals of the scope. */
  totals: { budget: number; revenue: number };
  category: string;
  budgetIncreasePct: number;
  volumeElasticity?: number;
  currency?: string;
  /** Per-tree totals at the observed inputs (`treeTotals(model, rows)`), when the caller has them cached. */
  baseTotals?: Float64Array;
}): BudgetSimulation {
  const { model, rows, totals, budgetIncreasePct } = args;
  const elasticity = args.volumeElasticity ?? DEFAULT_VOLUME_ELASTICITY;
  const factor = 1 + budgetIncreasePct / 100;
  const volumeFactor = factor ** elasticity;
  const current = replayedRows(rows).map((row) => ({ input: inputOf(row), weight: 1 }));
  const changed = current.map(({ input }) => ({
    input: {
      ...input,
      spend: input.spend * factor,
      impressions: input.impressions * volumeFactor,
      clicks: input.clicks * volumeFactor,
    },
    weight: 1,
  }));
  const base = args.baseTotals ?? treeTotals(model, current);
  const simulated = treeTotals(model, changed);
  const ratios = Array.from(base, (value, t) => (value > 0 ? simulated[t]! / value : 1));
  const pointRatio = (() => {
    const sumBase = base.reduce((sum, value) => sum + value, 0);
    return sumBase > 0 ? simulated.reduce((sum, value) => sum + value, 0) / sumBase : 1;
  })();
  const spread = summarize(ratios, model.interval);

  const currentBudget = cents(totals.budget);
  const currentRevenue = cents(totals.revenue);
  const simulatedBudget = cents(totals.budget * factor);
  const simulatedRevenue = cents(totals.revenue * pointRatio);
  const deltaRevenue = cents(simulatedRevenue - currentRevenue);
  const deltaBudget = simulatedBudget - currentBudget;
  const row: BudgetSimulationRow = {
    category: args.category,
    budget_increase_pct: budgetIncreasePct,
    current_budget: currentBudget,
    simulated_budget: simulatedBudget,
    current_revenue: currentRevenue,
    simulated_revenue: simulatedRevenue,
    simulated_revenue_low: cents(Math.min(totals.revenue * spread.low, simulatedRevenue)),
    simulated_revenue_high: cents(Math.max(totals.revenue * spread.high, simulatedRevenue)),
    delta_revenue: deltaRevenue,
    delta_revenue_pct: currentRevenue === 0 ? null : (deltaRevenue / currentRevenue) * 100,
    incremental_roi: deltaBudget === 0 ? null : (deltaRevenue - deltaBudget) / deltaBudget,
  };

  const fields = new Set<RangeField>();
  let outside = 0;
  for (const { input } of changed) {
    const off = outsideFields(model, input);
    if (off.length > 0) outside++;
    for (const field of off) fields.add(field);
  }
  const warnings: string[] = [];
  if (outside > 0) {
    const share = outside / Math.max(1, changed.length);
    warnings.push(
      `${formatPercent(share)} des jours-campagne simulés sortent de la plage apprise par le modèle ` +
        `(${[...fields].map((field) => FIELD_LABEL[field]).join(', ')} ; dépense max vue ${formatMoney(model.ranges.spend.max, args.currency ?? 'CHF')}) : ` +
        'une forêt aléatoire n’extrapole pas, l’effet au-delà est probablement sous-estimé.',
    );
  }
  return {
    row,
    volumeElasticity: elasticity,
    outsideRange: { rows: outside, share: outside / Math.max(1, changed.length), fields: [...fields] },
    warnings,
  };
}

const FIELD_LABEL: Record<RangeField, string> = {
  spend: 'dépense',
  impressions: 'impressions',
  clicks: 'clics',
};

function outsideFields(model: RevenueModel, input: ModelInput): RangeField[] {
  return (['spend', 'impressions', 'clicks'] as const).filter(
    (field) => input[field] < model.ranges[field].min || input[field] > model.ranges[field].max,
  );
}

/** The simulation's text block, in the answer's language: « Budget actuel : CHF 13 798 501 … Écart de CA : +CHF …
 * (+x,x %) … », "Current budget: CHF 13’798’501 … Revenue change: +CHF … (+x.x%) …". */
export function simulationText(
  row: BudgetSimulationRow,
  currency: string,
  language: Language = 'fr',
): string {
  const money = (value: number | null) => formatMoney(value, currency, 0, language);
  const percent = (fraction: number | null) => formatPercent(fraction, { signed: true, language });
  const change = percent(row.budget_increase_pct / 100);
  const revenueChange = `${formatMoneyDelta(row.delta_revenue, currency, language)} (${percent(row.delta_revenue_pct === null ? null : row.delta_revenue_pct / 100)})`;
  const range = `${money(row.simulated_revenue_low)} – ${money(row.simulated_revenue_high)}`;
  if (language === 'en')
    return [
      `Simulation: ${change} budget (${row.category === 'all' ? 'all categories' : `${row.category} category`})`,
      `Current budget: ${money(row.current_budget)}`,
      `Simulated budget: ${money(row.simulated_budget)}`,
      `Current revenue: ${money(row.current_revenue)}`,
      `Simulated revenue: ${money(row.simulated_revenue)} (range ${range})`,
      `Revenue change: ${revenueChange}`,
      `Incremental ROI: ${percent(row.incremental_roi)}`,
    ].join('\n');
  return [
    `Simulation ${change} de budget (${row.category === 'all' ? 'toutes catégories' : `catégorie ${row.category}`})`,
    `Budget actuel : ${money(row.current_budget)}`,
    `Budget simulé : ${money(row.simulated_budget)}`,
    `CA actuel : ${money(row.current_revenue)}`,
    `CA simulé : ${money(row.simulated_revenue)} (intervalle ${range})`,
    `Écart de CA : ${revenueChange}`,
    `ROI incrémental : ${percent(row.incremental_roi)}`,
  ].join('\n');
}
