// One contract for every driver: the embedded DuckDB driver and the real Databricks driver talking Thrift to a
// local server backed by DuckDB. Each must build the KPI tables, bind parameters, type its cells the same way,
// cap rows, and give the same figures, checked against an independent computation from the raw CSV.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runTool } from '../../src/analysis/tools/registry.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import { silentLogger } from '../../src/core/logger.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { createDatabricksDriver } from '../../src/warehouse/databricks.js';
import { createDuckDbDriver } from '../../src/warehouse/duckdb.js';
import { buildKpiTables } from '../../src/warehouse/kpi.js';
import { loadMarketingData, type ModelSpec } from '../../src/warehouse/loader.js';
import { IDENTITY_MAPPING } from '../../src/warehouse/mapping.js';
import type { SqlDriver } from '../../src/warehouse/port.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';
import { startFakeDatabricks } from '../fakes/databricks-thrift-server.js';
import { readExport, sumsBy } from '../fixtures/export-figures.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';
import { SAMPLE_CSV, TEST_LIMITS } from '../fixtures/sample-warehouse.js';

interface Subject {
  driver: SqlDriver;
  warehouse: Warehouse;
  context: ToolContext;
  close(): Promise<void>;
}

/** A DuckDB warehouse holding only marketing_clean (the KPI build is part of the contract). */
async function loadedDuckDb(file = SAMPLE_CSV, spec: ModelSpec | 'infer' = IDENTITY_MAPPING) {
  const driver = await createDuckDbDriver({ path: ':memory:' });
  const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
  await loadMarketingData(warehouse, file, spec === 'infer' ? undefined : spec);
  return { driver, warehouse };
}

function subjectOf(driver: SqlDriver, warehouse: Warehouse, close: () => Promise<void>): Subject {
  return {
    driver,
    warehouse,
    context: { warehouse, catalog: createCatalogProvider(warehouse), currency: 'CHF' },
    close,
  };
}

type Factory = (file?: string, spec?: ModelSpec | 'infer') => Promise<Subject>;

const FACTORIES: [string, Factory][] = [
  [
    'duckdb',
    async (file, spec) => {
      const { driver, warehouse } = await loadedDuckDb(file, spec);
      return subjectOf(driver, warehouse, () => warehouse.close());
    },
  ],
  [
    'databricks (thrift)',
    async (file, spec) => {
      const backend = await loadedDuckDb(file, spec);
      const server = await startFakeDatabricks({ backend: backend.driver, token: 'contract-token' });
      const driver = await createDatabricksDriver(
        { host: server.host, port: server.port, path: server.path, token: 'contract-token', insecure: true },
        { logger: silentLogger() },
      );
      const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
      return subjectOf(driver, warehouse, async () => {
        await warehouse.close();
        await server.close();
        await backend.warehouse.close();
      });
    },
  ],
];

const raw = readSampleRows();
const byCampaign = groupTotals(raw, (row) => row.campaign);

const TOOL_CALLS: [string, Record<string, unknown>][] = [
  ['rank_campaigns', { metric: 'roi', limit: 50 }],
  [
    'rank_campaigns',
    { metric: 'cpa', direction: 'bottom', limit: 5, category: 'social', date_from: '2021-02-10' },
  ],
  ['get_underperforming_campaigns', { roi_threshold: 0.5 }],
  ['aggregate_by_dimension', { group_by: 'week' }],
  ['aggregate_by_dimension', { group_by: 'category', date_to: '2021-02-14' }],
  ['describe_campaign', { campaign_name: 'facebook_tier2' }],
  ['kpi_trend', { metric: 'cpl', grain: 'day', campaign_name: 'facebook_lal' }],
  ['kpi_trend', { metric: 'revenue', grain: 'month', category: 'influencer' }],
];

const outputsByDriver = new Map<string, unknown[]>();

describe.each(FACTORIES)('%s', (name, factory) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await factory();
    await buildKpiTables(subject.warehouse);
  });
  afterAll(async () => {
    await subject.close();
  });

  test('KPI figures equal the independent computation', async () => {
    const { rows } = await runTool('rank_campaigns', { metric: 'roi', limit: 50 }, subject.context);
    expect(rows).toHaveLength(11);
    for (const row of rows)
      expect(row.roi as number).toBeCloseTo(roi(byCampaign.get(String(row.campaign_name))!), 10);
    expect(rows.find((row) => row.campaign_name === 'youtube_blogger')?.roi as number).toBeCloseTo(2.773, 3);
  });

  test('cells are plain JS values: integers, doubles, ISO dates, NULL for a zero denominator', async () => {
    const trend = await runTool(
      'kpi_trend',
      { metric: 'cpl', grain: 'day', campaign_name: 'facebook_lal' },
      subject.context,
    );
    const zeroLeadDay = raw.find((row) => row.campaign === 'facebook_lal' && row.leads === 0)!;
    const day = trend.rows.find((row) => row.period === zeroLeadDay.date);
    expect(day).toBeDefined();
    expect(day?.value).toBeNull();
    expect(typeof trend.rows[0]?.impressions).toBe('number');
    expect(trend.rows[0]?.period).toMatch(/^2021-02-\d\d$/);
    expect(trend.columns.find((column) => column.name === 'period')?.type).toBe('date');
    expect(trend.columns.find((column) => column.name === 'impressions')?.type).toBe('integer');
    expect(trend.columns.find((column) => column.name === 'value')?.type).toBe('double');
  });

  test('parameters are bound: an injection string is a value that matches nothing', async () => {
    const result = await subject.warehouse.select({
      name: 'probe',
      sql: 'SELECT campaign_name FROM marketing_kpi WHERE category = ? LIMIT ?',
      params: ["social' OR '1'='1", 50],
    });
    expect(result.rows).toEqual([]);
    const exact = await subject.warehouse.select({
      name: 'probe',
      sql: 'SELECT COUNT(*) AS n FROM marketing_kpi WHERE category = ? AND roi < ?',
      params: ['social', 0],
    });
    expect(exact.rows[0]?.n).toBe(4);
  });

  test('the driver caps rows and says so', async () => {
    const sql = 'SELECT campaign_name FROM marketing_kpi ORDER BY campaign_name';
    const capped = await subject.driver.run(sql, [], { maxRows: 3, timeoutMs: 20_000 });
    expect(capped.rows.map((row) => row.campaign_name)).toEqual([
      'banner_partner',
      'facebOOK_tier2',
      'facebook_lal',
    ]);
    expect(capped.truncated).toBe(true);
    const whole = await subject.driver.run(sql, [], { maxRows: 11, timeoutMs: 20_000 });
    expect(whole.rows).toHaveLength(11);
    expect(whole.truncated).toBe(false);
  });

  test('the guard stands in front of the driver', async () => {
    await expect(
      subject.warehouse.select({ name: 'evil', sql: 'DROP TABLE marketing_kpi', params: [] }),
    ).rejects.toMatchObject({ code: 'SQL_REJECTED' });
  });

  test('every tool call runs; outputs are kept for the cross-driver comparison', async () => {
    const outputs = [];
    for (const [tool, args] of TOOL_CALLS) {
      const output = await runTool(tool, args, subject.context);
      expect(output.rows.length).toBeGreaterThan(0);
      outputs.push({ tool, rows: output.rows, summary: output.summary });
    }
    outputsByDriver.set(name, outputs);
  });
});

test('both drivers return the same rows and summaries for every tool call', () => {
  const [first, second] = FACTORIES.map(([name]) => outputsByDriver.get(name));
  expect(first).toBeDefined();
  expect(second).toEqual(first);
});

// A team's export with two more dimensions (placement × age) and a repeated slice, through the inferred model: one
// campaign = one row on both drivers (the same KPI SQL), figures equal to the hand sums, counts typed as integers.
const PLACEMENTS = 'tests/fixtures/exports/placements.csv';
const placementOutputs = new Map<string, unknown[]>();

describe.each(FACTORIES)('%s on a multi-dimension export', (name, factory) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await factory(PLACEMENTS, 'infer');
    await buildKpiTables(subject.warehouse);
  });
  afterAll(async () => {
    await subject.close();
  });

  test('campaign-level rows are keyed by the campaign alone and equal the hand sums', async () => {
    const expected = sumsBy(readExport(PLACEMENTS), 'Campaign name', {
      spend: 'Amount spent',
      revenue: 'Purchase value',
      clicks: 'Link clicks',
    });
    const output = await runTool('rank_campaigns', { metric: 'roas', limit: 50 }, subject.context);
    expect(output.rows.map((row) => row.campaign_name).sort()).toEqual(['camp 1', 'camp 2', 'camp 3']);
    for (const row of output.rows) {
      const sums = expected.get(String(row.campaign_name))!;
      expect(row.roas as number).toBeCloseTo(sums.revenue! / sums.spend!, 10);
      expect(row.clicks).toBe(sums.clicks);
    }
    expect(output.columns.find((column) => column.name === 'clicks')?.type).toBe('integer');
    const daily = await subject.warehouse.select({
      name: 'daily_dimensions',
      sql: 'SELECT placement, age, COUNT(*) AS n FROM marketing_kpi_daily GROUP BY placement, age ORDER BY placement, age LIMIT ?',
      params: [10],
    });
    expect(daily.rows).toEqual([
      { placement: 'Feed', age: '18-24', n: 9 },
      { placement: 'Feed', age: '25-34', n: 9 },
      { placement: 'Stories', age: '18-24', n: 9 },
      { placement: 'Stories', age: '25-34', n: 9 },
    ]);
    const outputs = [];
    for (const [tool, args] of [
      ['rank_campaigns', { metric: 'roi', limit: 50 }],
      ['describe_campaign', { campaign_name: 'camp 2' }],
      ['aggregate_by_dimension', { group_by: 'day' }],
      ['kpi_trend', { metric: 'cpa', grain: 'day', campaign_name: 'camp 3' }],
    ] as const) {
      const result = await runTool(tool, args, subject.context);
      outputs.push({ tool, rows: result.rows, summary: result.summary });
    }
    placementOutputs.set(name, outputs);
  });
});

/** Doubles to 12 significant digits: the two paths may differ in the last bit of a sum of doubles. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return value;
}

test('both drivers agree on the multi-dimension export', () => {
  const [first, second] = FACTORIES.map(([name]) => placementOutputs.get(name));
  expect(first).toBeDefined();
  expect(rounded(second)).toEqual(rounded(first));
});
