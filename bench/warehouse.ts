// `npm run bench -- warehouse [--rows N]`: the data layer at scale on a DuckDB FILE database (the one the server
// uses), from a generated CSV export of N rows (default 1,000,000; 100,000 campaigns, 3 dimensions: channel,
// placement, device).
//   1. load + KPI build: the bot's loader (semantic model, typed read, one-scan checks) against plain DuckDB
//      read_csv + the same KPI SQL, each in its own process (so peak RSS is its own), interleaved, median of 3;
//   2. every SQL tool through the full tool path on that file database: p95 over the runs, on the embedded driver
//      and on the real Databricks driver talking Thrift to the local test server (backed by the same DuckDB);
//   3. campaign name resolution at 100,000 names (exact and typo) through the catalog's index;
//   4. segmentation of 10,000 campaigns in the worker, with the event loop's longest stall meanwhile.
// Targets (issue 15): load + KPI build ≤ 1.3× plain; each tool query p95 ≤ 150 ms; name resolution ≤ 5 ms;
// segmentation ≤ 2 s at 10k campaigns and never on the event loop; peak RSS ≤ 1.1× plain.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../src/analysis/tools/registry.js';
import { silentLogger } from '../src/core/logger.js';
import type { CampaignKpis } from '../src/ml/segmentation.js';
import { createWorkerSegmenter } from '../src/ml/segmenter.js';
import { createCatalogProvider, nameIndexOf } from '../src/warehouse/catalog.js';
import { createDatabricksDriver } from '../src/warehouse/databricks.js';
import { createDuckDbDriver, type DuckDbDriver } from '../src/warehouse/duckdb.js';
import type { SqlDriver } from '../src/warehouse/port.js';
import { createWarehouse } from '../src/warehouse/warehouse.js';
import { startFakeDatabricks } from '../tests/fakes/databricks-thrift-server.js';
import { median } from './stats.js';

export const TARGETS = {
  loadRatio: 1.3,
  toolQueryP95Ms: 150,
  nameResolutionMs: 5,
  segmentationMs: 2000,
  rssRatio: 1.1,
};

const CAMPAIGNS = 100_000;

/** A CSV export of `rows` rows: campaign i % 100k, slices over placement × device, then days. Deterministic. */
async function generateCsv(driver: DuckDbDriver, file: string, rows: number): Promise<void> {
  await driver.exec(`COPY (
    WITH base AS (
      SELECT i, i % ${CAMPAIGNS} AS c, i // ${CAMPAIGNS} AS s,
             CAST(1000 + hash(i) % 50000 AS BIGINT) AS impressions,
             (hash(i * 31 + 7) % 1000) / 1000.0 AS u1, (hash(i * 17 + 3) % 1000) / 1000.0 AS u2
      FROM range(${rows}) t(i)
    ), f AS (SELECT *, CAST(impressions * (0.002 + 0.02 * u1) AS BIGINT) AS clicks FROM base),
    g AS (SELECT *, CAST(clicks * (0.01 + 0.05 * u2) AS BIGINT) AS leads FROM f)
    SELECT CAST(DATE '2024-01-01' + CAST(s // 6 AS INTEGER) AS DATE) AS "Date",
           'campaign_' || lpad(CAST(c AS VARCHAR), 6, '0') AS "Campaign",
           (['social', 'search', 'influencer', 'media'])[1 + c % 4] AS "Channel",
           (['feed', 'stories', 'search_top'])[1 + s % 3] AS "Placement",
           (['mobile', 'desktop'])[1 + (s // 3) % 2] AS "Device",
           impressions AS "Impressions", clicks AS "Clicks",
           ROUND(5 + impressions * (0.005 + 0.01 * u2), 2) AS "Spend",
           leads AS "Leads", CAST(leads * (0.05 + 0.3 * u1) AS BIGINT) AS "Orders",
           ROUND(CAST(leads * (0.05 + 0.3 * u1) AS BIGINT) * (40 + 200 * u2), 2) AS "Revenue"
    FROM g ORDER BY s, c) TO '${file.replaceAll("'", "''")}' (HEADER)`);
}

interface LoadRun {
  mode: 'ours' | 'plain';
  loadMs: number;
  kpiMs: number;
  totalMs: number;
  cpuMs: number;
  maxRssMb: number;
}

function loadOnce(mode: 'ours' | 'plain', csv: string, db: string): LoadRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/warehouse-load.ts', mode, csv, db], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${mode} load failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as LoadRun;
}

const QUERIES: [label: string, tool: string, args: Record<string, unknown>][] = [
  ['rank_campaigns top 10 by ROI', 'rank_campaigns', { metric: 'roi', limit: 10 }],
  ['rank_campaigns CPL, social, date range', 'rank_campaigns', { metric: 'cpl', direction: 'bottom', limit: 10, category: 'social', date_from: '2024-01-01', date_to: '2024-01-10' }],
  ['get_underperforming_campaigns', 'get_underperforming_campaigns', { roi_threshold: 0, limit: 50 }],
  ['aggregate_by_dimension category', 'aggregate_by_dimension', { group_by: 'category' }],
  ['aggregate_by_dimension month', 'aggregate_by_dimension', { group_by: 'month' }],
  ['aggregate_by_dimension placement (model dim.)', 'aggregate_by_dimension', { group_by: 'placement' }],
  ['describe_campaign', 'describe_campaign', { campaign_name: 'CAMPAIGN_000042' }],
  ['kpi_trend ROI per week', 'kpi_trend', { metric: 'roi', grain: 'week' }],
  ['kpi_trend CTR per day, one campaign', 'kpi_trend', { metric: 'ctr', grain: 'day', campaign_name: 'campaign_000007' }],
]; // biome-ignore format: one line per query

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 10) / 10;
}

async function toolQueries(driver: SqlDriver, runs: number): Promise<Record<string, number>> {
  const warehouse = createWarehouse(
    driver,
    { maxRows: 10_000, timeoutMs: 120_000, maintenanceTimeoutMs: 600_000 },
    { logger: silentLogger() },
  );
  const context = { warehouse, catalog: createCatalogProvider(warehouse), currency: 'CHF' };
  await context.catalog.get();
  const figures: Record<string, number> = {};
  for (const [name, tool, args] of QUERIES) {
    await runTool(tool, args, context); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await runTool(tool, args, context);
      times.push(performance.now() - started);
    }
    figures[name] = p95(times);
  }
  return figures;
}

/** Name resolution through the catalog's index: exact names and typos, p95 per question (index built once). */
async function nameResolution(
  driver: SqlDriver,
): Promise<{ names: number; buildMs: number; exactP95Ms: number; typoP95Ms: number }> {
  const warehouse = createWarehouse(
    driver,
    { maxRows: 10_000, timeoutMs: 120_000, maintenanceTimeoutMs: 600_000 },
    { logger: silentLogger() },
  );
  const started = performance.now();
  const catalog = await createCatalogProvider(warehouse).get();
  const index = nameIndexOf(catalog);
  const buildMs = Math.round(performance.now() - started);
  const exact: number[] = [];
  const typo: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = String((i * 4999) % CAMPAIGNS).padStart(6, '0');
    let t = performance.now();
    if (!index.exact(`Campaign_${id}`)) throw new Error(`campaign_${id} not found`);
    exact.push(performance.now() - t);
    t = performance.now();
    const close = index.close(`campain_${id}`);
    typo.push(performance.now() - t);
    if (close[0] !== `campaign_${id}`) throw new Error(`typo campain_${id} → ${close[0]}`);
  }
  return { names: index.size, buildMs, exactP95Ms: p95(exact), typoP95Ms: p95(typo) };
}

function portfolio(n: number): CampaignKpis[] {
  return Array.from({ length: n }, (_, i) => {
    const u = ((i * 2654435761) % 1000) / 1000;
    const v = ((i * 40503) % 997) / 997;
    const impressions = 10_000 + Math.round(u * 500_000);
    const clicks = Math.round(impressions * (0.002 + 0.02 * v));
    const leads = Math.round(clicks * (0.01 + 0.05 * u));
    const orders = Math.round(leads * (0.05 + 0.3 * v));
    const mark_spent = 50 + impressions * (0.005 + 0.01 * v);
    return {
      campaign_name: `c_${i}`,
      category: 'x',
      impressions,
      clicks,
      leads,
      orders,
      mark_spent,
      revenue: orders * (40 + 200 * u),
    };
  });
}

/** Segmentation of 10k campaigns in the worker; the longest gap between 5 ms timer ticks on the main thread. */
async function segmentation(): Promise<{ campaigns: number; ms: number; longestStallMs: number; k: number }> {
  const campaigns = portfolio(10_000);
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const result = await createWorkerSegmenter().segment(campaigns, { seed: 42 });
  const ms = Math.round(performance.now() - started);
  clearInterval(timer);
  return { campaigns: campaigns.length, ms, longestStallMs: Math.round(longest), k: result.k };
}

export async function benchWarehouse(options: { rows?: number; runs?: number } = {}) {
  const rows = options.rows ?? 1_000_000;
  const runs = options.runs ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'bench-warehouse-'));
  try {
    const csv = join(dir, 'export.csv');
    const generator = await createDuckDbDriver({ path: ':memory:' });
    const generatedAt = performance.now();
    await generateCsv(generator, csv, rows);
    await generator.close();
    const generatedMs = Math.round(performance.now() - generatedAt);
    const csvMb = Math.round(statSync(csv).size / 2 ** 20);

    // 1. Load + KPI build, interleaved so machine load hits both alike.
    const plain: LoadRun[] = [];
    const ours: LoadRun[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push(loadOnce('plain', csv, join(dir, 'plain.duckdb')));
      ours.push(loadOnce('ours', csv, join(dir, 'ours.duckdb')));
    }
    rmSync(join(dir, 'plain.duckdb'), { force: true });
    const med = (list: LoadRun[], key: keyof Omit<LoadRun, 'mode'>) => median(list.map((run) => run[key]));
    const load = {
      plain: { loadMs: med(plain, 'loadMs'), kpiMs: med(plain, 'kpiMs'), totalMs: med(plain, 'totalMs'), cpuMs: med(plain, 'cpuMs'), maxRssMb: Math.max(...plain.map((run) => run.maxRssMb)) },
      ours: { loadMs: med(ours, 'loadMs'), kpiMs: med(ours, 'kpiMs'), totalMs: med(ours, 'totalMs'), cpuMs: med(ours, 'cpuMs'), maxRssMb: Math.max(...ours.map((run) => run.maxRssMb)) },
    }; // biome-ignore format: two rows
    const ratio = Math.round((load.ours.totalMs / load.plain.totalMs) * 100) / 100;
    const cpuRatio = Math.round((load.ours.cpuMs / load.plain.cpuMs) * 100) / 100;
    const rssRatio = Math.round((load.ours.maxRssMb / load.plain.maxRssMb) * 100) / 100;

    // 2–3. Tool queries and names on the file database the bot loaded.
    const duckdb = await createDuckDbDriver({ path: join(dir, 'ours.duckdb') });
    const embedded = await toolQueries(duckdb, runs);
    const names = await nameResolution(duckdb);
    const token = 'bench-token';
    const server = await startFakeDatabricks({ backend: duckdb, token });
    const databricksDriver = await createDatabricksDriver(
      { host: server.host, port: server.port, path: server.path, token, insecure: true },
      { logger: silentLogger() },
    );
    let databricks: Record<string, number>;
    try {
      databricks = await toolQueries(databricksDriver, runs);
    } finally {
      await databricksDriver.close();
      await server.close();
      await duckdb.close();
    }

    // 4. Segmentation off the event loop.
    const segments = await segmentation();

    const slowestP95 = Math.max(...Object.values(embedded));
    const checks = {
      load: ratio <= TARGETS.loadRatio,
      queries: slowestP95 <= TARGETS.toolQueryP95Ms,
      names: Math.max(names.exactP95Ms, names.typoP95Ms) <= TARGETS.nameResolutionMs,
      segmentation: segments.ms <= TARGETS.segmentationMs && segments.longestStallMs < 100,
      rss: rssRatio <= TARGETS.rssRatio,
    };
    return {
      suite: 'warehouse',
      rows,
      campaigns: Math.min(rows, CAMPAIGNS),
      csvMb,
      generatedMs,
      runs,
      load: { ...load, ratio, cpuRatio, rssRatio },
      queries: { duckdb: embedded, databricks },
      names,
      segmentation: segments,
      targets: TARGETS,
      checks,
      pass: Object.values(checks).every(Boolean),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Several sizes in one report (`--rows 1000000,10000000`): each size's figures, PASS only if every size passes. */
export async function benchWarehouseSizes(sizes: number[] = [1_000_000]) {
  const results = [];
  for (const rows of sizes) results.push(await benchWarehouse({ rows }));
  return { suite: 'warehouse', sizes: results, pass: results.every((result) => result.pass) };
}

export function printWarehouseSizes(result: Awaited<ReturnType<typeof benchWarehouseSizes>>): void {
  result.sizes.forEach((size, index) => {
    if (index > 0) console.log('');
    printWarehouse(size);
  });
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function printWarehouse(result: Awaited<ReturnType<typeof benchWarehouse>>): void {
  const { load } = result;
  console.log(
    `warehouse: ${result.rows.toLocaleString('en')}-row CSV export (${result.csvMb} MB, ${result.campaigns.toLocaleString('en')} campaigns, 3 dimensions) on a DuckDB FILE database`,
  );
  console.log('load + KPI build (own process each, interleaved, median of 3):');
  for (const [label, figures] of [
    ['  plain DuckDB read_csv + same KPI SQL', load.plain],
    ['  bot loader (model, checks) + KPI build', load.ours],
  ] as const)
    console.log(
      `${label.padEnd(44)} load ${String(figures.loadMs).padStart(6)} ms  KPI ${String(figures.kpiMs).padStart(6)} ms  total ${String(figures.totalMs).padStart(6)} ms  CPU ${String(figures.cpuMs).padStart(6)} ms  peak RSS ${figures.maxRssMb} MB`,
    );
  console.log(
    `  ratio wall ${load.ratio}× (CPU ${load.cpuRatio}×) → ${verdict(result.checks.load)} (≤ ${result.targets.loadRatio}×); peak RSS ${load.rssRatio}× → ${verdict(result.checks.rss)} (≤ ${result.targets.rssRatio}×)`,
  );
  console.log(`tool queries on the loaded file database, p95 of ${result.runs} runs:`);
  const names = Object.keys(result.queries.duckdb);
  const width = Math.max(...names.map((name) => name.length));
  console.log(`  ${''.padEnd(width)}  duckdb     databricks (thrift → duckdb)`);
  for (const name of names)
    console.log(
      `  ${name.padEnd(width)}  ${`${result.queries.duckdb[name]} ms`.padEnd(9)}  ${result.queries.databricks[name]} ms`,
    );
  console.log(
    `  slowest embedded p95 ${Math.max(...Object.values(result.queries.duckdb))} ms → ${verdict(result.checks.queries)} (≤ ${result.targets.toolQueryP95Ms} ms)`,
  );
  console.log(
    `name resolution: ${result.names.names.toLocaleString('en')} names, catalog + index built in ${result.names.buildMs} ms; p95 exact ${result.names.exactP95Ms} ms, typo ${result.names.typoP95Ms} ms → ${verdict(result.checks.names)} (≤ ${result.targets.nameResolutionMs} ms)`,
  );
  console.log(
    `segmentation: ${result.segmentation.campaigns.toLocaleString('en')} campaigns in the worker in ${result.segmentation.ms} ms (k = ${result.segmentation.k}); longest event-loop stall meanwhile ${result.segmentation.longestStallMs} ms → ${verdict(result.checks.segmentation)} (≤ ${result.targets.segmentationMs} ms, off the event loop)`,
  );
  console.log(`overall → ${verdict(result.pass)}`);
}
