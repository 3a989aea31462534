// What simulate_budget's rows support as recommendations.
import type { Language } from '../../../core/answer.js';
import { formatMetric } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import { finite as num } from '../campaign-rules.js';
import type { ToolOutput } from '../types.js';

export function simulationRules(output: ToolOutput, language: Language, currency: string): string[] {
  const row = output.rows[0] ?? {};
  const incremental = num(row.incremental_roi);
  const change = num(row.budget_increase_pct) ?? 0;
  const roi = incremental === null ? '' : formatMetric('roi', incremental, currency, language);
  const out: string[] = [];
  // (Δ revenue − Δ budget) / Δ budget: for a rise, what the extra money returns; for a cut, what the money taken
  // away was returning. A cut is worth it when that money lost more than it brought (a negative figure here).
  if (incremental !== null && change >= 0) {
    out.push(
      incremental > 0
        ? tr(
            language,
            `Le ROI incrémental est positif (${roi}) : tester la hausse sur 2 à 4 semaines avant de la généraliser.`,
            `Incremental ROI is positive (${roi}): test the increase for 2–4 weeks before rolling it out.`,
          )
        : tr(
            language,
            `Le ROI incrémental est négatif (${roi}) : ne pas augmenter ce budget en l'état ; améliorer d'abord les campagnes les moins rentables.`,
            `Incremental ROI is negative (${roi}): do not raise this budget as is; fix the least profitable campaigns first.`,
          ),
    );
  } else if (incremental !== null) {
    out.push(
      incremental < 0
        ? tr(
            language,
            `La baisse est favorable : le budget retiré rapportait moins qu'il ne coûtait (ROI incrémental ${roi}). La faire par paliers, en commençant par les campagnes les moins rentables.`,
            `The cut pays off: the money removed was returning less than it cost (incremental ROI ${roi}). Make it in steps, starting with the least profitable campaigns.`,
          )
        : tr(
            language,
            `La baisse coûterait plus de CA qu'elle n'économise (ROI incrémental du budget retiré ${roi}) : plutôt réduire les campagnes les moins rentables que tout le périmètre.`,
            `The cut would lose more revenue than it saves (incremental ROI of the money removed ${roi}): cut the least profitable campaigns rather than the whole scope.`,
          ),
    );
  }
  out.push(
    tr(
      language,
      `Suivre le CA réel face à l'intervalle simulé (${formatMetric('revenue', num(row.simulated_revenue_low), currency, language)} – ${formatMetric('revenue', num(row.simulated_revenue_high), currency, language)}) chaque semaine.`,
      `Track actual revenue against the simulated range (${formatMetric('revenue', num(row.simulated_revenue_low), currency, language)} – ${formatMetric('revenue', num(row.simulated_revenue_high), currency, language)}) every week.`,
    ),
  );
  return out;
}
