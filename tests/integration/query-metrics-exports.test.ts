// query_metrics and explain_change on team exports (the semantic model's inferred canonical rows): a breakdown by
// a model dimension and campaign-level figures keyed by the campaign alone, checked against the CSV summed by hand;
// a KPI whose measure the export lacks gets the French explanation, and context columns it lacks are dropped.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runTool } from '../../src/analysis/tools/registry.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import { userMessage } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { createDuckDbDriver } from '../../src/warehouse/duckdb.js';
import { buildKpiTables } from '../../src/warehouse/kpi.js';
import { loadMarketingData } from '../../src/warehouse/loader.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';
import { TEST_LIMITS } from '../fixtures/sample-warehouse.js';

async function openExport(file: string): Promise<{ warehouse: Warehouse; context: ToolContext }> {
  const driver = await createDuckDbDriver({ path: ':memory:' });
  const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
  await loadMarketingData(warehouse, file, undefined);
  await buildKpiTables(warehouse);
  return { warehouse, context: { warehouse, catalog: createCatalogProvider(warehouse), currency: 'CHF' } };
}

/** The CSV as objects, by hand (these fixtures have no quoted commas). */
function rowsOf(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((value, index) => [names[index]!, value])),
  );
}

describe('an export with placements and ages (several rows per campaign per day)', () => {
  const file = 'tests/fixtures/exports/placements.csv';
  const raw = rowsOf(file);
  let data: { warehouse: Warehouse; context: ToolContext };
  beforeAll(async () => {
    data = await openExport(file);
  });
  afterAll(() => data.warehouse.close());

  test('spend and CPA by campaign: one row per campaign, figures equal to the hand sums', async () => {
    const sums = new Map<string, { spend: number; orders: number }>();
    for (const row of raw) {
      const sum = sums.get(row['Campaign name']!) ?? { spend: 0, orders: 0 };
      sum.spend += Number(row['Amount spent']);
      sum.orders += Number(row.Purchases);
      sums.set(row['Campaign name']!, sum);
    }
    const { rows } = await runTool(
      'query_metrics',
      { metrics: ['mark_spent', 'cpa'], group_by: ['campaign_name'], order_by: 'mark_spent' },
      data.context,
    );
    expect(rows.map((row) => row.campaign_name).sort()).toEqual([...sums.keys()].sort());
    for (const row of rows) {
      const sum = sums.get(String(row.campaign_name))!;
      expect(row.mark_spent as number).toBeCloseTo(sum.spend, 6);
      expect(row.cpa as number).toBeCloseTo(sum.spend / sum.orders, 6);
    }
  });

  test('a breakdown by the placement dimension with its total', async () => {
    const byPlacement = new Map<string, number>();
    for (const row of raw)
      byPlacement.set(row.Placement!, (byPlacement.get(row.Placement!) ?? 0) + Number(row['Link clicks']));
    const { rows } = await runTool(
      'query_metrics',
      { metrics: ['clicks'], group_by: ['placement'], totals: true },
      data.context,
    );
    for (const [placement, clicks] of byPlacement)
      expect(rows.find((row) => row.placement === placement)?.clicks).toBe(clicks);
    expect(rows.find((row) => row.is_total)?.clicks).toBe(
      [...byPlacement.values()].reduce((a, b) => a + b, 0),
    );
  });
});

describe('an export without revenue', () => {
  let data: { warehouse: Warehouse; context: ToolContext };
  beforeAll(async () => {
    data = await openExport('tests/fixtures/exports/no-revenue.csv');
  });
  afterAll(() => data.warehouse.close());

  test('ROI is refused with the French explanation; CPA answers without a revenue column', async () => {
    const refused = await runTool('query_metrics', { metrics: ['roi'] }, data.context).catch(
      (error: unknown) => error,
    );
    expect(userMessage(refused)).toContain("pas de chiffre d'affaires");
    const why = await runTool(
      'explain_change',
      {
        metric: 'roas',
        before: { date_from: '2023-01-01', date_to: '2023-01-07' },
        after: { date_from: '2023-01-08', date_to: '2023-01-14' },
      },
      data.context,
    ).catch((error: unknown) => error);
    expect(userMessage(why)).toContain("pas de chiffre d'affaires");
    const cpa = await runTool(
      'query_metrics',
      { metrics: ['cpa', 'revenue'], group_by: ['category'] },
      data.context,
    );
    expect(cpa.provenance.args.metrics).toEqual(['cpa']);
    expect(cpa.rows.length).toBeGreaterThan(0);
  });
});
