// One load + KPI build into a fresh DuckDB FILE database, in its own process so its peak RSS is its own:
//   node --import tsx bench/warehouse-load.ts ours|plain FILE.csv DB.duckdb
// `ours`: the bot's loader (semantic model, typed read, one-scan checks) then buildKpiTables. `plain`: DuckDB's own
// read_csv (auto-detected types) renamed to the canonical columns, then the same KPI SQL. Prints one JSON line.
import { rmSync } from 'node:fs';
import { silentLogger } from '../src/core/logger.js';
import { createDuckDbDriver } from '../src/warehouse/duckdb.js';
import {
  BUILD_CAMPAIGN_DAY_SQL,
  buildDailySql,
  buildDimensionsSql,
  buildKpiSql,
  buildKpiTables,
} from '../src/warehouse/kpi.js';
import { loadMarketingData } from '../src/warehouse/loader.js';
import type { SemanticModel } from '../src/warehouse/semantic-model.js';
import { createWarehouse } from '../src/warehouse/warehouse.js';

export const BENCH_MODEL: SemanticModel = {
  campaign: { column: 'Campaign' },
  dimensions: [
    { name: 'category', column: 'Channel', label: { fr: 'catégorie', en: 'category' }, synonyms: [] },
    { name: 'placement', column: 'Placement', label: { fr: 'emplacement', en: 'placement' }, synonyms: [] },
    { name: 'device', column: 'Device', label: { fr: 'appareil', en: 'device' }, synonyms: [] },
  ],
  measures: {
    impressions: ['Impressions'],
    clicks: ['Clicks'],
    mark_spent: ['Spend'],
    leads: ['Leads'],
    orders: ['Orders'],
    revenue: ['Revenue'],
  },
  time: { kind: 'date', column: 'Date' },
};

async function main(): Promise<void> {
  const [mode, file, db] = process.argv.slice(2);
  if (!file || !db || (mode !== 'ours' && mode !== 'plain')) throw new Error('usage: ours|plain FILE DB');
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const driver = await createDuckDbDriver({ path: db });
  const started = performance.now();
  let loadMs: number;
  if (mode === 'ours') {
    const warehouse = createWarehouse(
      driver,
      { maxRows: 10_000, timeoutMs: 600_000, maintenanceTimeoutMs: 3_600_000 },
      { logger: silentLogger() },
    );
    const load = await loadMarketingData(warehouse, file, BENCH_MODEL);
    loadMs = performance.now() - started;
    await buildKpiTables(warehouse);
    if (load.slowPath) throw new Error('the typed fast path was not taken');
  } else {
    await driver.exec(
      'CREATE OR REPLACE TABLE marketing_clean AS SELECT "Date" AS c_date, "Campaign" AS campaign_name, ' +
        '"Channel" AS category, "Placement" AS placement, "Device" AS device, ' +
        '"Impressions" AS impressions, "Spend" AS mark_spent, "Clicks" AS clicks, "Leads" AS leads, ' +
        '"Orders" AS orders, "Revenue" AS revenue FROM read_csv(?)',
      [file],
    );
    loadMs = performance.now() - started;
    await driver.exec(buildDailySql(['placement', 'device']));
    await driver.exec(BUILD_CAMPAIGN_DAY_SQL);
    await driver.exec(buildKpiSql({}).sql);
    await driver.exec(buildDimensionsSql(['placement', 'device']));
  }
  const totalMs = performance.now() - started;
  await driver.close();
  console.log(
    JSON.stringify({
      mode,
      loadMs: Math.round(loadMs),
      kpiMs: Math.round(totalMs - loadMs),
      totalMs: Math.round(totalMs),
      cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

if (process.argv[1]?.endsWith('warehouse-load.ts'))
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
