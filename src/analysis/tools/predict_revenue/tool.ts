import { z } from 'zod';
import { formatMoney, formatNumber } from '../../../core/format.js';
import { nameText } from '../common.js';
import { mlOf, mlOutput } from '../ml-common.js';
import { defineTool } from '../types.js';
import { predictionView } from './view.js';

export const predictRevenueSchema = z
  .object({
    budget: z.number().describe('Spend of one campaign over one day, in the data currency'),
    category: nameText
      .optional()
      .describe('A category of the data; omitted = categories mixed by their share'),
    impressions: z
      .number()
      .optional()
      .describe('Expected impressions (estimated from the budget when omitted)'),
    clicks: z.number().optional().describe('Expected clicks (estimated from the impressions when omitted)'),
  })
  .strict();

const COLUMNS = [
  { name: 'category', type: 'string' },
  { name: 'budget', type: 'double' },
  { name: 'impressions', type: 'double' },
  { name: 'clicks', type: 'double' },
  { name: 'expected_revenue', type: 'double' },
  { name: 'revenue_low', type: 'double' },
  { name: 'revenue_high', type: 'double' },
  { name: 'out_of_range', type: 'boolean' },
] as const;

export const predictRevenue = defineTool({
  name: 'predict_revenue',
  kind: 'ml',
  intent: 'prediction',
  description:
    'Expected revenue of one campaign-day for a given spend (optionally category, impressions, clicks), ' +
    'with a 10th–90th percentile interval and a flag when the input is outside what the model has seen.',
  schema: predictRevenueSchema,
  async run(args, context) {
    const result = await mlOf(context, 'predict_revenue').predictRevenue({
      budget: args.budget,
      category: args.category,
      impressions: args.impressions,
      clicks: args.clicks,
    });
    const { prediction } = result;
    const weightSum = prediction.inputs.reduce((sum, item) => sum + item.weight, 0);
    const impressions = prediction.inputs.reduce(
      (sum, item) => sum + item.weight * item.input.impressions,
      0,
    );
    const clicks = prediction.inputs.reduce((sum, item) => sum + item.weight * item.input.clicks, 0);
    const row = {
      category: result.category,
      budget: args.budget,
      impressions: impressions / weightSum,
      clicks: clicks / weightSum,
      expected_revenue: prediction.expected,
      revenue_low: prediction.low,
      revenue_high: prediction.high,
      out_of_range: prediction.outOfRange.length > 0,
    };
    const money = (value: number) => formatMoney(value, context.currency);
    const estimated =
      prediction.estimated.length > 0
        ? ` (${prediction.estimated.map((field) => (field === 'clicks' ? 'clics' : field)).join(' et ')} estimés aux ratios observés : ${formatNumber(row.impressions)} impressions, ${formatNumber(row.clicks)} clics)`
        : '';
    const summary =
      `Revenu attendu pour ${money(args.budget)} dépensés sur une journée-campagne ` +
      `(${result.category === 'all' ? 'toutes catégories' : `catégorie ${result.category}`})${estimated} : ` +
      `${money(prediction.expected)} (intervalle ${money(prediction.low)} – ${money(prediction.high)}).` +
      (row.out_of_range ? ' Attention : entrée hors de la plage apprise.' : '');
    return mlOutput('predict_revenue', { ...args, category: result.category }, result, {
      summary,
      rows: [row],
      columns: COLUMNS.map((column) => ({ ...column })),
    });
  },
  view: (output, language) => predictionView(output, language),
  // No rule specific to this result: the composer tops up with generic good practice.
  recommend: () => [],
});
