// The SQL guard on its own: what it lets through and what it refuses, whatever a tool might send.
import { describe, expect, test } from '@jest/globals';
import { type GuardPolicy, guardStatement, STAGING_TABLE } from '../../src/warehouse/guard.js';
import { BUILD_DAILY_SQL, buildKpiSql } from '../../src/warehouse/kpi.js';
import type { SqlValue } from '../../src/warehouse/port.js';
import {
  aggregateQuery,
  catalogCategoriesQuery,
  catalogFactsQuery,
  catalogPageQuery,
  DIMENSIONS,
  dailyShapeQuery,
  describeCampaignQuery,
  GRAINS,
  kpiTableQuery,
  kpiTrendQuery,
  METRICS,
  rankCampaignsQuery,
  underperformingQuery,
} from '../../src/warehouse/queries.js';

const settings = { maxRows: 1000, timeoutMs: 5000 };
const check = (sql: string, params: SqlValue[] = [], policy: GuardPolicy = 'read') =>
  guardStatement({ name: 'test', sql, params }, policy, settings);

function expectRejected(sql: string, params: SqlValue[] = [], policy: GuardPolicy = 'read'): void {
  expect(() => check(sql, params, policy)).toThrow(expect.objectContaining({ code: 'SQL_REJECTED' }));
}

describe('every named query passes the read policy', () => {
  const filters = { category: 'social', campaignName: 'x', dateFrom: '2021-02-01', dateTo: '2021-02-07' };
  const statements = [
    ...METRICS.flatMap((metric) =>
      (['top', 'bottom'] as const).map((direction) =>
        rankCampaignsQuery({ metric, direction, limit: 5, ...filters }),
      ),
    ),
    rankCampaignsQuery({ metric: 'roi', direction: 'top', limit: 5 }),
    underperformingQuery({ roiThreshold: 0, limit: 10, ...filters }),
    underperformingQuery({ roiThreshold: 0, limit: 10 }),
    ...DIMENSIONS.map((groupBy) => aggregateQuery({ groupBy, ...filters })),
    ...GRAINS.map((grain) => kpiTrendQuery({ metric: 'ctr', grain, ...filters })),
    describeCampaignQuery({ campaignName: 'google_hot' }),
    catalogPageQuery({ after: null, limit: 10 }),
    catalogPageQuery({ after: 'x', limit: 10 }),
    catalogFactsQuery(),
    catalogCategoriesQuery(),
    dailyShapeQuery(),
    kpiTableQuery(),
  ];
  test.each(statements.map((statement) => [statement.name, statement] as const))('%s', (_name, statement) => {
    expect(guardStatement(statement, 'read', { maxRows: 10_000, timeoutMs: 5000 })).toEqual({
      maxRows: 10_000,
      timeoutMs: 5000,
    });
  });

  test('the KPI build passes the maintenance policy but not the read policy', () => {
    const build = buildKpiSql({ dateFrom: '2021-02-01' });
    expect(() => guardStatement({ name: 'b', ...build }, 'maintenance', settings)).not.toThrow();
    expect(() =>
      guardStatement({ name: 'd', sql: BUILD_DAILY_SQL, params: [] }, 'maintenance', settings),
    ).not.toThrow();
    expect(() => guardStatement({ name: 'd', sql: BUILD_DAILY_SQL, params: [] }, 'read', settings)).toThrow();
  });
});

describe('the read policy refuses', () => {
  test.each([
    ['a write', 'DELETE FROM marketing_kpi'],
    ['DDL', 'DROP TABLE marketing_kpi'],
    ['a second statement', 'SELECT 1 FROM marketing_kpi; DROP TABLE marketing_kpi'],
    ['a stacked statement after a trailing semicolon', 'SELECT 1 FROM marketing_kpi;;'],
    ['COPY', "COPY marketing_kpi TO '/tmp/x.csv'"],
    ['ATTACH', "ATTACH '/tmp/other.db' AS other"],
    ['PRAGMA', 'PRAGMA database_list'],
    ['SET', 'SET enable_external_access = true'],
    ['CALL', 'CALL dbgen(sf = 1)'],
    ['INSTALL/LOAD', 'INSTALL httpfs'],
    ['a CTE that writes', 'WITH x AS (DELETE FROM marketing_kpi RETURNING *) SELECT * FROM x'],
    ['a table outside the allow-list', 'SELECT * FROM information_schema.tables'],
    ['a system table', 'SELECT * FROM duckdb_settings()'],
    ['a file read in FROM', "SELECT * FROM read_csv('/etc/passwd')"],
    ['a file read as a scalar', "SELECT read_text('/etc/passwd') FROM marketing_kpi"],
    ['a file path as a table', "SELECT * FROM '/etc/passwd'"],
    ['the environment', "SELECT getenv('DATABRICKS_ACCESS_TOKEN') FROM marketing_kpi"],
    ['a join to a forbidden table', 'SELECT * FROM marketing_kpi JOIN secrets ON true'],
    ['a comma join to a forbidden table', 'SELECT * FROM marketing_kpi, pg_catalog.pg_user'],
    ['a subquery on a forbidden table', 'SELECT * FROM (SELECT * FROM users) AS u'],
    ['a qualified name', 'SELECT * FROM main.marketing_kpi'],
    ['a line comment', 'SELECT * FROM marketing_kpi -- hidden'],
    ['a block comment', 'SELECT * FROM marketing_kpi /* hidden */'],
    ['a non-SELECT start', 'VALUES (1)'],
    ['an empty statement', '   '],
    ['an unterminated quote', "SELECT 'x FROM marketing_kpi"],
    ['a LIMIT above the cap', 'SELECT * FROM marketing_kpi LIMIT 5000'],
    ['a dollar-quoted string', 'SELECT $$x$$ FROM marketing_kpi'],
    ['a backslash escape', "SELECT 'a\\' FROM marketing_kpi"],
  ])('%s', (_label, sql) => expectRejected(sql));

  test('parameter count and values are checked', () => {
    expectRejected('SELECT * FROM marketing_kpi WHERE category = ?', []);
    expectRejected('SELECT * FROM marketing_kpi WHERE category = ?', ['a', 'b']);
    expectRejected('SELECT * FROM marketing_kpi WHERE roi < ?', [Number.NaN]);
    expectRejected('SELECT * FROM marketing_kpi WHERE roi < ?', [Number.POSITIVE_INFINITY]);
    expectRejected('SELECT * FROM marketing_kpi WHERE category = ?', ['x'.repeat(501)]);
    expectRejected('SELECT * FROM marketing_kpi LIMIT ?', [1001]);
    expectRejected('SELECT * FROM marketing_kpi LIMIT ?', [2.5]);
    expect(() =>
      check('SELECT * FROM marketing_kpi WHERE category = ? LIMIT ?', ["x'; DROP TABLE y; --", 10]),
    ).not.toThrow();
  });

  test('quoted text is data: forbidden words inside a string literal are fine', () => {
    expect(() => check("SELECT * FROM marketing_kpi WHERE category = 'drop table'")).not.toThrow();
  });
});

describe('the maintenance policy', () => {
  test('only writes the bot’s own tables', () => {
    expect(() =>
      check('CREATE OR REPLACE TABLE marketing_kpi AS SELECT * FROM marketing_kpi_daily', [], 'maintenance'),
    ).not.toThrow();
    expectRejected('CREATE OR REPLACE TABLE users AS SELECT * FROM marketing_kpi', [], 'maintenance');
    expectRejected('CREATE TABLE marketing_kpi AS SELECT 1', [], 'maintenance');
    expectRejected('DROP TABLE marketing_clean', [], 'maintenance');
    expectRejected('DROP TABLE IF EXISTS users', [], 'maintenance');
    expect(() => check(`DROP TABLE IF EXISTS ${STAGING_TABLE}`, [], 'maintenance')).not.toThrow();
  });

  test('the loader switch: exactly the staging rename and the marketing_clean view, nothing else', () => {
    expect(() =>
      check(`ALTER TABLE ${STAGING_TABLE} RENAME TO _marketing_rows`, [], 'maintenance'),
    ).not.toThrow();
    expect(() =>
      check(
        'CREATE OR REPLACE VIEW marketing_clean AS SELECT c_date FROM _marketing_rows',
        [],
        'maintenance',
      ),
    ).not.toThrow();
    expectRejected(`ALTER TABLE ${STAGING_TABLE} RENAME TO users`, [], 'maintenance');
    expectRejected('ALTER TABLE marketing_kpi RENAME TO _marketing_rows', [], 'maintenance');
    expectRejected(`ALTER TABLE ${STAGING_TABLE} RENAME TO _marketing_rows`, [], 'read');
    expectRejected('CREATE OR REPLACE VIEW users AS SELECT 1', [], 'maintenance');
    expectRejected('CREATE OR REPLACE VIEW marketing_clean AS SELECT * FROM secrets', [], 'maintenance');
    expectRejected("SELECT * FROM sniff_csv('/etc/passwd')", [], 'maintenance');
    expect(() =>
      check("SELECT DateFormat FROM sniff_csv(?, nullstr = ['#N/A']) LIMIT 1", ['x.csv'], 'maintenance'),
    ).not.toThrow();
    expectRejected('SELECT DateFormat FROM sniff_csv(?) LIMIT 1', ['x.csv'], 'read');
  });

  test('reads files only through read_csv / read_parquet with a bound path', () => {
    expect(() =>
      check(
        `CREATE OR REPLACE TABLE ${STAGING_TABLE} AS SELECT * FROM read_csv(?, header = true)`,
        ['data/x.csv'],
        'maintenance',
      ),
    ).not.toThrow();
    expectRejected(
      `CREATE OR REPLACE TABLE ${STAGING_TABLE} AS SELECT * FROM read_csv('/etc/passwd')`,
      [],
      'maintenance',
    );
    expectRejected(
      `CREATE OR REPLACE TABLE ${STAGING_TABLE} AS SELECT * FROM read_json(?)`,
      ['x'],
      'maintenance',
    );
    expectRejected(
      'CREATE OR REPLACE TABLE marketing_kpi AS SELECT * FROM marketing_kpi; DROP TABLE x',
      [],
      'maintenance',
    );
  });
});
