// Loading CSV / Parquet files into marketing_clean through the guarded warehouse: the bundled sample's known
// figures (data/SOURCES.md), precise errors for bad files, column mappings, and "bad input loses nothing".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { AppError, userMessage } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createDuckDbDriver, type DuckDbDriver } from '../../src/warehouse/duckdb.js';
import { loadMarketingData } from '../../src/warehouse/loader.js';
import { type ColumnMapping, IDENTITY_MAPPING, loadMapping } from '../../src/warehouse/mapping.js';
import type { Row } from '../../src/warehouse/port.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';

const SAMPLE = resolve('data/marketing.csv');
const FIXTURES = resolve('tests/fixtures/loader');
const fixture = (name: string) => join(FIXTURES, name);
const HEADER =
  'id,c_date,campaign_name,category,campaign_id,impressions,mark_spent,clicks,leads,orders,revenue';

let driver: DuckDbDriver;
let warehouse: Warehouse;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'loader-test-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(async () => {
  driver = await createDuckDbDriver({ path: ':memory:' });
  warehouse = createWarehouse(
    driver,
    { maxRows: 10000, timeoutMs: 10000, maintenanceTimeoutMs: 60000 },
    { logger: silentLogger() },
  );
});

afterEach(async () => {
  await warehouse.close();
});

async function query(sql: string): Promise<Row[]> {
  return (await warehouse.select({ name: 'test_query', sql, params: [] })).rows;
}

async function cleanCount(): Promise<number> {
  const rows = await query('SELECT COUNT(*) AS n FROM marketing_clean');
  return Number(rows[0]?.n);
}

/** Runs a load that must fail and returns its AppError. */
async function loadError(file: string, mapping: ColumnMapping = IDENTITY_MAPPING): Promise<AppError> {
  try {
    await loadMarketingData(warehouse, file, mapping);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`loading ${file} was expected to fail`);
}

function mappingError(path: string): AppError {
  try {
    loadMapping(path);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`loading the mapping ${path} was expected to fail`);
}

describe('the bundled sample data/marketing.csv', () => {
  beforeEach(async () => {
    const report = await loadMarketingData(warehouse, SAMPLE, IDENTITY_MAPPING);
    expect(report.rows).toBe(308);
    expect(report.file).toBe(SAMPLE);
  });

  test('loads 308 rows with ids 1..308', async () => {
    expect(await cleanCount()).toBe(308);
    const [ids] = await query(
      'SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(DISTINCT id) AS n FROM marketing_clean',
    );
    expect(ids).toEqual({ lo: 1, hi: 308, n: 308 });
  });

  test('reads DD-MM-YYYY dates as day-month (01-02-2021 is 1 February, not 2 January)', async () => {
    const rows = await query('SELECT id, c_date FROM marketing_clean WHERE id IN (1, 308) ORDER BY id');
    expect(rows).toEqual([
      { id: 1, c_date: '2021-02-01' },
      { id: 308, c_date: '2021-02-28' },
    ]);
    const [range] = await query(
      'SELECT MIN(c_date) AS first_day, MAX(c_date) AS last_day, COUNT(DISTINCT c_date) AS days FROM marketing_clean',
    );
    expect(range).toEqual({ first_day: '2021-02-01', last_day: '2021-02-28', days: 28 });
  });

  test('stores c_date as a DATE and the amounts as numbers', async () => {
    const result = await warehouse.select({
      name: 'types',
      sql: 'SELECT c_date, mark_spent, impressions, campaign_id FROM marketing_clean LIMIT 1',
      params: [],
    });
    expect(result.columns.map((column) => [column.name, column.type])).toEqual([
      ['c_date', 'date'],
      ['mark_spent', 'double'],
      ['impressions', 'integer'],
      ['campaign_id', 'string'],
    ]);
  });

  test('keeps facebOOK_tier2 with its exact case as one campaign of 28 rows', async () => {
    const [exact] = await query(
      "SELECT COUNT(*) AS n FROM marketing_clean WHERE campaign_name = 'facebOOK_tier2'",
    );
    expect(exact?.n).toBe(28);
    const [lowered] = await query(
      "SELECT COUNT(*) AS n FROM marketing_clean WHERE campaign_name = 'facebook_tier2'",
    );
    expect(lowered?.n).toBe(0);
    const [campaigns] = await query(
      'SELECT COUNT(DISTINCT campaign_name) AS n, COUNT(DISTINCT lower(campaign_name)) AS n_lower FROM marketing_clean',
    );
    expect(campaigns).toEqual({ n: 11, n_lower: 11 });
  });

  test('keeps the 19 real rows with orders = 0 and the 4 with leads = 0', async () => {
    const noOrders = await query('SELECT id, revenue FROM marketing_clean WHERE orders = 0 ORDER BY id');
    expect(noOrders.map((row) => row.id)).toEqual([
      11, 13, 18, 19, 83, 116, 248, 267, 278, 284, 288, 289, 290, 293, 294, 295, 301, 304, 305,
    ]);
    expect(noOrders.every((row) => row.revenue === 0)).toBe(true);
    const noLeads = await query('SELECT id FROM marketing_clean WHERE leads = 0 ORDER BY id');
    expect(noLeads.map((row) => row.id)).toEqual([19, 284, 294, 305]);
  });

  test('totals match data/SOURCES.md (spend to the cent)', async () => {
    const [totals] = await query(
      'SELECT SUM(mark_spent) AS spend, SUM(revenue) AS revenue, SUM(impressions) AS impressions, ' +
        'SUM(clicks) AS clicks, SUM(leads) AS leads, SUM(orders) AS orders FROM marketing_clean',
    );
    expect(Math.round(Number(totals?.spend) * 100)).toBe(3_059_087_982);
    expect(totals?.revenue).toBe(42_889_366);
    expect(totals?.impressions).toBe(1_577_722_399);
    expect(totals?.clicks).toBe(2_999_919);
    expect(totals?.leads).toBe(65_579);
    expect(totals?.orders).toBe(8_043);
  });

  test('keeps a known row exactly (id 2: facebOOK_tier2 on 1 February)', async () => {
    const [row] = await query('SELECT * FROM marketing_clean WHERE id = 2');
    expect(row).toEqual({
      id: 2,
      c_date: '2021-02-01',
      campaign_name: 'facebOOK_tier2',
      category: 'social',
      campaign_id: '348934',
      impressions: 220688,
      mark_spent: 16300.2,
      clicks: 1640,
      leads: 48,
      orders: 3,
      revenue: 14962,
    });
  });
});

describe('unreadable files', () => {
  test('a missing file is DATA_FILE_MISSING naming the file', async () => {
    const missing = join(scratch, 'does-not-exist.csv');
    const error = await loadError(missing);
    expect(error.code).toBe('DATA_FILE_MISSING');
    expect(error.message).toContain(missing);
    expect(userMessage(error)).toContain('introuvable');
    expect(userMessage(error)).toContain(missing);
  });

  test('a directory is DATA_FILE_UNREADABLE naming it', async () => {
    const directory = mkdtempSync(join(scratch, 'a-directory-'));
    const error = await loadError(directory);
    expect(error.code).toBe('DATA_FILE_UNREADABLE');
    expect(error.message).toContain(directory);
    expect(userMessage(error)).toContain(directory);
  });

  test('a binary file named .csv is DATA_FILE_UNREADABLE naming it', async () => {
    const garbage = join(scratch, 'garbage.csv');
    writeFileSync(garbage, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x80, 0x81, 0x0a, 0x00, 0xc3]));
    const error = await loadError(garbage);
    expect(error.code).toBe('DATA_FILE_UNREADABLE');
    expect(error.message).toContain(garbage);
    expect(userMessage(error)).toContain(garbage);
  });

  test('a binary file named .parquet is DATA_FILE_UNREADABLE naming it', async () => {
    const garbage = join(scratch, 'garbage.parquet');
    writeFileSync(garbage, Buffer.from('this is not a parquet file at all\n'));
    const error = await loadError(garbage);
    expect(error.code).toBe('DATA_FILE_UNREADABLE');
    expect(error.message).toContain(garbage);
  });
});

describe('missing columns and bad values', () => {
  test('a CSV without revenue is DATA_COLUMN_MISSING naming the column and the file', async () => {
    const file = fixture('missing-revenue.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_COLUMN_MISSING');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/missing required column\(s\) revenue\b/);
    const french = userMessage(error);
    expect(french).toContain('Une colonne obligatoire manque');
    expect(french).toContain(file);
    expect(french).toContain('revenue');
    // Only revenue is missing: the other columns are present in the fixture.
    expect(error.details?.missing).toEqual(['revenue']);
  });

  test('a non-number in clicks on line 4 names the file, line 4 and clicks', async () => {
    const file = fixture('bad-clicks.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 4');
    expect(error.message).toContain('column clicks');
    expect(error.message).toContain('"abc"');
    expect(error.details).toMatchObject({ file, line: 4, column: 'clicks' });
    const french = userMessage(error);
    expect(french).toContain('ligne 4');
    expect(french).toContain('colonne clicks');
    expect(french).toContain(file);
  });

  test('a negative spend on line 3 names line 3 and mark_spent', async () => {
    const file = fixture('negative-spend.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, line 3, column mark_spent`);
    expect(error.details).toMatchObject({ line: 3, column: 'mark_spent', value: '-60' });
  });

  test('12.5 orders on line 5 is not a whole number', async () => {
    const file = fixture('fractional-orders.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, line 5, column orders`);
    expect(error.details).toMatchObject({ line: 5, column: 'orders', value: '12.5' });
  });

  test('an impossible date 31-02-2021 on line 2 names line 2 and c_date', async () => {
    const file = fixture('impossible-date.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, line 2, column c_date`);
    expect(error.details).toMatchObject({ line: 2, column: 'c_date', value: '31-02-2021' });
  });

  test('an empty campaign_name on line 3 names line 3 and campaign_name', async () => {
    const file = fixture('empty-campaign.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, line 3, column campaign_name`);
    expect(error.details).toMatchObject({ line: 3, column: 'campaign_name' });
  });

  test('a header-only CSV is a clear "no data rows" error', async () => {
    const file = fixture('header-only.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(file);
    expect(error.message).toContain('no data rows');
    expect(userMessage(error)).toContain('aucune ligne de données');
  });

  test('an infinite count ("inf" clicks on line 3) is DATA_VALUE_INVALID naming line 3', async () => {
    const file = fixture('infinite-clicks.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, line 3, column clicks`);
  });

  test('the line number stays right after a blank line in the file', async () => {
    const file = fixture('blank-line.csv');
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, line 5, column clicks`);
  });
});

describe('column mappings', () => {
  const expectedMappedRows = [
    {
      id: 1,
      c_date: '2021-03-01',
      campaign_name: 'spring_search',
      category: 'search',
      campaign_id: 'spring_search',
      impressions: 1000,
      mark_spent: 55.25,
      clicks: 40,
      leads: 7,
      orders: 3,
      revenue: 300,
    },
    {
      id: 2,
      c_date: '2021-03-02',
      campaign_name: 'spring_search',
      category: 'search',
      campaign_id: 'spring_search',
      impressions: 2000,
      mark_spent: 60.5,
      clicks: 50,
      leads: 9,
      orders: 4,
      revenue: 410,
    },
    {
      id: 3,
      c_date: '2021-03-01',
      campaign_name: 'spring_social',
      category: 'social',
      campaign_id: 'spring_social',
      impressions: 3000,
      mark_spent: 70,
      clicks: 60,
      leads: 11,
      orders: 5,
      revenue: 520,
    },
  ];

  test.each(['mapping.yaml', 'mapping.json'])(
    'a renamed-column CSV loads through %s into the right columns',
    async (mappingFile) => {
      const mapping = loadMapping(fixture(mappingFile));
      expect(mapping.columns).toEqual({
        day: 'c_date',
        campaign: 'campaign_name',
        channel: 'category',
        impr: 'impressions',
        cost: 'mark_spent',
        conversions: 'orders',
        sales: 'revenue',
      });
      const report = await loadMarketingData(warehouse, fixture('mapped.csv'), mapping);
      expect(report.rows).toBe(3);
      expect(await query('SELECT * FROM marketing_clean ORDER BY id')).toEqual(expectedMappedRows);
    },
  );

  test('the mapped file without its mapping names every missing column', async () => {
    const error = await loadError(fixture('mapped.csv'));
    expect(error.code).toBe('DATA_COLUMN_MISSING');
    expect(error.details?.missing).toEqual([
      'c_date',
      'campaign_name',
      'category',
      'impressions',
      'mark_spent',
      'orders',
      'revenue',
    ]);
  });

  test('date_format "%d/%m/%Y" reads 03/02/2021 as 3 February', async () => {
    const mapping = loadMapping(fixture('mapping-slash-dates.yaml'));
    expect(mapping).toEqual({ columns: {}, date_format: '%d/%m/%Y' });
    await loadMarketingData(warehouse, fixture('slash-dates.csv'), mapping);
    expect(await query('SELECT id, c_date FROM marketing_clean ORDER BY id')).toEqual([
      { id: 1, c_date: '2021-02-03' },
      { id: 2, c_date: '2021-02-13' },
    ]);
  });

  test('date_format "%m/%d/%Y" is honoured (02/13/2021 is 13 February)', async () => {
    const mapping = loadMapping(fixture('mapping-us-dates.yaml'));
    await loadMarketingData(warehouse, fixture('us-dates.csv'), mapping);
    expect(await query('SELECT id, c_date FROM marketing_clean ORDER BY id')).toEqual([
      { id: 1, c_date: '2021-02-03' },
      { id: 2, c_date: '2021-02-13' },
    ]);
  });

  test('no mapping path means the identity mapping', () => {
    expect(loadMapping(undefined)).toEqual({ columns: {} });
  });

  test('an unknown target column is MAPPING_INVALID naming the file', () => {
    const file = fixture('mapping-unknown-target.yaml');
    const error = mappingError(file);
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toContain(file);
    expect(error.message).toContain('columns.cost');
  });

  test('two sources mapping to the same target is MAPPING_INVALID naming both', () => {
    const error = mappingError(fixture('mapping-duplicate-target.yaml'));
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toContain('"cost"');
    expect(error.message).toContain('"spend"');
    expect(error.message).toContain('mark_spent');
  });

  // Written here rather than kept as fixtures: the linter would reject files that do not parse.
  test.each([
    ['mapping-broken.yaml', 'columns:\n  cost: [mark_spent\n  sales: revenue\n'],
    ['mapping-broken.json', '{ "columns": { "cost": "mark_spent", }\n'],
  ])('unparseable %s is MAPPING_INVALID', (name, text) => {
    const file = join(scratch, name);
    writeFileSync(file, text);
    const error = mappingError(file);
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toContain(`${file} is not valid JSON/YAML`);
    expect(userMessage(error)).toContain('mapping');
  });

  test('a missing mapping file is MAPPING_INVALID naming it', () => {
    const file = join(scratch, 'no-such-mapping.yaml');
    const error = mappingError(file);
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toContain(file);
    expect(userMessage(error)).toContain(file);
  });

  test('an unknown top-level key is MAPPING_INVALID', () => {
    const file = join(scratch, 'typo-mapping.yaml');
    writeFileSync(file, 'colums:\n  cost: mark_spent\n');
    expect(mappingError(file).code).toBe('MAPPING_INVALID');
  });

  test('a date_format with a quote is MAPPING_INVALID (it reaches SQL text)', () => {
    const file = join(scratch, 'quote-format.yaml');
    writeFileSync(file, `date_format: "%d'); DROP TABLE marketing_clean; --"\n`);
    const error = mappingError(file);
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toContain('date_format');
  });
});

describe('Parquet files', () => {
  const parquetSelect =
    'SELECT * FROM (VALUES ' +
    "(DATE '2021-02-03', 'pq_alpha', 'media', 1500::BIGINT, 123.45::DOUBLE, 30::BIGINT, 4::BIGINT, 2::BIGINT, 456.5::DOUBLE), " +
    "(DATE '2021-02-14', 'pq_beta', 'search', 2500::BIGINT, 0.07::DOUBLE, 40::BIGINT, 0::BIGINT, 0::BIGINT, 0::DOUBLE)" +
    ') AS t(c_date, campaign_name, category, impressions, mark_spent, clicks, leads, orders, revenue)';

  test('a Parquet file with DATE and DOUBLE columns round-trips', async () => {
    const file = join(mkdtempSync(join(scratch, 'parquet-')), 'x.parquet');
    await driver.exec(`COPY (${parquetSelect}) TO '${file}' (FORMAT parquet)`);
    const described = await driver.run(`SELECT c_date, mark_spent FROM read_parquet('${file}')`, [], {
      maxRows: 10,
      timeoutMs: 10000,
    });
    expect(described.columns.map((column) => column.type)).toEqual(['date', 'double']);

    const report = await loadMarketingData(warehouse, file, IDENTITY_MAPPING);
    expect(report.rows).toBe(2);
    expect(await query('SELECT * FROM marketing_clean ORDER BY id')).toEqual([
      {
        id: 1,
        c_date: '2021-02-03',
        campaign_name: 'pq_alpha',
        category: 'media',
        campaign_id: 'pq_alpha',
        impressions: 1500,
        mark_spent: 123.45,
        clicks: 30,
        leads: 4,
        orders: 2,
        revenue: 456.5,
      },
      {
        id: 2,
        c_date: '2021-02-14',
        campaign_name: 'pq_beta',
        category: 'search',
        campaign_id: 'pq_beta',
        impressions: 2500,
        mark_spent: 0.07,
        clicks: 40,
        leads: 0,
        orders: 0,
        revenue: 0,
      },
    ]);
  });

  test('a bad Parquet value is reported by row', async () => {
    const file = join(mkdtempSync(join(scratch, 'parquet-')), 'bad.parquet');
    await driver.exec(
      `COPY (SELECT * FROM (${parquetSelect}) UNION ALL SELECT DATE '2021-02-15', 'pq_gamma', 'media', 10, -1.0, 1, 1, 1, 1.0) TO '${file}' (FORMAT parquet)`,
    );
    const error = await loadError(file);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(error.message).toContain(`${file}, row 3, column mark_spent`);
  });

  test('a Parquet file whose date column is a TIMESTAMP at midnight loads', async () => {
    const file = join(mkdtempSync(join(scratch, 'parquet-')), 'ts.parquet');
    await driver.exec(
      `COPY (SELECT CAST(c_date AS TIMESTAMP) AS c_date, * EXCLUDE (c_date) FROM (${parquetSelect})) TO '${file}' (FORMAT parquet)`,
    );
    await loadMarketingData(warehouse, file, IDENTITY_MAPPING);
    expect(await query('SELECT c_date FROM marketing_clean ORDER BY id')).toEqual([
      { c_date: '2021-02-03' },
      { c_date: '2021-02-14' },
    ]);
  });

  test('a Parquet DATE column still loads when the mapping sets a date_format', async () => {
    const file = join(mkdtempSync(join(scratch, 'parquet-')), 'dates.parquet');
    await driver.exec(`COPY (${parquetSelect}) TO '${file}' (FORMAT parquet)`);
    await loadMarketingData(warehouse, file, { columns: {}, date_format: '%d/%m/%Y' });
    expect(await query('SELECT c_date FROM marketing_clean ORDER BY id')).toEqual([
      { c_date: '2021-02-03' },
      { c_date: '2021-02-14' },
    ]);
  });
});

describe('bad input loses nothing', () => {
  async function spendCents(): Promise<number> {
    const [row] = await query('SELECT SUM(mark_spent) AS spend FROM marketing_clean');
    return Math.round(Number(row?.spend) * 100);
  }

  test('every failed load leaves the previously loaded marketing_clean intact', async () => {
    await loadMarketingData(warehouse, SAMPLE, IDENTITY_MAPPING);
    expect(await cleanCount()).toBe(308);
    const garbage = join(scratch, 'garbage-2.csv');
    writeFileSync(garbage, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x0a, 0xc3]));
    const bad = [
      join(scratch, 'missing.csv'),
      scratch,
      garbage,
      fixture('missing-revenue.csv'),
      fixture('bad-clicks.csv'),
      fixture('negative-spend.csv'),
      fixture('fractional-orders.csv'),
      fixture('impossible-date.csv'),
      fixture('empty-campaign.csv'),
    ];
    for (const file of bad) {
      await loadError(file);
      expect(await cleanCount()).toBe(308);
    }
    expect(await spendCents()).toBe(3_059_087_982);
    const [row] = await query('SELECT campaign_name FROM marketing_clean WHERE id = 2');
    expect(row?.campaign_name).toBe('facebOOK_tier2');
  });

  test('the staging table is dropped after a failed load', async () => {
    await loadError(fixture('bad-clicks.csv'));
    const tables = await driver.run(
      "SELECT table_name FROM information_schema.tables WHERE table_name = '_marketing_stage'",
      [],
      { maxRows: 10, timeoutMs: 10000 },
    );
    expect(tables.rows).toEqual([]);
  });

  test('a header-only file leaves the previously loaded marketing_clean intact', async () => {
    await loadMarketingData(warehouse, SAMPLE, IDENTITY_MAPPING);
    await loadError(fixture('header-only.csv'));
    expect(await cleanCount()).toBe(308);
  });
});

describe('injection attempts', () => {
  beforeEach(async () => {
    await loadMarketingData(warehouse, SAMPLE, IDENTITY_MAPPING);
  });

  test('a header column named x"; DROP TABLE marketing_clean; -- mapped to campaign_name loads as data', async () => {
    const mapping = loadMapping(fixture('mapping-injection.yaml'));
    expect(mapping.columns).toEqual({ 'x"; DROP TABLE marketing_clean; --': 'campaign_name' });
    let failure: unknown;
    try {
      await loadMarketingData(warehouse, fixture('injection-header.csv'), mapping);
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) {
      expect(
        await query('SELECT id, campaign_name, campaign_id, revenue FROM marketing_clean ORDER BY id'),
      ).toEqual([
        { id: 1, campaign_name: 'evil_campaign', campaign_id: 'evil_campaign', revenue: 20 },
        { id: 2, campaign_name: 'evil_campaign', campaign_id: 'evil_campaign', revenue: 40 },
      ]);
    } else {
      // A clean refusal: an AppError, and the previous data untouched.
      expect(failure).toBeInstanceOf(AppError);
      expect(await cleanCount()).toBe(308);
    }
    // Either way the table still exists (a DROP would make this select fail).
    expect(await cleanCount()).toBeGreaterThan(0);
  });

  test('a data path with SQL in its name is only a file name', async () => {
    const dir = mkdtempSync(join(scratch, 'inj-'));
    const file = join(dir, "x'); DROP TABLE marketing_clean; --.csv");
    writeFileSync(file, `${HEADER}\n1,05-02-2021,quoted_path,social,7,100,10.5,5,2,1,20\n`);
    const report = await loadMarketingData(warehouse, file, IDENTITY_MAPPING);
    expect(report.rows).toBe(1);
    expect(await query('SELECT campaign_name, c_date FROM marketing_clean')).toEqual([
      { campaign_name: 'quoted_path', c_date: '2021-02-05' },
    ]);
  });

  test('a missing data path with SQL in its name fails cleanly', async () => {
    const file = join(scratch, "nope'; DROP TABLE marketing_clean; --.csv");
    const error = await loadError(file);
    expect(error.code).toBe('DATA_FILE_MISSING');
    expect(await cleanCount()).toBe(308);
  });

  test('SQL inside a value is stored as text', async () => {
    const dir = mkdtempSync(join(scratch, 'inj-'));
    const file = join(dir, 'values.csv');
    const evil = "x'); DROP TABLE marketing_clean; --";
    writeFileSync(file, `${HEADER}\n1,05-02-2021,"${evil}",social,7,100,10.5,5,2,1,20\n`);
    await loadMarketingData(warehouse, file, IDENTITY_MAPPING);
    expect(await query('SELECT campaign_name FROM marketing_clean')).toEqual([{ campaign_name: evil }]);
  });
});
