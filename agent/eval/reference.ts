// The evaluation's own figures: the bundled sample's CSV read in plain TypeScript and summed by hand, no SQL and no
// code of the bot's data path, so an answer is checked against a second, independent computation.
import { readFileSync } from 'node:fs';
import type { EvalMetric, Scope } from './expectations.js';

export interface ReferenceRow {
  day: string; // YYYY-MM-DD
  campaign: string;
  category: string;
  impressions: number;
  clicks: number;
  leads: number;
  orders: number;
  spend: number;
  revenue: number;
}

type Sums = Omit<ReferenceRow, 'day' | 'campaign' | 'category'>;

/** The sample's layout (id, c_date DD-MM-YYYY, campaign_name, category, campaign_id, impressions, mark_spent, clicks,
 * leads, orders, revenue); anything else is refused: the answer evaluation is written for that file. */
export function readReferenceRows(file: string): ReferenceRow[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  if (
    header !==
    'id,c_date,campaign_name,category,campaign_id,impressions,mark_spent,clicks,leads,orders,revenue'
  )
    throw new Error(`${file}: the answer evaluation runs on the bundled sample's layout only`);
  return lines.map((line) => {
    const [, date, campaign, category, , impressions, spend, clicks, leads, orders, revenue] =
      line.split(',');
    const [d, m, y] = (date ?? '').split('-');
    return {
      day: `${y}-${m}-${d}`,
      campaign: campaign ?? '',
      category: category ?? '',
      impressions: Number(impressions),
      clicks: Number(clicks),
      leads: Number(leads),
      orders: Number(orders),
      spend: Number(spend),
      revenue: Number(revenue),
    };
  });
}

export function inScope(rows: readonly ReferenceRow[], scope: Scope): ReferenceRow[] {
  const prefix = scope.campaign_prefix?.toLowerCase();
  return rows.filter(
    (row) =>
      (!scope.campaigns || scope.campaigns.includes(row.campaign)) &&
      (!scope.categories || scope.categories.includes(row.category)) &&
      (!prefix || row.campaign.toLowerCase().startsWith(prefix)) &&
      (!scope.from || row.day >= scope.from) &&
      (!scope.to || row.day <= scope.to),
  );
}

function sum(rows: readonly ReferenceRow[]): Sums {
  const total: Sums = { impressions: 0, clicks: 0, leads: 0, orders: 0, spend: 0, revenue: 0 };
  for (const row of rows) {
    total.impressions += row.impressions;
    total.clicks += row.clicks;
    total.leads += row.leads;
    total.orders += row.orders;
    total.spend += row.spend;
    total.revenue += row.revenue;
  }
  return total;
}

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

/** A metric over rows: measures are sums, KPIs ratios of sums (null on a zero denominator). */
export function metricOf(metric: EvalMetric, rows: readonly ReferenceRow[]): number | null {
  if (rows.length === 0) return null;
  const t = sum(rows);
  switch (metric) {
    case 'impressions':
    case 'clicks':
    case 'leads':
    case 'orders':
    case 'revenue':
      return t[metric];
    case 'mark_spent':
      return t.spend;
    case 'ctr':
      return ratio(t.clicks, t.impressions);
    case 'cvr':
      return ratio(t.orders, t.clicks);
    case 'cpl':
      return ratio(t.spend, t.leads);
    case 'cpa':
      return ratio(t.spend, t.orders);
    case 'cpc':
      return ratio(t.spend, t.clicks);
    case 'cpm':
      return t.impressions === 0 ? null : (1000 * t.spend) / t.impressions;
    case 'roi':
      return t.spend === 0 ? null : (t.revenue - t.spend) / t.spend;
    case 'roas':
      return ratio(t.revenue, t.spend);
  }
}

/** The Monday of a day's week (weeks run Monday to Sunday). */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

const memberOf: Record<'campaign' | 'category' | 'day' | 'week', (row: ReferenceRow) => string> = {
  campaign: (row) => row.campaign,
  category: (row) => row.category,
  day: (row) => row.day,
  week: (row) => weekOf(row.day),
};

/** Each member's figure, in member order. */
export function breakdown(
  metric: EvalMetric,
  by: keyof typeof memberOf,
  rows: readonly ReferenceRow[],
): { member: string; value: number | null }[] {
  const groups = new Map<string, ReferenceRow[]>();
  for (const row of rows) {
    const member = memberOf[by](row);
    groups.set(member, [...(groups.get(member) ?? []), row]);
  }
  return [...groups.keys()]
    .sort()
    .map((member) => ({ member, value: metricOf(metric, groups.get(member)!) }));
}

/**
 * Each member's contribution to the change of `metric` from `before` to `after`: for a sum, the change of the
 * member's own sum; for a ratio N/D, w'·r' − w·r where w is the member's share of D and r its own ratio (the
 * contributions add up to the total change). Largest absolute contribution first.
 */
export function contributions(
  metric: EvalMetric,
  by: 'campaign' | 'category',
  before: readonly ReferenceRow[],
  after: readonly ReferenceRow[],
): { member: string; contribution: number }[] {
  const shareWeighted = (rows: readonly ReferenceRow[], member: string): number => {
    const mine = rows.filter((row) => memberOf[by](row) === member);
    if (mine.length === 0) return 0;
    const value = metricOf(metric, mine) ?? 0;
    const denominator = DENOMINATOR[metric];
    if (!denominator) return value;
    const total = denominator(sum(rows));
    return total === 0 ? 0 : (denominator(sum(mine)) / total) * value;
  };
  const members = [...new Set([...before, ...after].map((row) => memberOf[by](row)))];
  return members
    .map((member) => ({ member, contribution: shareWeighted(after, member) - shareWeighted(before, member) }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.member.localeCompare(b.member));
}

/** The denominator of each ratio KPI (ROI = ROAS − 1 shares spend's weights); none for sums. */
const DENOMINATOR: Partial<Record<EvalMetric, (t: Sums) => number>> = {
  ctr: (t) => t.impressions,
  cvr: (t) => t.clicks,
  cpl: (t) => t.leads,
  cpa: (t) => t.orders,
  cpc: (t) => t.clicks,
  cpm: (t) => t.impressions,
  roi: (t) => t.spend,
  roas: (t) => t.spend,
};
