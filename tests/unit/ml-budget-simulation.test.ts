// Budget simulation on the bundled sample (parsed by hand): observed totals are exact, the revenue figures are
// finite and inside their interval, 0 % gives a zero delta, the volume assumption is a real parameter, and
// leaving the training range is reported.
import { describe, expect, test } from '@jest/globals';
import { baselineTotals, simulateBudget, simulationText } from '../../src/ml/budget-simulation.js';
import { datasetVersion } from '../../src/ml/features.js';
import { trainRevenueModel } from '../../src/ml/revenue-model.js';
import { sampleCampaignDays } from '../fixtures/ml-rows.js';
import { readSampleRows, totals } from '../fixtures/sample-figures.js';

const social = sampleCampaignDays('social');
const socialTotals = totals(readSampleRows().filter((row) => row.category === 'social'));
const model = trainRevenueModel(
  social,
  { scope: 'social', version: datasetVersion(social) },
  { forest: { trees: 60 } },
);
const run = (budgetIncreasePct: number, volumeElasticity?: number) =>
  simulateBudget({
    model,
    rows: social,
    totals: { budget: socialTotals.spend, revenue: socialTotals.revenue },
    category: 'social',
    budgetIncreasePct,
    volumeElasticity,
  });
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('simulateBudget', () => {
  test('+20 % on social: current 13 798 500.91, simulated 16 558 201.09', () => {
    const { row } = run(20);
    expect(socialTotals.spend).toBeCloseTo(13_798_500.91, 2); // the hand-parsed CSV agrees with the issue
    expect(row.category).toBe('social');
    expect(row.budget_increase_pct).toBe(20);
    expect(row.current_budget).toBe(13_798_500.91);
    expect(row.simulated_budget).toBe(16_558_201.09);
    expect(row.current_revenue).toBeCloseTo(socialTotals.revenue, 2);
  });

  test.each([-50, -20, 10, 20, 50, 100, 200])('%i %%: figures finite and inside their interval', (pct) => {
    const { row } = run(pct);
    for (const value of [
      row.simulated_revenue,
      row.simulated_revenue_low,
      row.simulated_revenue_high,
      row.delta_revenue,
    ])
      expect(Number.isFinite(value)).toBe(true);
    expect(row.simulated_revenue_low).toBeLessThanOrEqual(row.simulated_revenue);
    expect(row.simulated_revenue).toBeLessThanOrEqual(row.simulated_revenue_high);
    expect(row.delta_revenue).toBeCloseTo(row.simulated_revenue - row.current_revenue, 2);
    expect(row.delta_revenue_pct!).toBeCloseTo((100 * row.delta_revenue) / row.current_revenue, 8);
    const deltaBudget = row.simulated_budget - row.current_budget;
    expect(row.incremental_roi!).toBeCloseTo((row.delta_revenue - deltaBudget) / deltaBudget, 8);
  });

  test('0 % gives exactly a zero delta and no incremental ROI', () => {
    const { row, warnings } = run(0);
    expect(row.simulated_budget).toBe(row.current_budget);
    expect(row.simulated_revenue).toBe(row.current_revenue);
    expect(row.simulated_revenue_low).toBe(row.current_revenue);
    expect(row.simulated_revenue_high).toBe(row.current_revenue);
    expect(row.delta_revenue).toBe(0);
    expect(row.delta_revenue_pct).toBe(0);
    expect(row.incremental_roi).toBeNull();
    expect(warnings).toEqual([]);
  });

  test('a cached baseline gives the same simulation', () => {
    const cached = simulateBudget({
      model,
      rows: social,
      totals: { budget: socialTotals.spend, revenue: socialTotals.revenue },
      category: 'social',
      budgetIncreasePct: 35,
      baseTotals: baselineTotals(model, social),
    });
    expect(cached).toEqual(run(35));
  });

  test('the volume assumption is a parameter: elasticity 0 keeps impressions and clicks fixed', () => {
    const proportional = run(50, 1);
    const fixedVolumes = run(50, 0);
    expect(proportional.volumeElasticity).toBe(1);
    expect(fixedVolumes.volumeElasticity).toBe(0);
    expect(fixedVolumes.row.simulated_budget).toBe(proportional.row.simulated_budget);
    expect(fixedVolumes.row.simulated_revenue).not.toBe(proportional.row.simulated_revenue);
  });

  test('spend beyond the training range is reported (a random forest cannot extrapolate)', () => {
    const maxSpend = Math.max(...social.map((row) => row.mark_spent));
    const beyond = social.filter((row) => row.mark_spent * 3 > maxSpend).length;
    const result = run(200);
    expect(result.outsideRange.rows).toBeGreaterThanOrEqual(beyond);
    expect(result.outsideRange.fields).toContain('spend');
    expect(result.warnings.join(' ')).toMatch(/n’extrapole pas/);
  });
});

describe('simulationText', () => {
  test('follows the platform block', () => {
    const text = plain(
      simulationText(
        {
          category: 'social',
          budget_increase_pct: 20,
          current_budget: 13_798_500.91,
          simulated_budget: 16_558_201.09,
          current_revenue: 1_000_000,
          simulated_revenue: 1_100_000,
          simulated_revenue_low: 1_050_000,
          simulated_revenue_high: 1_150_000,
          delta_revenue: 100_000,
          delta_revenue_pct: 10,
          incremental_roi: -0.5,
        },
        'CHF',
      ),
    );
    expect(text).toContain('Budget actuel : CHF 13 798 501');
    expect(text).toContain('Budget simulé : CHF 16 558 201');
    expect(text).toContain('CA simulé : CHF 1 100 000 (intervalle CHF 1 050 000 – CHF 1 150 000)');
    expect(text).toContain('Écart de CA : +CHF 100 000 (+10,0 %)');
    expect(text).not.toMatch(/Revenue|Delta/);
    expect(text).toContain('ROI incrémental : −50,0 %');
  });

  test('speaks English to an English question', () => {
    const text = plain(
      simulationText(
        {
          category: 'search',
          budget_increase_pct: -15,
          current_budget: 2_000_000,
          simulated_budget: 1_700_000,
          current_revenue: 3_000_000,
          simulated_revenue: 2_700_000,
          simulated_revenue_low: 2_600_000,
          simulated_revenue_high: 2_800_000,
          delta_revenue: -300_000,
          delta_revenue_pct: -10,
          incremental_roi: -2,
        },
        'CHF',
        'en',
      ),
    );
    expect(text).toContain('Simulation: −15.0% budget (search category)');
    expect(text).toContain('Current budget: CHF 2’000’000');
    expect(text).toContain('Simulated revenue: CHF 2’700’000 (range CHF 2’600’000 – CHF 2’800’000)');
    expect(text).toContain('Revenue change: −CHF 300’000 (−10.0%)');
    expect(text).toContain('Incremental ROI: −200.0%');
    expect(text).not.toMatch(/actuel|simulé|intervalle|Écart/);
  });
});
