// Why a KPI moved between two periods, member by member (campaigns, categories…). A ratio KPI over the whole
// scope is the members' ratios weighted by their share of its denominator (ROI by spend, CPA by orders, CTR by
// impressions): R = Σ wᵢ·rᵢ. Its change splits exactly into a rate effect Σ wᵢ·(rᵢ' − rᵢ) (members got better or
// worse) and a mix effect Σ (wᵢ' − wᵢ)·rᵢ' (weight moved between members). A measure's change is the members'
// own changes. Contributions add up to the total change.
import type { Metric } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';

/** The denominator whose shares weight each ratio KPI; none for measures (sums). */
const WEIGHT: Partial<Record<Metric, string>> = {
  ctr: 'impressions',
  cvr: 'clicks',
  cpl: 'leads',
  cpa: 'orders',
  cpc: 'clicks',
  cpm: 'impressions',
  roi: 'mark_spent',
  roas: 'mark_spent',
};

export interface Driver {
  member: string;
  before: number | null;
  after: number | null;
  rate_effect: number;
  mix_effect: number;
  contribution: number;
}

const value = (row: Row | undefined, key: string): number | null =>
  row && typeof row[key] === 'number' && Number.isFinite(row[key]) ? (row[key] as number) : null;

export function decompose(
  metric: Metric,
  key: string,
  before: readonly Row[],
  after: readonly Row[],
): Driver[] {
  const byMember = (rows: readonly Row[]) => new Map(rows.map((row) => [String(row[key]), row]));
  const a = byMember(before);
  const b = byMember(after);
  const members = [...new Set([...a.keys(), ...b.keys()])];
  const weightKey = WEIGHT[metric];
  const totalWeight = (rows: Map<string, Row>) =>
    weightKey ? [...rows.values()].reduce((sum, row) => sum + (value(row, weightKey) ?? 0), 0) : 0;
  const wa = totalWeight(a);
  const wb = totalWeight(b);
  const drivers = members.map((member) => {
    const ra = value(a.get(member), metric);
    const rb = value(b.get(member), metric);
    if (!weightKey) {
      const change = (rb ?? 0) - (ra ?? 0);
      return { member, before: ra, after: rb, rate_effect: change, mix_effect: 0, contribution: change };
    }
    const shareA = wa === 0 ? 0 : (value(a.get(member), weightKey) ?? 0) / wa;
    const shareB = wb === 0 ? 0 : (value(b.get(member), weightKey) ?? 0) / wb;
    // A member absent (or with no denominator) in one period counts with weight 0 there.
    const rate = shareA * ((rb ?? 0) - (ra ?? 0)) * (ra !== null && rb !== null ? 1 : 0);
    const contribution = shareB * (rb ?? 0) - shareA * (ra ?? 0);
    return {
      member,
      before: ra,
      after: rb,
      rate_effect: rate,
      mix_effect: contribution - rate,
      contribution,
    };
  });
  return drivers.sort(
    (x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || x.member.localeCompare(y.member),
  );
}
