// The KPI vocabulary shared by every layer: metric names (the warehouse column names), their French and
// English labels, and how each is shown to a person.
import type { Language } from './answer.js';
import { formatMoney, formatNumber, formatPercent } from './format.js';

export const METRICS = [
  'roi', 'roas', 'revenue', 'mark_spent', 'ctr', 'cvr', 'cpl', 'cpa', 'cpc', 'cpm', 'clicks', 'impressions', 'leads',
  'orders',
] as const; // biome-ignore format: one list
export type Metric = (typeof METRICS)[number];

type MetricUnit = 'percent' | 'ratio' | 'money' | 'count';

export const METRIC_INFO: Record<Metric, { fr: string; en: string; unit: MetricUnit }> = {
  roi: { fr: 'ROI', en: 'ROI', unit: 'percent' },
  roas: { fr: 'ROAS', en: 'ROAS', unit: 'ratio' },
  revenue: { fr: "chiffre d'affaires", en: 'revenue', unit: 'money' },
  mark_spent: { fr: 'dépenses', en: 'spend', unit: 'money' },
  ctr: { fr: 'taux de clic (CTR)', en: 'click-through rate (CTR)', unit: 'percent' },
  cvr: { fr: 'taux de conversion (CVR)', en: 'conversion rate (CVR)', unit: 'percent' },
  cpl: { fr: 'coût par lead (CPL)', en: 'cost per lead (CPL)', unit: 'money' },
  cpa: { fr: 'coût par commande (CPA)', en: 'cost per order (CPA)', unit: 'money' },
  cpc: { fr: 'coût par clic (CPC)', en: 'cost per click (CPC)', unit: 'money' },
  cpm: { fr: 'coût pour mille impressions (CPM)', en: 'cost per thousand impressions (CPM)', unit: 'money' },
  clicks: { fr: 'clics', en: 'clicks', unit: 'count' },
  impressions: { fr: 'impressions', en: 'impressions', unit: 'count' },
  leads: { fr: 'leads', en: 'leads', unit: 'count' },
  orders: { fr: 'commandes', en: 'orders', unit: 'count' },
};

/** A metric value as a person reads it: ROI « +277,3 % », CTR « 1,03 % », CPL « CHF 654,66 », ROAS « 1,40 ». */
export function formatMetric(
  metric: Metric,
  value: number | null | undefined,
  currency: string,
  language: Language = 'fr',
): string {
  switch (METRIC_INFO[metric].unit) {
    case 'percent':
      return metric === 'roi'
        ? formatPercent(value, { signed: true, language })
        : formatPercent(value, { digits: metric === 'ctr' || metric === 'cvr' ? 2 : 1, language });
    case 'ratio':
      return formatNumber(value, 2, language);
    case 'money':
      return formatMoney(
        value,
        currency,
        metric === 'cpl' || metric === 'cpa' || metric === 'cpc' || metric === 'cpm' ? 2 : 0,
        language,
      );
    case 'count':
      return formatNumber(value, 0, language);
  }
}
