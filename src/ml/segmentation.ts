// Campaign segmentation: k-means (ml-kmeans) on standardized per-campaign KPIs, k chosen by the silhouette
// between 2 and 5 when not given. Deterministic: fixed seeds, the best of a few seeded restarts, and segments
// numbered by falling ROI (then by name) so the same data always gives the same labels in the same order.
// Each segment gets a French business label, a colour and a one-line commentary derived from its centroid.
import { kmeans } from 'ml-kmeans';
import { AppError } from '../core/errors.js';
import { formatMoney, formatPercent } from '../core/format.js';
import type { Row } from '../core/rows.js';
import { K_RANGE } from './segment-limits.js';

export const SEGMENT_FEATURES = ['roi', 'ctr', 'cvr', 'cpl', 'spend_share'] as const;
export type SegmentFeature = (typeof SEGMENT_FEATURES)[number];

export { K_RANGE } from './segment-limits.js';
export const MIN_CAMPAIGNS = 3;

export interface CampaignKpis {
  campaign_name: string;
  category: string;
  impressions: number;
  clicks: number;
  leads: number;
  orders: number;
  mark_spent: number;
  revenue: number;
}

export interface Segment {
  id: number;
  label: string;
  colour: string;
  commentary: string;
  campaigns: string[];
  /** Ratio-of-sums KPIs of the segment's campaigns; spend_share = its share of all spend. */
  kpis: Record<SegmentFeature, number | null>;
  /** The k-means centroid in standardized units (0 = the portfolio's average campaign). */
  centroid: Record<SegmentFeature, number>;
}

export interface Segmentation {
  k: number;
  chosenBy: 'silhouette' | 'given';
  silhouette: number;
  /** Silhouette of each k tried. */
  silhouettes: Record<number, number>;
  segments: Segment[];
  /** One row per campaign: campaign_name, category, segment, segment_id and the KPIs used. */
  rows: Row[];
}

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

function kpisOf(members: readonly CampaignKpis[], totalSpend: number): Record<SegmentFeature, number | null> {
  const sum = (key: keyof CampaignKpis) => members.reduce((total, row) => total + (row[key] as number), 0);
  const spend = sum('mark_spent');
  return {
    roi: ratio(sum('revenue') - spend, spend),
    ctr: ratio(sum('clicks'), sum('impressions')),
    cvr: ratio(sum('orders'), sum('clicks')),
    cpl: ratio(spend, sum('leads')),
    spend_share: ratio(spend, totalSpend),
  };
}

/** Standardizes each column (z-scores; a constant column becomes 0; a missing value takes the median). */
function standardize(matrix: (number | null)[][]): number[][] {
  const columns = matrix[0]?.length ?? 0;
  const result = matrix.map(() => new Array<number>(columns).fill(0));
  for (let c = 0; c < columns; c++) {
    const present = matrix.map((row) => row[c]).filter((value): value is number => value !== null);
    const sorted = [...present].sort((a, b) => a - b);
    const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! : 0;
    const values = matrix.map((row) => row[c] ?? median);
    const avg = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - avg) ** 2, 0) / values.length);
    values.forEach((value, r) => {
      result[r]![c] = sd > 1e-12 ? (value - avg) / sd : 0;
    });
  }
  return result;
}

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.sqrt(a.reduce((sum, value, i) => sum + (value - b[i]!) ** 2, 0));

/** Mean silhouette coefficient (a point alone in its cluster scores 0, as in scikit-learn). */
export function silhouette(points: readonly number[][], labels: readonly number[]): number {
  const clusters = [...new Set(labels)];
  if (clusters.length < 2) return -1;
  let total = 0;
  points.forEach((point, i) => {
    const own = labels[i]!;
    const mates = points.filter((_, j) => j !== i && labels[j] === own);
    if (mates.length === 0) return;
    const a = mates.reduce((sum, other) => sum + distance(point, other), 0) / mates.length;
    let b = Number.POSITIVE_INFINITY;
    for (const cluster of clusters) {
      if (cluster === own) continue;
      const members = points.filter((_, j) => labels[j] === cluster);
      b = Math.min(b, members.reduce((sum, other) => sum + distance(point, other), 0) / members.length);
    }
    total += (b - a) / Math.max(a, b);
  });
  return total / points.length;
}

/** The silhouette is computed on at most this many campaigns. */
export const SILHOUETTE_SAMPLE = 1000;
/** Above this many campaigns, k is chosen on an evenly spread sample of this size. */
export const K_SELECTION_SAMPLE = 2000;

/** `size` indexes spread evenly over 0..n-1 (all of them when n ≤ size). */
export function sampleIndexes(n: number, size: number): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  const step = n / size;
  return Array.from({ length: size }, (_, i) => Math.floor(i * step));
}

/** The best of several seeded k-means++ runs (lowest inertia); labels renumbered 0… by first appearance. */
function cluster(points: number[][], k: number, seed: number): number[] {
  let best: { labels: number[]; inertia: number } | undefined;
  // Fewer restarts on large portfolios: each restart is a full k-means over every campaign.
  const restarts = points.length > 2000 ? 3 : 8;
  for (let restart = 0; restart < restarts; restart++) {
    const result = kmeans(points, k, {
      seed: seed + restart,
      initialization: 'kmeans++',
      maxIterations: 300,
    });
    const inertia = points.reduce(
      (sum, point, i) => sum + distance(point, result.centroids[result.clusters[i]!]!) ** 2,
      0,
    );
    if (!best || inertia < best.inertia - 1e-9) best = { labels: result.clusters, inertia };
  }
  const renumber = new Map<number, number>();
  return best!.labels.map((label) => {
    if (!renumber.has(label)) renumber.set(label, renumber.size);
    return renumber.get(label)!;
  });
}

const COLOURS: Record<string, string> = {
  'Moteurs de rentabilité': '#2E7D32',
  'À optimiser': '#F9A825',
  'Gouffres budgétaires': '#C62828',
  'Campagnes déficitaires': '#EF6C00',
  'Fort engagement, faible conversion': '#1565C0',
  'Leads coûteux': '#6A1B9A',
};

function describe(
  kpis: Record<SegmentFeature, number | null>,
  centroid: Record<SegmentFeature, number>,
  currency: string,
): { label: string; commentary: string } {
  const roi = formatPercent(kpis.roi, { signed: true });
  const share = formatPercent(kpis.spend_share);
  // A money pit loses clearly (below −20 %) on a real share of the budget; a segment just under break-even is
  // « déficitaire », not a pit.
  if ((kpis.roi ?? 0) < -0.2 && centroid.spend_share >= 0)
    return {
      label: 'Gouffres budgétaires',
      commentary: `ROI ${roi} sur ${share} des dépenses : réduire ou couper le budget, revoir ciblage et créations.`,
    };
  if ((kpis.roi ?? 0) < 0)
    return {
      label: 'Campagnes déficitaires',
      commentary: `ROI ${roi} pour ${share} des dépenses : isoler les campagnes qui perdent de l'argent, tester d'autres créations ou arrêter.`,
    };
  if (centroid.roi >= 0.5)
    return {
      label: 'Moteurs de rentabilité',
      commentary: `ROI ${roi}, au-dessus du portefeuille, pour ${share} des dépenses : augmenter le budget progressivement.`,
    };
  if (centroid.ctr >= 0.5 && centroid.cvr < 0)
    return {
      label: 'Fort engagement, faible conversion',
      commentary: `CTR ${formatPercent(kpis.ctr, { digits: 2 })} mais CVR ${formatPercent(kpis.cvr, { digits: 2 })} : travailler la page d'arrivée et l'offre.`,
    };
  if (centroid.cpl >= 0.5)
    return {
      label: 'Leads coûteux',
      commentary: `CPL ${formatMoney(kpis.cpl, currency, 2)}, au-dessus du portefeuille : revoir le ciblage et les enchères.`,
    };
  return {
    label: 'À optimiser',
    commentary: `Rentables (ROI ${roi}) sans se démarquer, ${share} des dépenses : optimiser enchères et créations avant d'augmenter le budget.`,
  };
}

export interface SegmentOptions {
  k?: number;
  seed?: number;
  currency?: string;
}

export function segmentCampaigns(
  campaigns: readonly CampaignKpis[],
  options: SegmentOptions = {},
): Segmentation {
  const seed = options.seed ?? 42;
  const currency = options.currency ?? 'CHF';
  const sorted = [...campaigns].sort((a, b) => a.campaign_name.localeCompare(b.campaign_name));
  if (sorted.length < MIN_CAMPAIGNS) {
    throw new AppError('INSUFFICIENT_DATA', `${sorted.length} campaigns to segment`, {
      hint: `Il faut au moins ${MIN_CAMPAIGNS} campagnes pour former des segments ; il y en a ${sorted.length}.`,
    });
  }
  const maxK = Math.min(K_RANGE.max, sorted.length - 1);
  if (
    options.k !== undefined &&
    (!Number.isInteger(options.k) || options.k < K_RANGE.min || options.k > maxK)
  ) {
    throw new AppError('ML_INPUT_INVALID', `k=${options.k} outside ${K_RANGE.min}..${maxK}`, {
      hint: `Le nombre de segments doit être un entier entre ${K_RANGE.min} et ${maxK} (${sorted.length} campagnes).`,
    });
  }
  const totalSpend = sorted.reduce((sum, row) => sum + row.mark_spent, 0);
  const perCampaign = sorted.map((row) => kpisOf([row], totalSpend));
  const points = standardize(perCampaign.map((kpis) => SEGMENT_FEATURES.map((feature) => kpis[feature])));

  const candidates = options.k !== undefined ? [options.k] : range(K_RANGE.min, maxK);
  const silhouettes: Record<number, number> = {};
  let chosen: { k: number; labels: number[]; score: number } | undefined;
  // Above SILHOUETTE_SAMPLE campaigns the silhouette (O(n²)) is computed on an evenly spread, deterministic sample
  // of them (as scikit-learn's sample_size). Above K_SELECTION_SAMPLE, k is also chosen on such a sample, then
  // k-means runs once on every campaign with that k.
  const selection =
    candidates.length > 1 && points.length > K_SELECTION_SAMPLE
      ? sampleIndexes(points.length, K_SELECTION_SAMPLE)
      : undefined;
  const selectionPoints = selection ? selection.map((i) => points[i]!) : points;
  const scored = sampleIndexes(selectionPoints.length, SILHOUETTE_SAMPLE);
  const scoredPoints = scored.map((i) => selectionPoints[i]!);
  for (const k of candidates) {
    const labels = cluster(selectionPoints, k, seed);
    const score = silhouette(
      scoredPoints,
      scored.map((i) => labels[i]!),
    );
    silhouettes[k] = score;
    if (!chosen || score > chosen.score + 1e-12) chosen = { k, labels, score };
  }
  if (selection && chosen) {
    const labels = cluster(points, chosen.k, seed);
    const sample = sampleIndexes(points.length, SILHOUETTE_SAMPLE);
    chosen = {
      k: chosen.k,
      labels,
      score: silhouette(
        sample.map((i) => points[i]!),
        sample.map((i) => labels[i]!),
      ),
    };
  }
  const { labels } = chosen!;

  const groups = [...new Set(labels)].map((label) => {
    const members = sorted.filter((_, i) => labels[i] === label);
    const memberPoints = points.filter((_, i) => labels[i] === label);
    const centroid = Object.fromEntries(
      SEGMENT_FEATURES.map((feature, c) => [
        feature,
        memberPoints.reduce((sum, point) => sum + point[c]!, 0) / memberPoints.length,
      ]),
    ) as Record<SegmentFeature, number>;
    return { label, members, centroid, kpis: kpisOf(members, totalSpend) };
  });
  groups.sort(
    (a, b) =>
      (b.kpis.roi ?? Number.NEGATIVE_INFINITY) - (a.kpis.roi ?? Number.NEGATIVE_INFINITY) ||
      a.members[0]!.campaign_name.localeCompare(b.members[0]!.campaign_name),
  );
  const used = new Map<string, number>();
  const segments: Segment[] = groups.map((group, index) => {
    const { label, commentary } = describe(group.kpis, group.centroid, currency);
    const count = (used.get(label) ?? 0) + 1;
    used.set(label, count);
    return {
      id: index + 1,
      label: count === 1 ? label : `${label} (${count})`,
      colour: COLOURS[label] ?? '#607D8B',
      commentary,
      campaigns: group.members.map((member) => member.campaign_name),
      kpis: group.kpis,
      centroid: group.centroid,
    };
  });
  const segmentOf = new Map<number, Segment>(groups.map((group, index) => [group.label, segments[index]!]));
  const rows: Row[] = sorted
    .map((row, i) => {
      const segment = segmentOf.get(labels[i]!)!;
      return {
        campaign_name: row.campaign_name,
        category: row.category,
        segment: segment.label,
        segment_id: segment.id,
        ...perCampaign[i]!,
        mark_spent: row.mark_spent,
        revenue: row.revenue,
      };
    })
    .sort(
      (a, b) =>
        (a.segment_id as number) - (b.segment_id as number) ||
        ((b.roi as number | null) ?? 0) - ((a.roi as number | null) ?? 0) ||
        a.campaign_name.localeCompare(b.campaign_name),
    );
  return {
    k: segments.length,
    chosenBy: options.k !== undefined ? 'given' : 'silhouette',
    silhouette: chosen!.score,
    silhouettes,
    segments,
    rows,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
