// What simulate_budget's rows support as recommendations.
import type { Language } from '../../../core/answer.js';
import { formatMetric } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import { finite as num } from '../campaign-rules.js';
import type { ToolOutput } from '../types.js';

export function simulationRules(output: ToolOutput, language: Language, currency: string): string[] {
  const row = output.rows[0] ?? {};
  const incremental = num(row.incremental_roi);
  const out: string[] = [];
  if (incremental !== null && incremental > 0) {
    out.push(
      tr(
        language,
        `Le ROI incrémental est positif (${formatMetric('roi', incremental, currency)}) : tester la hausse sur 2 à 4 semaines avant de la généraliser.`,
        `Incremental ROI is positive (${formatMetric('roi', incremental, currency)}): test the increase for 2–4 weeks before rolling it out.`,
      ),
    );
  } else if (incremental !== null) {
    out.push(
      tr(
        language,
        `Le ROI incrémental est négatif (${formatMetric('roi', incremental, currency)}) : ne pas augmenter ce budget en l'état ; améliorer d'abord les campagnes les moins rentables.`,
        `Incremental ROI is negative (${formatMetric('roi', incremental, currency)}): do not raise this budget as is; fix the least profitable campaigns first.`,
      ),
    );
  }
  out.push(
    tr(
      language,
      `Suivre le CA réel face à l'intervalle simulé (${formatMetric('revenue', num(row.simulated_revenue_low), currency)} – ${formatMetric('revenue', num(row.simulated_revenue_high), currency)}) chaque semaine.`,
      `Track actual revenue against the simulated range (${formatMetric('revenue', num(row.simulated_revenue_low), currency)} – ${formatMetric('revenue', num(row.simulated_revenue_high), currency)}) every week.`,
    ),
  );
  return out;
}
