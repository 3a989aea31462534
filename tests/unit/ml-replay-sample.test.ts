// The simulation replays a systematic sample of at most MAX_REPLAYED_ROWS campaign-days. The sample must be
// even (no bias towards the start of the list) and its simulated ratio close to replaying every row.
import { expect, test } from '@jest/globals';
import { MAX_REPLAYED_ROWS, replayedRows, simulateBudget } from '../../src/ml/budget-simulation.js';
import type { CampaignDay } from '../../src/ml/features.js';
import { trainRevenueModel, treeTotals } from '../../src/ml/revenue-model.js';
import { sampleCampaignDays } from '../fixtures/ml-rows.js';

/** 30 copies of the sample with a deterministic ±20 % jitter: 9,240 rows, more than the replay cap. */
function manyRows(): CampaignDay[] {
  const base = sampleCampaignDays();
  const rows: CampaignDay[] = [];
  for (let copy = 0; copy < 30; copy++) {
    base.forEach((row, index) => {
      const jitter = 0.8 + (((copy * 7919 + index * 104729) % 1000) / 1000) * 0.4;
      rows.push({
        ...row,
        mark_spent: row.mark_spent * jitter,
        impressions: Math.round(row.impressions * jitter),
        clicks: Math.round(row.clicks * jitter),
        revenue: row.revenue * jitter,
      });
    });
  }
  return rows;
}

test('small lists are replayed whole; large ones are sampled evenly', () => {
  const small = sampleCampaignDays();
  expect(replayedRows(small)).toBe(small);
  const rows = manyRows();
  const sample = replayedRows(rows);
  expect(sample).toHaveLength(MAX_REPLAYED_ROWS);
  expect(sample[0]).toBe(rows[0]);
  // Evenly spread: the last sampled row sits in the last stride of the list.
  expect(rows.indexOf(sample.at(-1)!)).toBeGreaterThan(rows.length - rows.length / MAX_REPLAYED_ROWS - 1);
});

test('the sampled simulation ratio stays close to replaying every row, well inside the model interval', () => {
  const rows = manyRows();
  const model = trainRevenueModel(rows, { scope: 'all', version: 'test' }, { forest: { trees: 30 } });
  const totals = {
    budget: rows.reduce((sum, row) => sum + row.mark_spent, 0),
    revenue: rows.reduce((sum, row) => sum + row.revenue, 0),
  };
  const sampled = simulateBudget({ model, rows, totals, category: 'all', budgetIncreasePct: 30 });
  // Second method: every row through the forest, by hand.
  const all = (factor: number) =>
    treeTotals(
      model,
      rows.map((row) => ({
        input: {
          spend: row.mark_spent * factor,
          impressions: row.impressions * factor,
          clicks: row.clicks * factor,
          category: row.category,
        },
        weight: 1,
      })),
    ).reduce((sum, value) => sum + value, 0);
  const fullRatio = all(1.3) / all(1);
  const sampledRatio = sampled.row.simulated_revenue / sampled.row.current_revenue;
  const error = Math.abs(sampledRatio / fullRatio - 1);
  const low = sampled.row.simulated_revenue_low / sampled.row.current_revenue;
  const high = sampled.row.simulated_revenue_high / sampled.row.current_revenue;
  expect(error).toBeLessThan(0.01);
  // The sampling error is a small part of the model's own uncertainty (10th–90th percentile of the trees).
  expect(fullRatio).toBeGreaterThan(low);
  expect(fullRatio).toBeLessThan(high);
  expect(Math.abs(sampledRatio - fullRatio)).toBeLessThan((high - low) / 8);
});
