// `npm run bench -- warehouse`: a generated 1,000,000-row marketing_clean; the KPI build and every SQL tool
// timed (median of several runs) on the embedded DuckDB driver and on the real Databricks driver talking
// Thrift to the local test server (backed by the same DuckDB). Targets: KPI build ≤ 5 s, each query ≤ 150 ms.
import { runTool } from '../src/analysis/tools/registry.js';
import { silentLogger } from '../src/core/logger.js';
import { createCatalogProvider } from '../src/warehouse/catalog.js';
import { createDatabricksDriver } from '../src/warehouse/databricks.js';
import { createDuckDbDriver, type DuckDbDriver } from '../src/warehouse/duckdb.js';
import { buildKpiTables } from '../src/warehouse/kpi.js';
import type { SqlDriver } from '../src/warehouse/port.js';
import { createWarehouse } from '../src/warehouse/warehouse.js';
import { startFakeDatabricks } from '../tests/fakes/databricks-thrift-server.js';
import { medianMs } from './stats.js';

export const TARGETS = { kpiBuildMs: 5000, toolQueryMs: 150 };

const CAMPAIGNS = 1000;
const DAYS = 1000;

/** One row per campaign per day; deterministic (hash of the row number), funnel never goes the wrong way. */
export async function generateMarketingClean(driver: DuckDbDriver, rows = CAMPAIGNS * DAYS): Promise<void> {
  await driver.exec(`
    CREATE OR REPLACE TABLE marketing_clean AS
    WITH base AS (
      SELECT i,
             CAST(i // ${DAYS} AS BIGINT) AS campaign,
             CAST(10000 + hash(i) % 500000 AS BIGINT) AS impressions,
             (hash(i * 31 + 7) % 1000) / 1000.0 AS u1,
             (hash(i * 17 + 3) % 1000) / 1000.0 AS u2
      FROM range(${rows}) AS t(i)
    ), funnel AS (
      SELECT *, CAST(impressions * (0.002 + 0.02 * u1) AS BIGINT) AS clicks FROM base
    ), deeper AS (
      SELECT *, CAST(clicks * (0.01 + 0.05 * u2) AS BIGINT) AS leads FROM funnel
    )
    SELECT CAST(i + 1 AS BIGINT) AS id,
           CAST(DATE '2022-01-01' + CAST(i % ${DAYS} AS INTEGER) AS DATE) AS c_date,
           'campaign_' || CAST(campaign AS VARCHAR) AS campaign_name,
           (['social', 'search', 'influencer', 'media'])[1 + campaign % 4] AS category,
           CAST(campaign AS VARCHAR) AS campaign_id,
           impressions,
           ROUND(50 + impressions * (0.005 + 0.01 * u2), 2) AS mark_spent,
           clicks,
           leads,
           CAST(leads * (0.05 + 0.3 * u1) AS BIGINT) AS orders,
           ROUND(CAST(leads * (0.05 + 0.3 * u1) AS BIGINT) * (40 + 200 * u2), 0) AS revenue
    FROM deeper`);
}

const QUERIES: [label: string, tool: string, args: Record<string, unknown>][] = [
  ['rank_campaigns top 10 by ROI', 'rank_campaigns', { metric: 'roi', limit: 10 }],
  ['rank_campaigns CPL, social, 90-day range', 'rank_campaigns', { metric: 'cpl', direction: 'bottom', limit: 10, category: 'social', date_from: '2022-03-01', date_to: '2022-05-29' }],
  ['get_underperforming_campaigns', 'get_underperforming_campaigns', { roi_threshold: 0, limit: 50 }],
  ['aggregate_by_dimension category', 'aggregate_by_dimension', { group_by: 'category' }],
  ['aggregate_by_dimension month', 'aggregate_by_dimension', { group_by: 'month' }],
  ['describe_campaign', 'describe_campaign', { campaign_name: 'Campaign_42' }],
  ['kpi_trend ROI per week', 'kpi_trend', { metric: 'roi', grain: 'week' }],
  ['kpi_trend CTR per day, one campaign', 'kpi_trend', { metric: 'ctr', grain: 'day', campaign_name: 'campaign_7' }],
]; // biome-ignore format: one line per query

export interface DriverFigures {
  driver: string;
  kpiBuildMs: number;
  queries: Record<string, number>;
}

async function measureDriver(label: string, driver: SqlDriver, runs: number): Promise<DriverFigures> {
  const warehouse = createWarehouse(
    driver,
    { maxRows: 10_000, timeoutMs: 60_000, maintenanceTimeoutMs: 300_000 },
    { logger: silentLogger() },
  );
  const kpiBuildMs = await medianMs(() => buildKpiTables(warehouse), 3, 0);
  const context = { warehouse, catalog: createCatalogProvider(warehouse), currency: 'CHF' };
  await context.catalog.get();
  const queries: Record<string, number> = {};
  for (const [name, tool, args] of QUERIES)
    queries[name] = await medianMs(() => runTool(tool, args, context), runs);
  return { driver: label, kpiBuildMs, queries };
}

export async function benchWarehouse(options: { rows?: number; runs?: number } = {}) {
  const rows = options.rows ?? CAMPAIGNS * DAYS;
  const runs = options.runs ?? 9;
  const duckdb = await createDuckDbDriver({ path: ':memory:' });
  const generatedMs = await medianMs(() => generateMarketingClean(duckdb, rows), 1, 0);
  const embedded = await measureDriver('duckdb', duckdb, runs);

  const token = 'bench-token';
  const server = await startFakeDatabricks({ backend: duckdb, token });
  const databricksDriver = await createDatabricksDriver(
    { host: server.host, port: server.port, path: server.path, token, insecure: true },
    { logger: silentLogger() },
  );
  let databricks: DriverFigures;
  try {
    databricks = await measureDriver('databricks (thrift → duckdb)', databricksDriver, runs);
  } finally {
    await databricksDriver.close();
    await server.close();
    await duckdb.close();
  }
  const drivers = [embedded, databricks];
  const slowestQueryMs = Math.max(...drivers.flatMap((figures) => Object.values(figures.queries)));
  const slowestBuildMs = Math.max(...drivers.map((figures) => figures.kpiBuildMs));
  return {
    suite: 'warehouse',
    rows,
    generatedMs,
    runs,
    drivers,
    targets: TARGETS,
    pass: slowestBuildMs <= TARGETS.kpiBuildMs && slowestQueryMs <= TARGETS.toolQueryMs,
  };
}

export function printWarehouse(result: Awaited<ReturnType<typeof benchWarehouse>>): void {
  console.log(
    `warehouse: ${result.rows.toLocaleString('en')} rows generated in ${result.generatedMs} ms; median of ${result.runs} runs`,
  );
  const names = Object.keys(result.drivers[0]!.queries);
  const header = ['', ...result.drivers.map((figures) => figures.driver)];
  const lines = [
    ['KPI build (median of 3)', ...result.drivers.map((figures) => `${figures.kpiBuildMs} ms`)],
    ...names.map((name) => [name, ...result.drivers.map((figures) => `${figures.queries[name]} ms`)]),
  ];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...lines].map((line) => String(line[column]).length)),
  );
  for (const line of [header, ...lines])
    console.log(line.map((cell, column) => String(cell).padEnd(widths[column]!)).join('  '));
  console.log(
    `targets: KPI build ≤ ${result.targets.kpiBuildMs} ms, each query ≤ ${result.targets.toolQueryMs} ms → ${result.pass ? 'PASS' : 'FAIL'}`,
  );
}
