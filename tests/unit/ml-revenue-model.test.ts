// The revenue model on the bundled sample (parsed by hand, no warehouse): too few rows is a clear error, the
// model is deterministic, its holdout R² is kept beside it, and a prediction sits inside its interval.
import { describe, expect, test } from '@jest/globals';
import { userMessage } from '../../src/core/errors.js';
import { datasetVersion } from '../../src/ml/features.js';
import { predictRevenue, trainRevenueModel } from '../../src/ml/revenue-model.js';
import { sampleCampaignDays } from '../fixtures/ml-rows.js';

const rows = sampleCampaignDays();
const model = trainRevenueModel(
  rows,
  { scope: 'all', version: datasetVersion(rows) },
  { forest: { trees: 60 } },
);

describe('trainRevenueModel', () => {
  test('fewer than 10 rows: INSUFFICIENT_DATA with a French hint', () => {
    const train = () => trainRevenueModel(rows.slice(0, 9), { scope: 'social', version: 'v' });
    expect(train).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    try {
      train();
    } catch (error) {
      expect(userMessage(error)).toContain('au moins 10 lignes');
      expect(userMessage(error)).toContain('il y en a 9');
    }
  });

  test('keeps its holdout R² (20 % of the rows) and its out-of-bag R², and what it has seen', () => {
    expect(model.trainedRows).toBe(308);
    expect(model.holdout.rows).toBe(62);
    expect(model.holdout.r2Log).not.toBeNull();
    expect(model.holdout.r2Log!).toBeGreaterThan(0.3);
    expect(model.oobR2Log!).toBeGreaterThan(0.3);
    const spends = rows.map((row) => row.mark_spent);
    expect(model.ranges.spend).toEqual({ min: Math.min(...spends), max: Math.max(...spends) });
    expect(model.categories).toEqual(['influencer', 'media', 'search', 'social']);
    expect(model.categoryShares.social).toBeCloseTo(168 / 308, 12);
  });

  test('is deterministic for a seed', () => {
    const again = trainRevenueModel(rows, { scope: 'all', version: 'x' }, { forest: { trees: 60 } });
    expect(predictRevenue(again, { budget: 5000, category: 'search' })).toEqual(
      predictRevenue(model, { budget: 5000, category: 'search' }),
    );
  });

  test('the dataset version changes with the data', () => {
    const changed = rows.map((row, i) => (i === 0 ? { ...row, revenue: row.revenue + 1 } : row));
    expect(datasetVersion(changed)).not.toBe(datasetVersion(rows));
    expect(datasetVersion([...rows])).toBe(datasetVersion(rows));
  });
});

describe('predictRevenue', () => {
  test('a finite expected revenue inside its 10th–90th percentile interval', () => {
    for (const category of [undefined, 'social', 'search', 'influencer', 'media']) {
      const prediction = predictRevenue(model, { budget: 20_000, category });
      expect(Number.isFinite(prediction.expected)).toBe(true);
      expect(prediction.low).toBeLessThanOrEqual(prediction.expected);
      expect(prediction.expected).toBeLessThanOrEqual(prediction.high);
      expect(prediction.low).toBeGreaterThanOrEqual(0);
      expect(prediction.outOfRange).toEqual([]);
    }
  });

  test('estimates impressions and clicks from the observed ratios when not given', () => {
    const social = rows.filter((row) => row.category === 'social');
    const spend = social.reduce((sum, row) => sum + row.mark_spent, 0);
    const impressions = social.reduce((sum, row) => sum + row.impressions, 0);
    const clicks = social.reduce((sum, row) => sum + row.clicks, 0);
    const prediction = predictRevenue(model, { budget: 10_000, category: 'social' });
    expect(prediction.estimated).toEqual(['impressions', 'clicks']);
    expect(prediction.inputs[0]!.input.impressions).toBeCloseTo((10_000 * impressions) / spend, 6);
    expect(prediction.inputs[0]!.input.clicks).toBeCloseTo((10_000 * clicks) / spend, 6);
    const given = predictRevenue(model, {
      budget: 10_000,
      category: 'social',
      impressions: 500_000,
      clicks: 4000,
    });
    expect(given.estimated).toEqual([]);
    expect(given.inputs[0]!.input).toEqual({
      spend: 10_000,
      impressions: 500_000,
      clicks: 4000,
      category: 'social',
    });
  });

  test('flags an input outside what the model has seen', () => {
    const prediction = predictRevenue(model, { budget: 50_000_000, category: 'social' });
    expect(prediction.outOfRange).toContain('spend');
    expect(predictRevenue(model, { budget: 1, category: 'social' }).outOfRange).toContain('spend');
  });

  test('without a category, categories are mixed by their share of the rows', () => {
    const prediction = predictRevenue(model, { budget: 10_000 });
    expect(prediction.inputs.map((item) => item.input.category)).toEqual([
      'influencer',
      'media',
      'search',
      'social',
    ]);
    expect(prediction.inputs.reduce((sum, item) => sum + item.weight, 0)).toBeCloseTo(1, 12);
  });
});
