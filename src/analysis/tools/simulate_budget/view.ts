// simulate_budget's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { type BudgetSimulationRow, simulationText } from '../../../ml/budget-simulation.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { num } from '../view-helpers.js';

export function simulationView(output: ToolOutput, language: Language, currency: string): ToolView {
  const row = output.rows[0] ?? {};
  const pct = num(row.budget_increase_pct) ?? 0;
  return {
    // The figures in the answer's language (the tool's summary, which a model reads, is in French).
    headline: output.rows[0]
      ? simulationText(output.rows[0] as BudgetSimulationRow, currency, language)
      : output.summary.split('\n')[0]!,
    tableKeys: [],
    chart: {
      kind: 'simulation',
      title: tr(language, 'CA actuel et simulé', 'Current and simulated revenue'),
      alt: '',
      measure: 'simulated_revenue',
      rows: output.rows,
    },
    followUps: [
      tr(
        language,
        `Simule ${pct >= 0 ? '+' : ''}${pct + 10} % de budget${row.category && row.category !== 'all' ? ` sur ${row.category}` : ''}`,
        `Simulate ${pct >= 0 ? '+' : ''}${pct + 10}% budget${row.category && row.category !== 'all' ? ` on ${row.category}` : ''}`,
      ),
      tr(language, 'Quelles campagnes sont sous-performantes ?', 'Which campaigns are underperforming?'),
    ],
  };
}
