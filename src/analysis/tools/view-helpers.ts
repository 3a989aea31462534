// Small helpers the tools' views share: reading numbers and the metric argument back from rows and provenance,
// and the filters of a call said in words (« (catégorie social, du 2021-02-01 au 2021-02-07) »).
import type { Language } from '../../core/answer.js';
import { METRICS, type Metric } from '../../core/metrics.js';
import { tr } from '../i18n.js';

export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const metricOf = (value: unknown): Metric =>
  METRICS.includes(value as Metric) ? (value as Metric) : 'roi';

export function filtersText(args: Record<string, unknown>, language: Language): string {
  const parts: string[] = [];
  if (typeof args.category === 'string' && args.category !== 'all')
    parts.push(tr(language, `catégorie ${args.category}`, `category ${args.category}`));
  if (typeof args.campaign_name === 'string') parts.push(String(args.campaign_name));
  if (args.date_from && args.date_to)
    parts.push(
      tr(language, `du ${args.date_from} au ${args.date_to}`, `from ${args.date_from} to ${args.date_to}`),
    );
  else if (args.date_from) parts.push(tr(language, `depuis le ${args.date_from}`, `since ${args.date_from}`));
  else if (args.date_to) parts.push(tr(language, `jusqu'au ${args.date_to}`, `until ${args.date_to}`));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
