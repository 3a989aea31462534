import { z } from 'zod';
import { BUDGET_CHANGE_RANGE, simulationText } from '../../../ml/budget-simulation.js';
import { nameText } from '../common.js';
import { mlOf, mlOutput } from '../ml-common.js';
import { defineTool } from '../types.js';
import { simulationRules } from './recommendations.js';
import { simulationView } from './view.js';

export const simulateBudgetSchema = z
  .object({
    budget_increase_pct: z
      .number()
      .describe(
        `Budget change in percent, from ${BUDGET_CHANGE_RANGE.min} to +${BUDGET_CHANGE_RANGE.max} (20 = +20 %)`,
      ),
    category: nameText.default('all').describe('"all" or a category of the data (social, search, …)'),
    volume_elasticity: z
      .number()
      .optional()
      .describe(
        'Assumption: impressions and clicks are multiplied by (1 + change)^elasticity. 1 (default) = constant CPM and CTR; 0 = volumes unchanged',
      ),
  })
  .strict();

const COLUMNS = [
  { name: 'category', type: 'string' },
  { name: 'budget_increase_pct', type: 'double' },
  { name: 'current_budget', type: 'double' },
  { name: 'simulated_budget', type: 'double' },
  { name: 'current_revenue', type: 'double' },
  { name: 'simulated_revenue', type: 'double' },
  { name: 'simulated_revenue_low', type: 'double' },
  { name: 'simulated_revenue_high', type: 'double' },
  { name: 'delta_revenue', type: 'double' },
  { name: 'delta_revenue_pct', type: 'double' },
  { name: 'incremental_roi', type: 'double' },
] as const;

export const simulateBudget = defineTool({
  name: 'simulate_budget',
  kind: 'ml',
  intent: 'budget_simulation',
  description:
    'Simulates revenue when the budget of all campaigns or of one category changes by a percentage ' +
    '(random-forest revenue model, 10th–90th percentile interval).',
  schema: simulateBudgetSchema,
  async run(args, context) {
    const result = await mlOf(context, 'simulate_budget').simulateBudget({
      budgetIncreasePct: args.budget_increase_pct,
      category: args.category,
      volumeElasticity: args.volume_elasticity,
    });
    const { row, volumeElasticity } = result.simulation;
    const r2 = result.model.holdoutR2;
    const summary =
      `${simulationText(row, context.currency)}\n` +
      `Hypothèse : impressions et clics × (1 + variation)^${volumeElasticity} ` +
      `(${volumeElasticity === 1 ? 'CPM et CTR constants' : 'rendements décroissants'}). ` +
      `Modèle : forêt aléatoire sur ${result.model.trainedRows} jours-campagne, R² holdout ${r2 === null ? '–' : r2.toFixed(2)}.`;
    return mlOutput(
      'simulate_budget',
      { ...args, category: row.category, volume_elasticity: volumeElasticity },
      result,
      { summary, rows: [{ ...row }], columns: COLUMNS.map((column) => ({ ...column })) },
    );
  },
  view: simulationView,
  recommend: simulationRules,
});
