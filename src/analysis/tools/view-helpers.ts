// Small helpers the tools' views share: reading numbers and the metric argument back from rows and provenance,
// and the filters of a call said in words (« (catégorie social, du 1er au 7 février 2021) »).
import type { Language } from '../../core/answer.js';
import { formatPeriod } from '../../core/format.js';
import { METRIC_INFO, METRICS, type Metric } from '../../core/metrics.js';
import { tr } from '../i18n.js';

/** A headline's first word capitalised (« chiffre d'affaires … » opens a sentence). */
export const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const metricOf = (value: unknown): Metric =>
  METRICS.includes(value as Metric) ? (value as Metric) : 'roi';

const dayArg = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function filtersText(args: Record<string, unknown>, language: Language): string {
  const parts: string[] = [];
  if (typeof args.category === 'string' && args.category !== 'all')
    parts.push(tr(language, `catégorie ${args.category}`, `category ${args.category}`));
  if (typeof args.campaign_name === 'string') parts.push(String(args.campaign_name));
  const period = formatPeriod(dayArg(args.date_from), dayArg(args.date_to), language);
  if (period) parts.push(period);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * The end of a ranking in words: « au ROI le plus élevé », « avec le plus de leads », « aux dépenses les plus basses »;
 * "with the highest ROI" (not « au plus haut dépenses »).
 */
export function extremeText(metric: Metric, highest: boolean, language: Language): string {
  const label = METRIC_INFO[metric][language];
  if (language === 'en') return `with the ${highest ? 'highest' : 'lowest'} ${label}`;
  if (METRIC_INFO[metric].unit === 'count') return `avec le ${highest ? 'plus' : 'moins'} de ${label}`;
  if (metric === 'mark_spent') return `aux dépenses les plus ${highest ? 'élevées' : 'basses'}`;
  return `au ${label} le plus ${highest ? 'élevé' : 'bas'}`;
}
