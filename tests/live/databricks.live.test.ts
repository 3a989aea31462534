// Against a real Databricks SQL warehouse, only when its three settings are in the environment (the one test file
// allowed to read process.env). A stopped warehouse starts on the first statement: hence the long timeouts.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { silentLogger } from '../../src/core/logger.js';
import type { SqlDriver } from '../../src/warehouse/port.js';

const host = process.env.DATABRICKS_SERVER_HOSTNAME;
const path = process.env.DATABRICKS_HTTP_PATH;
const token = process.env.DATABRICKS_ACCESS_TOKEN;
const configured = Boolean(host && path && token);
const COLD_START = { timeoutMs: 10 * 60_000, maxRows: 10 };
const RUN = { timeoutMs: 120_000, maxRows: 10 };

(configured ? describe : describe.skip)(
  configured
    ? 'Databricks SQL warehouse (live)'
    : 'Databricks SQL warehouse (live) — skipped: set DATABRICKS_SERVER_HOSTNAME, DATABRICKS_HTTP_PATH and DATABRICKS_ACCESS_TOKEN',
  () => {
    let driver: SqlDriver;

    beforeAll(async () => {
      // Imported here, so a skipped run never loads the driver.
      const { createDatabricksDriver } = await import('../../src/warehouse/databricks.js');
      driver = await createDatabricksDriver(
        { host: host!, path: path!, token: token! },
        { logger: silentLogger() },
      );
    });

    afterAll(async () => {
      await driver?.close();
    });

    test(
      'SELECT 1 AS one',
      async () => {
        const result = await driver.run('SELECT 1 AS one', [], COLD_START);
        expect(result).toEqual({
          columns: [{ name: 'one', type: 'integer' }],
          rows: [{ one: 1 }],
          truncated: false,
        });
      },
      11 * 60_000,
    );

    test('a parameterized select binds typed ordinal parameters', async () => {
      const sql = 'SELECT ? AS s, ? AS d, ? + 1 AS next, CAST(? AS DATE) AS day, ? IS NULL AS missing';
      const result = await driver.run(sql, ["l'été « 20 % »", 2.5, 41, '2021-02-03', null], RUN);
      expect(result.rows).toEqual([
        { s: "l'été « 20 % »", d: 2.5, next: 42, day: '2021-02-03', missing: true },
      ]);
      expect(result.columns.map((c) => c.type)).toEqual(['string', 'double', 'integer', 'date', 'boolean']);
    }, 150_000);

    test('stops at maxRows on a larger result', async () => {
      const result = await driver.run('SELECT id FROM range(1000) ORDER BY id', [], { ...RUN, maxRows: 3 });
      expect(result).toMatchObject({ rows: [{ id: 0 }, { id: 1 }, { id: 2 }], truncated: true });
    }, 150_000);
  },
);
