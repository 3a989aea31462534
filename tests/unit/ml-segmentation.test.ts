// Segmentation on synthetic campaigns whose groups are obvious by construction: k found by the silhouette,
// the same answer on every run, French labels from the centroids, clear errors for bad k or too few campaigns.
import { describe, expect, test } from '@jest/globals';
import { type CampaignKpis, segmentCampaigns, silhouette } from '../../src/ml/segmentation.js';

function campaign(name: string, spend: number, revenueRatio: number, ctr: number, cvr: number): CampaignKpis {
  const impressions = 1_000_000;
  const clicks = impressions * ctr;
  const orders = clicks * cvr;
  return {
    campaign_name: name,
    category: 'social',
    impressions,
    clicks,
    leads: orders * 4,
    orders,
    mark_spent: spend,
    revenue: spend * revenueRatio,
  };
}

// Three groups: profitable small campaigns, loss-making big spenders, break-even mid campaigns.
const CAMPAIGNS = [
  campaign('star_a', 10_000, 4.0, 0.02, 0.05),
  campaign('star_b', 11_000, 4.2, 0.021, 0.052),
  campaign('star_c', 9_000, 3.9, 0.019, 0.049),
  campaign('sink_a', 200_000, 0.5, 0.005, 0.01),
  campaign('sink_b', 210_000, 0.45, 0.0052, 0.011),
  campaign('sink_c', 190_000, 0.55, 0.0048, 0.009),
  campaign('mid_a', 50_000, 1.3, 0.01, 0.02),
  campaign('mid_b', 52_000, 1.25, 0.011, 0.021),
  campaign('mid_c', 48_000, 1.35, 0.0105, 0.019),
];

describe('segmentCampaigns', () => {
  const result = segmentCampaigns(CAMPAIGNS);

  test('finds the three groups by silhouette, ordered by falling ROI', () => {
    expect(result.k).toBe(3);
    expect(result.chosenBy).toBe('silhouette');
    expect(Object.keys(result.silhouettes).map(Number)).toEqual([2, 3, 4, 5]);
    expect(result.silhouette).toBe(Math.max(...Object.values(result.silhouettes)));
    expect(result.segments.map((segment) => segment.campaigns)).toEqual([
      ['star_a', 'star_b', 'star_c'],
      ['mid_a', 'mid_b', 'mid_c'],
      ['sink_a', 'sink_b', 'sink_c'],
    ]);
    expect(result.segments.map((segment) => segment.id)).toEqual([1, 2, 3]);
  });

  test('labels and commentary follow the centroids', () => {
    const [stars, mids, sinks] = result.segments;
    expect(stars!.label).toBe('Moteurs de rentabilité');
    expect(sinks!.label).toBe('Gouffres budgétaires');
    expect(mids!.label).toBe('À optimiser');
    for (const segment of result.segments) {
      expect(segment.colour).toMatch(/^#[0-9A-F]{6}$/i);
      expect(segment.commentary.length).toBeGreaterThan(20);
      expect(segment.commentary).not.toContain('\n');
    }
    // Ratio of sums over the members: (Σ revenue − Σ spend) / Σ spend.
    const spend = 200_000 + 210_000 + 190_000;
    const revenue = 200_000 * 0.5 + 210_000 * 0.45 + 190_000 * 0.55;
    expect(sinks!.kpis.roi).toBeCloseTo((revenue - spend) / spend, 12);
    const total = CAMPAIGNS.reduce((sum, row) => sum + row.mark_spent, 0);
    expect(sinks!.kpis.spend_share).toBeCloseTo(spend / total, 12);
  });

  test('rows carry campaign_name, segment and the KPIs used', () => {
    expect(result.rows).toHaveLength(9);
    const row = result.rows.find((candidate) => candidate.campaign_name === 'star_a')!;
    expect(row.segment).toBe('Moteurs de rentabilité');
    expect(row.roi).toBeCloseTo(3, 12);
    expect(row.ctr).toBeCloseTo(0.02, 12);
    expect(row.cvr).toBeCloseTo(0.05, 12);
    expect(row.cpl).toBeCloseTo(10_000 / (1_000_000 * 0.02 * 0.05 * 4), 9);
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining(['campaign_name', 'segment', 'roi', 'ctr', 'cvr', 'cpl', 'spend_share']),
    );
  });

  test('is the same on every run and whatever the input order', () => {
    expect(segmentCampaigns(CAMPAIGNS)).toEqual(result);
    expect(segmentCampaigns([...CAMPAIGNS].reverse())).toEqual(result);
  });

  test('a given k is used as is', () => {
    const two = segmentCampaigns(CAMPAIGNS, { k: 2 });
    expect(two.k).toBe(2);
    expect(two.chosenBy).toBe('given');
    expect(Object.keys(two.silhouettes)).toEqual(['2']);
  });

  test('k outside 2–5 (or ≥ the number of campaigns) is ML_INPUT_INVALID, too few campaigns INSUFFICIENT_DATA', () => {
    for (const k of [1, 6, 2.5])
      expect(() => segmentCampaigns(CAMPAIGNS, { k })).toThrow(
        expect.objectContaining({ code: 'ML_INPUT_INVALID' }),
      );
    expect(() => segmentCampaigns(CAMPAIGNS.slice(0, 4), { k: 4 })).toThrow(
      expect.objectContaining({ code: 'ML_INPUT_INVALID' }),
    );
    expect(() => segmentCampaigns(CAMPAIGNS.slice(0, 2))).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
  });
});

describe('silhouette', () => {
  test('matches a hand computation', () => {
    // Point 0: a = 1, b = (10 + 11) / 2 → 1 − 1/10.5; point 1: a = 1, b = 9.5 → 1 − 1/9.5; symmetric for 10, 11.
    const expected = (2 * (1 - 1 / 10.5) + 2 * (1 - 1 / 9.5)) / 4;
    expect(silhouette([[0], [1], [10], [11]], [0, 0, 1, 1])).toBeCloseTo(expected, 12);
  });
});
