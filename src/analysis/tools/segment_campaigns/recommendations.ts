// What segment_campaigns's rows support as recommendations.
import type { Language } from '../../../core/answer.js';
import type { Row } from '../../../core/rows.js';
import { tr } from '../../i18n.js';
import { byRoi, finite as num } from '../campaign-rules.js';
import type { ToolOutput } from '../types.js';

export function segmentRules(output: ToolOutput, language: Language): string[] {
  const segments = new Map<string, Row[]>();
  for (const row of output.rows)
    segments.set(String(row.segment), [...(segments.get(String(row.segment)) ?? []), row]);
  const ranked = [...segments]
    .map(([name, rows]) => ({ name, rows, roi: byRoi(rows)[0] }))
    .filter((s) => s.roi);
  ranked.sort((a, b) => num(b.roi!.roi)! - num(a.roi!.roi)!);
  const best = ranked[0];
  const worst = ranked.at(-1);
  if (!best || !worst || best === worst) return [];
  const names = (rows: Row[]) => rows.map((row) => row.campaign_name).join(', ');
  return [
    tr(
      language,
      `Prioriser le segment « ${best.name} » (${names(best.rows)}) dans les arbitrages budgétaires.`,
      `Prioritise the "${best.name}" segment (${names(best.rows)}) in budget decisions.`,
    ),
    tr(
      language,
      `Plan d'action pour le segment « ${worst.name} » (${names(worst.rows)}) : objectifs de ROI et revue mensuelle.`,
      `Set an action plan for the "${worst.name}" segment (${names(worst.rows)}): ROI targets and a monthly review.`,
    ),
  ];
}
