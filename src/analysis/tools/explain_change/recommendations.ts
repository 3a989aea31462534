// What a change's drivers support: look first at the member that moved the KPI most the wrong way (up for a cost,
// down for a rate or a return), and at what the one that moved it most the right way did differently.
import type { Language } from '../../../core/answer.js';
import { formatMetric, type Metric } from '../../../core/metrics.js';
import { tr } from '../../i18n.js';
import type { ToolOutput } from '../types.js';

const LOWER_IS_BETTER = new Set<Metric>(['cpl', 'cpa', 'cpc', 'cpm', 'mark_spent']);

export function explainChangeRecommendations(
  output: ToolOutput,
  language: Language,
  currency: string,
): string[] {
  const metric = (output.provenance.args.metric ?? 'roi') as Metric;
  const drivers = output.rows.filter((row) => !row.is_total && typeof row.contribution === 'number');
  const harmful = (value: number) => (LOWER_IS_BETTER.has(metric) ? value > 0 : value < 0);
  const worst = drivers.find((row) => harmful(row.contribution as number));
  const best = drivers.find((row) => !harmful(row.contribution as number) && row.contribution !== 0);
  const out: string[] = [];
  const fmt = (value: unknown) =>
    formatMetric(metric, typeof value === 'number' ? value : null, currency, language);
  // A member moves the total by its own rate (rate effect) or by its weight in the mix (mix effect): advice differs.
  const byMix = (row: (typeof drivers)[number]) =>
    Math.abs(Number(row.mix_effect ?? 0)) > Math.abs(Number(row.rate_effect ?? 0));
  if (worst)
    out.push(
      byMix(worst)
        ? tr(
            language,
            `La dégradation vient surtout du changement de poids de ${worst.member} (${fmt(worst.after)}) : revoir la part de budget qui lui va.`,
            `The decline comes mostly from ${worst.member}'s changed share of the volume (${fmt(worst.after)}): review how much budget goes to it.`,
          )
        : tr(
            language,
            `Examiner d'abord ${worst.member} (${fmt(worst.before)} → ${fmt(worst.after)}) : c'est lui qui a le plus dégradé l'indicateur.`,
            `Look at ${worst.member} first (${fmt(worst.before)} → ${fmt(worst.after)}): it moved the KPI the wrong way the most.`,
          ),
    );
  if (best)
    out.push(
      byMix(best)
        ? tr(
            language,
            `L'amélioration vient surtout du changement de poids de ${best.member} (${fmt(best.after)}) : si son niveau tient, garder cette répartition du budget.`,
            `The improvement comes mostly from ${best.member}'s changed share of the volume (${fmt(best.after)}): if its level holds, keep that budget split.`,
          )
        : tr(
            language,
            `Comprendre ce qui a changé sur ${best.member} (${fmt(best.before)} → ${fmt(best.after)}) pour le reproduire.`,
            `Find out what changed on ${best.member} (${fmt(best.before)} → ${fmt(best.after)}) and repeat it.`,
          ),
    );
  return out;
}
