// simulate_budget's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { num } from '../view-helpers.js';

export function simulationView(output: ToolOutput, language: Language): ToolView {
  const row = output.rows[0] ?? {};
  const pct = num(row.budget_increase_pct) ?? 0;
  return {
    headline: output.summary.split('\n').slice(0, 7).join('\n'),
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
