// The total row over a breakdown's groups: measures added up, every KPI recomputed from those sums (a ratio of
// sums, never an average of the groups' ratios; NULL on a zero denominator).
import type { Row } from '../../../core/rows.js';

const MEASURES = ['impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue'] as const;

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

export function totalsOf(rows: readonly Row[]): Row {
  const sums = Object.fromEntries(
    MEASURES.map((measure) => [measure, rows.reduce((total, row) => total + (Number(row[measure]) || 0), 0)]),
  ) as Record<(typeof MEASURES)[number], number>;
  return {
    is_total: true,
    campaigns: rows.reduce((total, row) => total + (Number(row.campaigns) || 0), 0),
    ...sums,
    ctr: ratio(sums.clicks, sums.impressions),
    cvr: ratio(sums.orders, sums.clicks),
    cpl: ratio(sums.mark_spent, sums.leads),
    cpa: ratio(sums.mark_spent, sums.orders),
    cpc: ratio(sums.mark_spent, sums.clicks),
    cpm: sums.impressions === 0 ? null : (1000 * sums.mark_spent) / sums.impressions,
    roi: sums.mark_spent === 0 ? null : (sums.revenue - sums.mark_spent) / sums.mark_spent,
    roas: ratio(sums.revenue, sums.mark_spent),
  };
}
