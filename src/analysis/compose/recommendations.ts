// Offline recommendations: rules over the tool rows, each naming the campaigns and figures it rests on. The
// composer keeps 2 to 4 of them (the most specific first) and tops up with generic good practice.
import type { Language } from '../../core/answer.js';
import { formatMetric } from '../../core/metrics.js';
import type { Row } from '../../core/rows.js';
import type { ToolOutput } from '../tools/types.js';
import { tr } from './i18n.js';

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const byRoi = (rows: Row[]) =>
  rows.filter((row) => num(row.roi) !== null).sort((a, b) => num(b.roi)! - num(a.roi)!);

function campaignRules(rows: Row[], language: Language, currency: string): string[] {
  const ranked = byRoi(rows);
  const best = ranked[0];
  const worst = ranked.at(-1);
  const out: string[] = [];
  const roi = (row: Row) => formatMetric('roi', num(row.roi), currency);
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
        `Réduire ou mettre en pause ${row.campaign_name} : ROI ${roi(row)} pour ${formatMetric('mark_spent', num(row.mark_spent), currency)} dépensés ; revoir ciblage et créations avant de relancer.`,
        `Cut or pause ${row.campaign_name}: ROI ${roi(row)} on ${formatMetric('mark_spent', num(row.mark_spent), currency)} of spend; rework targeting and creatives before relaunching.`,
      ),
    );
  }
  const cplRows = rows.filter((row) => num(row.cpl) !== null).sort((a, b) => num(b.cpl)! - num(a.cpl)!);
  const dearest = cplRows[0];
  if (dearest && cplRows.length > 2) {
    out.push(
      tr(
        language,
        `Examiner le coût par lead de ${dearest.campaign_name} (CPL ${formatMetric('cpl', num(dearest.cpl), currency)}, le plus élevé de la liste) : audiences et pages d'atterrissage.`,
        `Look into ${dearest.campaign_name}'s cost per lead (CPL ${formatMetric('cpl', num(dearest.cpl), currency)}, the highest in the list): audiences and landing pages.`,
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

function groupRules(output: ToolOutput, language: Language, currency: string): string[] {
  const key = String(output.provenance.args.group_by ?? 'category');
  if (key === 'campaign_name') return campaignRules(output.rows, language, currency);
  const ranked = byRoi(output.rows);
  const best = ranked[0];
  const worst = ranked.at(-1);
  if (!best || !worst || best === worst) return [];
  const label = (row: Row) => String(row[key]);
  return [
    tr(
      language,
      `Renforcer ${label(best)} (ROI ${formatMetric('roi', num(best.roi), currency)}) : c'est là que chaque franc rapporte le plus.`,
      `Invest more in ${label(best)} (ROI ${formatMetric('roi', num(best.roi), currency)}): that is where each unit of spend returns most.`,
    ),
    tr(
      language,
      `Auditer ${label(worst)} (ROI ${formatMetric('roi', num(worst.roi), currency)}, ${formatMetric('mark_spent', num(worst.mark_spent), currency)} dépensés) campagne par campagne.`,
      `Audit ${label(worst)} (ROI ${formatMetric('roi', num(worst.roi), currency)}, ${formatMetric('mark_spent', num(worst.mark_spent), currency)} spent) campaign by campaign.`,
    ),
  ];
}

function simulationRules(output: ToolOutput, language: Language, currency: string): string[] {
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

function segmentRules(output: ToolOutput, language: Language): string[] {
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

const GENERIC = (language: Language): string[] => [
  tr(
    language,
    'Mettre en place un digest hebdomadaire des campagnes sous le seuil de ROI (« digest chaque lundi à 9h »).',
    'Set up a weekly digest of campaigns below the ROI threshold ("digest every Monday at 9").',
  ),
  tr(
    language,
    'Comparer ces chiffres sur la dernière semaine pour repérer une dérive récente.',
    'Compare these figures over the last week to spot a recent drift.',
  ),
];

const NO_REVENUE_GENERIC = (language: Language): string =>
  tr(
    language,
    "Ajouter le chiffre d'affaires (valeur des conversions) à l'export pour pouvoir juger la rentabilité (ROI, ROAS).",
    'Add revenue (conversion value) to the export to judge profitability (ROI, ROAS).',
  );

/** 2–4 recommendations for the tool outputs of one answer. */
export function recommend(outputs: ToolOutput[], language: Language, currency: string): string[] {
  const specific = outputs.flatMap((output) => {
    switch (output.tool) {
      case 'rank_campaigns':
      case 'get_underperforming_campaigns':
      case 'describe_campaign':
        return campaignRules(output.rows, language, currency);
      case 'aggregate_by_dimension':
        return groupRules(output, language, currency);
      case 'simulate_budget':
        return simulationRules(output, language, currency);
      case 'segment_campaigns':
        return segmentRules(output, language);
      default:
        return [];
    }
  });
  const unique = [...new Set(specific)].slice(0, 4);
  // No ROI anywhere (the data has no revenue, or it is zero everywhere): no advice may rest on it.
  const hasRoi = outputs.some((output) => output.rows.some((row) => num(row.roi) !== null));
  const generic = hasRoi ? GENERIC(language) : [NO_REVENUE_GENERIC(language), ...GENERIC(language).slice(1)];
  for (const text of generic) if (unique.length < 2) unique.push(text);
  return unique;
}
