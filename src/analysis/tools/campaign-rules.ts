// Recommendation rules over campaign rows, shared by every tool whose rows are campaigns (rankings,
// underperformers, one campaign, a breakdown by campaign). Each rule names the campaigns and figures it rests on.
import type { Language } from '../../core/answer.js';
import { formatMetric } from '../../core/metrics.js';
import type { Row } from '../../core/rows.js';
import { tr } from '../i18n.js';

export const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const num = finite;
export const byRoi = (rows: Row[]) =>
  rows.filter((row) => num(row.roi) !== null).sort((a, b) => num(b.roi)! - num(a.roi)!);

export function campaignRules(rows: Row[], language: Language, currency: string): string[] {
  const ranked = byRoi(rows);
  const best = ranked[0];
  const worst = ranked.at(-1);
  const out: string[] = [];
  const roi = (row: Row) => formatMetric('roi', num(row.roi), currency, language);
  // Only move money towards a campaign that earns it back.
  if (best && worst && best !== worst && num(best.roi)! > 0 && num(worst.roi)! < num(best.roi)!) {
    out.push(
      tr(
        language,
        `Réallouer une partie du budget de ${worst.campaign_name} (ROI ${roi(worst)}) vers ${best.campaign_name} (ROI ${roi(best)}), par paliers de 10 à 20 %.`,
        `Shift part of ${worst.campaign_name}'s budget (ROI ${roi(worst)}) to ${best.campaign_name} (ROI ${roi(best)}), in 10–20% steps.`,
      ),
    );
  }
  for (const row of ranked
    .filter((candidate) => num(candidate.roi)! < 0)
    .reverse()
    .slice(0, 2)) {
    out.push(
      tr(
        language,
        `Réduire ou mettre en pause ${row.campaign_name} : ROI ${roi(row)} pour ${formatMetric('mark_spent', num(row.mark_spent), currency, language)} dépensés ; revoir ciblage et créations avant de relancer.`,
        `Cut or pause ${row.campaign_name}: ROI ${roi(row)} on ${formatMetric('mark_spent', num(row.mark_spent), currency, language)} of spend; rework targeting and creatives before relaunching.`,
      ),
    );
  }
  const cplRows = rows.filter((row) => num(row.cpl) !== null).sort((a, b) => num(b.cpl)! - num(a.cpl)!);
  const dearest = cplRows[0];
  if (dearest && cplRows.length > 2) {
    out.push(
      tr(
        language,
        `Examiner le coût par lead de ${dearest.campaign_name} (CPL ${formatMetric('cpl', num(dearest.cpl), currency, language)}, le plus élevé de la liste) : audiences et pages d'atterrissage.`,
        `Look into ${dearest.campaign_name}'s cost per lead (CPL ${formatMetric('cpl', num(dearest.cpl), currency, language)}, the highest in the list): audiences and landing pages.`,
      ),
    );
  }
  if (best && num(best.roi)! > 0) {
    out.push(
      tr(
        language,
        `Étudier ce qui fonctionne sur ${best.campaign_name} (audience, format, message) pour le reproduire ailleurs.`,
        `Study what works on ${best.campaign_name} (audience, format, message) and reuse it elsewhere.`,
      ),
    );
  }
  return out;
}
