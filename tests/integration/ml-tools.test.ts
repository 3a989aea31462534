// The three ML tools on the bundled sample in DuckDB, through the registry as the agent calls them. Figures
// are checked against the CSV parsed by hand (tests/fixtures/sample-figures.ts), never against earlier output.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runTool } from '../../src/analysis/tools/registry.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import { userMessage } from '../../src/core/errors.js';
import { createMlService } from '../../src/ml/service.js';
import { createInProcessTrainer } from '../../src/ml/trainer.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { groupTotals, readSampleRows, totals } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse, TEST_LIMITS } from '../fixtures/sample-warehouse.js';

const raw = readSampleRows();
const byCategory = groupTotals(raw, (row) => row.category);
let sample: SampleWarehouse;
let context: ToolContext;

beforeAll(async () => {
  sample = await openSampleWarehouse();
  context = {
    ...sample.context,
    ml: createMlService(
      { maxTrainingRows: TEST_LIMITS.maxRows, currency: 'CHF', model: { forest: { trees: 60 } } },
      { warehouse: sample.warehouse, catalog: sample.context.catalog, trainer: createInProcessTrainer() },
    ),
  };
});
afterAll(() => sample.close());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

async function expectAppError(promise: Promise<unknown>, code: string): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toMatchObject({ code });
    return userMessage(error);
  }
  throw new Error(`expected ${code}`);
}

describe('simulate_budget', () => {
  test('+20 % on social: current 13 798 500.91, simulated 16 558 201.09, revenue inside its interval', async () => {
    const output = await runTool('simulate_budget', { budget_increase_pct: 20, category: 'social' }, context);
    expect(output.rows).toHaveLength(1);
    const row = output.rows[0]!;
    expect(Object.keys(row)).toEqual([
      'category', 'budget_increase_pct', 'current_budget', 'simulated_budget', 'current_revenue', 'simulated_revenue',
      'simulated_revenue_low', 'simulated_revenue_high', 'delta_revenue', 'delta_revenue_pct', 'incremental_roi',
    ]); // biome-ignore format: one list
    expect(row.category).toBe('social');
    expect(row.current_budget).toBe(13_798_500.91);
    expect(row.simulated_budget).toBe(16_558_201.09);
    expect(row.current_revenue).toBeCloseTo(byCategory.get('social')!.revenue, 2);
    const revenue = row.simulated_revenue as number;
    expect(Number.isFinite(revenue)).toBe(true);
    expect(row.simulated_revenue_low as number).toBeLessThanOrEqual(revenue);
    expect(revenue).toBeLessThanOrEqual(row.simulated_revenue_high as number);
    expect(output.columns.map((column) => column.name)).toEqual(Object.keys(row));
    const text = plain(output.summary);
    expect(text).toContain('Budget actuel : CHF 13 798 501');
    expect(text).toContain('Budget simulé : CHF 16 558 201');
    expect(text).toMatch(/Écart de CA : [+−]?CHF [\d ]+ \([+−]?\d+,\d %\)/);
    expect(text).toMatch(/ROI incrémental : [+−]?\d+,\d %/);
    expect(text).toContain('Hypothèse');
    expect(output.provenance.sql).toContain('marketing_kpi_campaign_day');
    expect(output.provenance.params).toContain('social');
    expect(output.provenance.args).toMatchObject({
      budget_increase_pct: 20,
      category: 'social',
      volume_elasticity: 1,
    });
  });

  test('0 % gives a zero delta (all categories: observed totals)', async () => {
    const output = await runTool('simulate_budget', { budget_increase_pct: 0 }, context);
    const row = output.rows[0]!;
    const all = totals(raw);
    expect(row.category).toBe('all');
    expect(row.current_budget).toBeCloseTo(all.spend, 2);
    expect(row.current_revenue).toBeCloseTo(all.revenue, 2);
    expect(row.simulated_budget).toBe(row.current_budget);
    expect(row.delta_revenue).toBe(0);
    expect(row.delta_revenue_pct).toBe(0);
    expect(row.simulated_revenue).toBe(row.current_revenue);
  });

  test.each([...byCategory.keys()])('every category of the data can be simulated (%s)', async (category) => {
    const output = await runTool(
      'simulate_budget',
      { budget_increase_pct: -30, category: category.toUpperCase() },
      context,
    );
    const row = output.rows[0]!;
    expect(row.category).toBe(category);
    expect(row.current_budget).toBeCloseTo(byCategory.get(category)!.spend, 2);
    expect(row.simulated_budget).toBeCloseTo(byCategory.get(category)!.spend * 0.7, 2);
    expect(row.simulated_revenue_low as number).toBeLessThanOrEqual(row.simulated_revenue as number);
    expect(row.simulated_revenue as number).toBeLessThanOrEqual(row.simulated_revenue_high as number);
  });

  test('+200 % leaves the training range: a warning says so', async () => {
    const output = await runTool(
      'simulate_budget',
      { budget_increase_pct: 200, category: 'social' },
      context,
    );
    expect(output.warnings.join(' ')).toMatch(/plage apprise/);
  });

  test('a percentage out of range is a clear French error, not a clamp', async () => {
    for (const pct of [-50.5, 201, 1000]) {
      const message = await expectAppError(
        runTool('simulate_budget', { budget_increase_pct: pct }, context),
        'BUDGET_CHANGE_OUT_OF_RANGE',
      );
      expect(message).toContain('entre −50 % et +200 %');
    }
  });

  test('an unknown category lists the valid ones', async () => {
    const message = await expectAppError(
      runTool('simulate_budget', { budget_increase_pct: 20, category: 'tiktok' }, context),
      'CATEGORY_NOT_FOUND',
    );
    expect(message).toContain('all, influencer, media, search, social');
  });

  test('a volume elasticity outside 0–1 is refused', async () => {
    await expectAppError(
      runTool('simulate_budget', { budget_increase_pct: 20, volume_elasticity: 2 }, context),
      'ML_INPUT_INVALID',
    );
  });

  test('the model is trained once per dataset version and scope, then reused', async () => {
    const ml = context.ml!;
    const first = await ml.simulateBudget({ budgetIncreasePct: 10, category: 'search' });
    const second = await ml.simulateBudget({ budgetIncreasePct: 15, category: 'search' });
    expect(second.model.fromCache).toBe(true);
    expect(second.model.version).toBe(first.model.version);
    expect(second.model.trainedRows).toBe(raw.filter((row) => row.category === 'search').length);
    expect(second.model.holdoutR2Log).not.toBeNull();
  });
});

describe('predict_revenue', () => {
  test('an expected revenue inside its interval, with the inputs used', async () => {
    const output = await runTool('predict_revenue', { budget: 20_000, category: 'search' }, context);
    const row = output.rows[0]!;
    expect(row.category).toBe('search');
    expect(Number.isFinite(row.expected_revenue)).toBe(true);
    expect(row.revenue_low as number).toBeLessThanOrEqual(row.expected_revenue as number);
    expect(row.expected_revenue as number).toBeLessThanOrEqual(row.revenue_high as number);
    expect(row.out_of_range).toBe(false);
    const search = byCategory.get('search')!;
    expect(row.impressions).toBeCloseTo((20_000 * search.impressions) / search.spend, 6);
    expect(plain(output.summary)).toMatch(/Revenu attendu pour CHF 20 000/);
  });

  test('an input beyond what the model has seen is flagged', async () => {
    const output = await runTool('predict_revenue', { budget: 100_000_000 }, context);
    expect(output.rows[0]!.out_of_range).toBe(true);
    expect(output.warnings.join(' ')).toMatch(/hors de la plage apprise/);
  });

  test('a negative budget or more clicks than impressions is refused', async () => {
    await expectAppError(runTool('predict_revenue', { budget: -5 }, context), 'ML_INPUT_INVALID');
    await expectAppError(
      runTool('predict_revenue', { budget: 100, impressions: 10, clicks: 20 }, context),
      'ML_INPUT_INVALID',
    );
  });
});

describe('segment_campaigns', () => {
  test('the 11 campaigns in 2–5 labelled segments, identical across two runs', async () => {
    const first = await runTool('segment_campaigns', {}, context);
    const second = await runTool('segment_campaigns', {}, context);
    expect(second.rows).toEqual(first.rows);
    expect(second.summary).toBe(first.summary);
    const campaigns = [...new Set(raw.map((row) => row.campaign))].sort();
    expect(campaigns).toHaveLength(11);
    expect(first.rows.map((row) => row.campaign_name).sort()).toEqual(campaigns);
    const segments = new Set(first.rows.map((row) => row.segment));
    expect(segments.size).toBeGreaterThanOrEqual(2);
    expect(segments.size).toBeLessThanOrEqual(5);
    for (const row of first.rows) {
      expect(typeof row.segment).toBe('string');
      const t = groupTotals(raw, (r) => r.campaign).get(row.campaign_name as string)!;
      expect(row.roi).toBeCloseTo((t.revenue - t.spend) / t.spend, 9);
      expect(row.ctr).toBeCloseTo(t.clicks / t.impressions, 9);
    }
  });

  test('a given k is honoured; k out of range is a clear error', async () => {
    const output = await runTool('segment_campaigns', { k: 4 }, context);
    expect(new Set(output.rows.map((row) => row.segment_id)).size).toBe(4);
    const message = await expectAppError(runTool('segment_campaigns', { k: 9 }, context), 'ML_INPUT_INVALID');
    expect(message).toContain('entre 2 et 5');
  });
});

describe('without enough data or without the ML service', () => {
  test('fewer than 10 campaign-days: INSUFFICIENT_DATA', async () => {
    const tiny = await openSampleWarehouse('tests/fixtures/ml/nine-rows.csv');
    try {
      const ml = createMlService(
        { maxTrainingRows: 1000, currency: 'CHF' },
        { warehouse: tiny.warehouse, catalog: createCatalogProvider(tiny.warehouse) },
      );
      const message = await expectAppError(
        runTool('simulate_budget', { budget_increase_pct: 20 }, { ...tiny.context, ml }),
        'INSUFFICIENT_DATA',
      );
      expect(message).toContain('il y en a 9');
    } finally {
      await tiny.close();
    }
  });

  test('no ML service in the context: NOT_IMPLEMENTED', async () => {
    for (const [tool, args] of [
      ['simulate_budget', { budget_increase_pct: 20 }],
      ['predict_revenue', { budget: 100 }],
      ['segment_campaigns', {}],
    ] as const)
      await expectAppError(runTool(tool, args, sample.context), 'NOT_IMPLEMENTED');
  });
});
