// ML training at scale: more campaign-days than the row cap → a uniform sample over every period (not the most
// recent days), and the answer says so.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { silentLogger } from '../../src/core/logger.js';
import { createDuckDbDriver, type DuckDbDriver } from '../../src/warehouse/duckdb.js';
import { mlTrainingRowsQuery } from '../../src/warehouse/ml-queries.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';
import { TEST_LIMITS } from '../fixtures/sample-warehouse.js';

let driver: DuckDbDriver;
let warehouse: Warehouse;
beforeAll(async () => {
  driver = await createDuckDbDriver({ path: ':memory:' });
  warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
  // 90 days × 100 campaigns = 9,000 campaign-days.
  await driver.exec(`CREATE TABLE marketing_kpi_campaign_day AS
    SELECT CAST(DATE '2024-01-01' + CAST(i // 100 AS INTEGER) AS DATE) AS c_date,
           'c_' || CAST(i % 100 AS VARCHAR) AS campaign_name, 'social' AS category,
           CAST(1000 AS BIGINT) AS impressions, CAST(10 AS BIGINT) AS clicks, CAST(1 AS BIGINT) AS leads,
           CAST(1 AS BIGINT) AS orders, 10.0 AS mark_spent, 20.0 AS revenue
    FROM range(9000) t(i)`);
});
afterAll(() => warehouse.close());

test('a uniform sample within the cap, spread over the whole period, with the total it was drawn from', async () => {
  const { rows } = await warehouse.select(mlTrainingRowsQuery({ limit: 1000 }));
  expect(rows.length).toBeLessThanOrEqual(1000);
  expect(rows.length).toBeGreaterThanOrEqual(900);
  expect(rows[0]?.total_rows).toBe(9000);
  const days = new Set(rows.map((row) => row.c_date));
  expect(days.size).toBe(90); // every day is represented, not only the latest 10
  const campaigns = new Set(rows.map((row) => row.campaign_name));
  expect(campaigns.size).toBeGreaterThanOrEqual(10);
});

test('under the cap every row is kept, most recent first (as before)', async () => {
  const { rows } = await warehouse.select(mlTrainingRowsQuery({ limit: 10_000 }));
  expect(rows).toHaveLength(9000);
  expect(rows[0]?.c_date).toBe('2024-03-30');
});
