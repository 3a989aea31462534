// What the data can answer: a KPI whose measures are absent (or zero everywhere) does not exist for that data, and a
// time question on data without dates has no answer. Each refusal is an AppError with a French explanation that
// says what is missing, what cannot be computed, and what can be given instead.
import { AppError } from '../core/errors.js';
import { type Catalog, hasMeasure } from './catalog.js';
import { KPI_NEEDS, MEASURE_LABELS, MEASURES, type Measure } from './semantic-model.js';

const KPI_NAMES: Record<string, string> = {
  ctr: 'CTR',
  cvr: 'CVR',
  cpl: 'CPL',
  cpa: 'CPA',
  cpc: 'CPC',
  cpm: 'CPM',
  roi: 'ROI',
  roas: 'ROAS',
};

const MEASURE_NAMES: Record<Measure, string> = {
  impressions: 'les impressions',
  clicks: 'les clics',
  mark_spent: 'les dépenses',
  leads: 'les leads',
  orders: 'les commandes',
  revenue: "le chiffre d'affaires",
};

/** The measures a metric (a measure itself or a KPI) rests on. */
export function measuresOf(metric: string): readonly Measure[] {
  if ((MEASURES as readonly string[]).includes(metric)) return [metric as Measure];
  return KPI_NEEDS[metric] ?? [];
}

/** True when every measure the metric needs is in the data. */
export function metricAvailable(catalog: Catalog, metric: string): boolean {
  return measuresOf(metric).every((measure) => hasMeasure(catalog, measure));
}

/** The KPIs (and measures) this data can give, for "Je peux vous donner …". */
export function availableMetrics(catalog: Catalog): string[] {
  const kpis = Object.keys(KPI_NAMES).filter((kpi) => metricAvailable(catalog, kpi));
  const measures = MEASURES.filter((measure) => hasMeasure(catalog, measure));
  return [...kpis.map((kpi) => `le ${KPI_NAMES[kpi]}`), ...measures.map((measure) => MEASURE_NAMES[measure])];
}

/** MEASURE_ABSENT with the French explanation when `metric` cannot be computed on this data; undefined otherwise. */
export function absentMetricError(catalog: Catalog, metric: string): AppError | undefined {
  const missing = measuresOf(metric).filter((measure) => !hasMeasure(catalog, measure));
  if (missing.length === 0) return undefined;
  const lacking = missing.map((measure) => MEASURE_LABELS[measure].fr).join(' ni ');
  const impossible = Object.keys(KPI_NEEDS)
    .filter((kpi) => KPI_NEEDS[kpi]!.some((measure) => missing.includes(measure)))
    .map((kpi) => KPI_NAMES[kpi]);
  const listed =
    impossible.length > 1 ? `${impossible.slice(0, -1).join(', ')} et ${impossible.at(-1)}` : impossible[0];
  const offers = availableMetrics(catalog).slice(0, 4);
  const offer = offers.length > 0 ? ` Je peux vous donner ${offers.join(', ')}.` : '';
  return new AppError('MEASURE_ABSENT', `${metric}: the data has no ${missing.join(', ')}`, {
    hint: `Vos données n'ont pas ${lacking} : ${listed ?? metric} ${impossible.length > 1 ? 'ne sont pas calculables' : "n'est pas calculable"}.${offer}`,
    details: { metric, missing },
  });
}

export function requireMetric(catalog: Catalog, metric: string): void {
  const error = absentMetricError(catalog, metric);
  if (error) throw error;
}

/** NO_DATES when the data has no dates (no time in the model). */
export function requireDates(catalog: Catalog, what: string): void {
  if (catalog.firstDay !== null || catalog.lastDay !== null) return;
  throw new AppError('NO_DATES', `${what}: the data has no dates`, {
    hint: 'Posez la question sur toute la période (par exemple « Top 5 des campagnes par CPA »), ou chargez un export avec une colonne de date.',
  });
}
