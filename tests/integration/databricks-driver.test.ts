// The Databricks driver end to end: the real @databricks/sql client against a local Thrift server built from the
// driver's own generated TCLIService code, backed by DuckDB. Expected values come from the rows inserted below.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { AppError } from '../../src/core/errors.js';
import { createLogger, type Logger, silentLogger } from '../../src/core/logger.js';
import { createDatabricksDriver, type DatabricksSettings } from '../../src/warehouse/databricks.js';
import { createDuckDbDriver, type DuckDbDriver } from '../../src/warehouse/duckdb.js';
import type { Column } from '../../src/warehouse/port.js';
import {
  type FakeDatabricks,
  type FakeDatabricksOptions,
  startFakeDatabricks,
} from '../fakes/databricks-thrift-server.js';
import { freePort } from '../fixtures/free-port.js';

const TOKEN = 'dapi-test-token-0123456789abcdef';
const RUN = { timeoutMs: 5_000, maxRows: 100 };
const SLOW = '/* slow */';

let backend: DuckDbDriver;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  backend = await createDuckDbDriver({ path: ':memory:' });
  await backend.exec(`CREATE TABLE campaigns (campaign_name VARCHAR, category VARCHAR, c_date DATE, impressions BIGINT,
    revenue DECIMAL(12, 2), roi DOUBLE, active BOOLEAN, updated_at TIMESTAMP)`);
  await backend.exec(`INSERT INTO campaigns VALUES
    ('facebook_tier1', 'social', DATE '2021-02-01', 148263, 7307.37, 1.5, true, TIMESTAMP '2021-02-01 08:30:00'),
    ('google_hot', 'search', DATE '2021-02-02', 3000000000, 25000.00, 2.773, false, TIMESTAMP '2021-02-02 09:00:00.250'),
    ('instagram_blogger', 'influencer', DATE '2021-02-03', 1000, 0.50, NULL, NULL, NULL),
    ('youtube_blogger', 'influencer', DATE '2021-02-04', 500, 10.25, -0.5, true, TIMESTAMP '2021-02-04 23:59:59'),
    ('banner_partner', 'media', DATE '2021-02-05', 0, 0, NULL, false, TIMESTAMP '2021-02-05 00:00:00')`);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await backend.close();
});

async function fake(options: Partial<FakeDatabricksOptions> = {}): Promise<FakeDatabricks> {
  const server = await startFakeDatabricks({
    backend,
    token: TOKEN,
    pageSize: 2, // several FetchResults pages even for small results
    onStatement: (sql) => (sql.includes(SLOW) ? { delayMs: 10_000 } : undefined),
    ...options,
  });
  cleanups.unshift(() => server.close()); // servers go last: drivers say goodbye to a live server
  return server;
}

async function driverFor(
  server: { port: number; path: string },
  settings: Partial<DatabricksSettings> = {},
  logger: Logger = silentLogger(),
) {
  const target = { host: '127.0.0.1', port: server.port, path: server.path, token: TOKEN, insecure: true };
  const driver = await createDatabricksDriver({ ...target, ...settings }, { logger });
  cleanups.push(() => driver.close());
  return driver;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const executes = (server: FakeDatabricks) => server.requests.filter((r) => r.method === 'ExecuteStatement');
const count = (server: FakeDatabricks, method: string) =>
  server.requests.filter((r) => r.method === method).length;

async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
  }
}

describe('Databricks driver against a local Thrift server', () => {
  test('binds ordinal parameters of several types and returns typed cells', async () => {
    const server = await fake();
    const driver = await driverFor(server);
    const sql = 'SELECT ? AS s, CAST(? AS INTEGER) AS i, ? AS d, ? AS n, CAST(? AS DATE) AS day, ? AS b';
    const result = await driver.run(sql, ['Été « 20 % »', 42, 2.5, null, '2021-02-03', true], RUN);
    expect(result.rows).toEqual([{ s: 'Été « 20 % »', i: 42, d: 2.5, n: null, day: '2021-02-03', b: true }]);
    expect(result.columns.filter((c) => c.name !== 'n')).toEqual([
      { name: 's', type: 'string' },
      { name: 'i', type: 'integer' },
      { name: 'd', type: 'double' },
      { name: 'day', type: 'date' },
      { name: 'b', type: 'boolean' },
    ]);
    expect(result.truncated).toBe(false);
    // What went over the wire: the SQL untouched, values as typed TSparkParameters, plain columnar results.
    const [execute] = executes(server);
    expect(execute).toMatchObject({
      statement: sql,
      paramTypes: ['STRING', 'INTEGER', 'DOUBLE', null, 'STRING', 'BOOLEAN'],
      queryTimeoutSeconds: 5,
      directResultsMaxRows: 101,
      canReadArrowResult: false,
      canDownloadResult: false,
    });
    expect(execute?.canDecompressLZ4Result).not.toBe(true);
  });

  test('reads table columns: BIGINT beyond 32 bits, DECIMAL, DATE, TIMESTAMP, NULLs, over several pages', async () => {
    const driver = await driverFor(await fake());
    const sql = `SELECT campaign_name, impressions, revenue, roi, c_date, updated_at, active FROM campaigns
      WHERE c_date >= CAST(? AS DATE) AND impressions >= ? ORDER BY campaign_name`;
    const result = await driver.run(sql, ['2021-02-02', 500], RUN);
    expect(result.columns.map((c) => `${c.name}:${c.type}`).join()).toBe(
      'campaign_name:string,impressions:integer,revenue:double,roi:double,c_date:date,updated_at:timestamp,active:boolean',
    );
    expect(result.rows.map((row) => Object.values(row))).toEqual([
      ['google_hot', 3_000_000_000, 25000, 2.773, '2021-02-02', '2021-02-02T09:00:00.250Z', false],
      ['instagram_blogger', 1000, 0.5, null, '2021-02-03', null, null],
      ['youtube_blogger', 500, 10.25, -0.5, '2021-02-04', '2021-02-04T23:59:59.000Z', true],
    ]);
  });

  test('decodes DECIMAL text and INT columns, and turns NaN/Infinity/imprecise BIGINT into null', async () => {
    const columns: Column[] = [
      { name: 'big', type: 'integer' },
      { name: 'x', type: 'double' },
    ];
    const values = [Number.MAX_SAFE_INTEGER, Number.NaN, 2 ** 60, Number.POSITIVE_INFINITY, -7, 1.25];
    const injected = [0, 2, 4].map((i) => ({ big: values[i]!, x: values[i + 1]! }));
    const server = await fake({
      onStatement: () => ({ result: { columns, rows: injected, truncated: false } }),
    });
    const rows = (await (await driverFor(server)).run('SELECT 1', [], RUN)).rows;
    expect(rows).toEqual([
      { big: Number.MAX_SAFE_INTEGER, x: null },
      { big: null, x: null }, // the driver's Int64.toNumber() yields Infinity past 2^53
      { big: -7, x: 1.25 },
    ]);
    const decimal = await fake({ doubleAs: 'DECIMAL', integerAs: 'INT' });
    const result = await (await driverFor(decimal)).run(
      'SELECT revenue, CAST(impressions AS INTEGER) AS impressions FROM campaigns WHERE category = ? ORDER BY revenue',
      ['influencer'],
      RUN,
    );
    expect(result.rows).toEqual([
      { revenue: 0.5, impressions: 1000 },
      { revenue: 10.25, impressions: 500 },
    ]);
    expect(result.columns.map((c) => c.type)).toEqual(['double', 'integer']);
  });

  test('an SQL injection attempt passed as a parameter is plain data', async () => {
    const server = await fake();
    const driver = await driverFor(server);
    const attack = "x'; DROP TABLE campaigns; --";
    expect((await driver.run('SELECT ? AS v', [attack], RUN)).rows).toEqual([{ v: attack }]);
    const lookup = 'SELECT COUNT(*) AS n FROM campaigns WHERE campaign_name = ?';
    expect((await driver.run(lookup, [attack], RUN)).rows).toEqual([{ n: 0 }]);
    expect((await driver.run('SELECT COUNT(*) AS n FROM campaigns', [], RUN)).rows).toEqual([{ n: 5 }]);
    expect(executes(server).map((r) => r.statement)).toEqual([
      'SELECT ? AS v',
      lookup,
      'SELECT COUNT(*) AS n FROM campaigns',
    ]);
  });

  test('stops at maxRows and reports truncation only when more rows existed', async () => {
    const driver = await driverFor(await fake());
    const sql = 'SELECT campaign_name FROM campaigns ORDER BY campaign_name';
    const two = await driver.run(sql, [], { timeoutMs: 5_000, maxRows: 2 });
    expect(two).toMatchObject({
      rows: [{ campaign_name: 'banner_partner' }, { campaign_name: 'facebook_tier1' }],
      truncated: true,
    });
    const five = await driver.run(sql, [], { timeoutMs: 5_000, maxRows: 5 });
    expect(five.rows).toHaveLength(5);
    expect(five.truncated).toBe(false);
    const none = await driver.run(sql.replace('ORDER', 'WHERE 1 = 0 ORDER'), [], RUN);
    expect(none).toEqual({
      columns: [{ name: 'campaign_name', type: 'string' }],
      rows: [],
      truncated: false,
    });
    // A statement that outlives the direct-results wait is polled, then fetched page by page.
    const slowServer = await fake({ onStatement: () => ({ delayMs: 300 }) });
    const slowDriver = await driverFor(slowServer);
    const polled = await slowDriver.run('SELECT range AS n FROM range(25)', [], {
      timeoutMs: 5_000,
      maxRows: 7,
    });
    expect(polled.rows.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(polled.truncated).toBe(true);
    expect(count(slowServer, 'GetOperationStatus')).toBeGreaterThan(0);
    expect(count(slowServer, 'FetchResults')).toBeGreaterThan(1);
  });

  test('a refused token is WAREHOUSE_AUTH and the token never appears in the error', async () => {
    const server = await fake();
    const wrong = 'dapi-wrong-token-fedcba9876543210';
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const driver = await driverFor(server, { token: wrong }, logger);
    const error = await failure(driver.run('SELECT 1 AS one', [], RUN));
    expect(error.code).toBe('WAREHOUSE_AUTH');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(wrong);
    expect(lines.length).toBeGreaterThan(0); // the driver did log (at debug), but never the token
    expect(lines.join('')).not.toContain(wrong);
    expect(server.rejected).toContain(403);
    expect(count(server, 'OpenSession')).toBe(0);
  });

  test('a closed port is WAREHOUSE_UNAVAILABLE', async () => {
    const driver = await driverFor({ port: await freePort(), path: '/sql/1.0/warehouses/none' });
    expect((await failure(driver.run('SELECT 1 AS one', [], RUN))).code).toBe('WAREHOUSE_UNAVAILABLE');
  });

  test('an HTTP 503 is WAREHOUSE_UNAVAILABLE and the next call reconnects', async () => {
    const server = await fake();
    const driver = await driverFor(server);
    server.forceHttpStatus = 503;
    expect((await failure(driver.run('SELECT 1 AS one', [], RUN))).code).toBe('WAREHOUSE_UNAVAILABLE');
    server.forceHttpStatus = undefined;
    expect((await driver.run('SELECT 1 AS one', [], RUN)).rows).toEqual([{ one: 1 }]);
  });

  test('a statement slower than timeoutMs is WAREHOUSE_TIMEOUT and is cancelled on the server', async () => {
    for (const directResultsWaitMs of [0, 1_000]) {
      // 0: the handle is back before the deadline; 1000: the deadline passes while ExecuteStatement is in flight.
      const server = await fake({ directResultsWaitMs });
      const driver = await driverFor(server);
      const error = await failure(driver.run(`SELECT 1 AS one ${SLOW}`, [], { timeoutMs: 400, maxRows: 10 }));
      // The fake's slow statement takes 10 s: a timeout error and a CancelOperation prove the deadline fired.
      expect(error.code).toBe('WAREHOUSE_TIMEOUT');
      await eventually(() => count(server, 'CancelOperation') === 1);
      expect((await driver.run('SELECT 2 AS two', [], RUN)).rows).toEqual([{ two: 2 }]); // the session survives
    }
  });

  test('an SQL error is WAREHOUSE_QUERY_FAILED, whether refused at once or failing while polled', async () => {
    const server = await fake({
      onStatement: (sql) => (sql.includes('late') ? { delayMs: 300, error: 'DIVIDE_BY_ZERO' } : undefined),
    });
    const driver = await driverFor(server);
    const early = await failure(driver.run('SELECT * FROM no_such_table', [], RUN));
    expect(early.code).toBe('WAREHOUSE_QUERY_FAILED');
    expect(early.message).toContain('no_such_table');
    const late = await failure(driver.run('SELECT 1 /* late */', [], RUN));
    expect(late.code).toBe('WAREHOUSE_QUERY_FAILED');
    expect(late.message).toContain('DIVIDE_BY_ZERO');
    expect((await driver.run('SELECT 3 AS three', [], RUN)).rows).toEqual([{ three: 3 }]);
  });

  test('reuses one session, and recovers after the server restarts or goes away', async () => {
    const first = await fake();
    const driver = await driverFor(first, { catalog: 'main', schema: 'marketing' });
    for (const n of [1, 2, 3]) expect((await driver.run('SELECT ? AS n', [n], RUN)).rows).toEqual([{ n }]);
    expect(count(first, 'OpenSession')).toBe(1);
    const namespace = { catalogName: 'main', schemaName: 'marketing' };
    expect(first.requests[0]?.initialNamespace).toMatchObject(namespace);

    first.expireSessions(); // the warehouse forgot the session: reopened and retried once, transparently
    expect((await driver.run('SELECT 4 AS n', [], RUN)).rows).toEqual([{ n: 4 }]);
    expect(
      first.requests
        .slice(-3)
        .map((r) => r.method)
        .join(),
    ).toBe('ExecuteStatement,OpenSession,ExecuteStatement');

    await first.close(); // a restart: stale keep-alive sockets and an unknown session, recovered the same way
    const second = await fake({ port: first.port });
    expect((await driver.run('SELECT 5 AS n', [], RUN)).rows).toEqual([{ n: 5 }]);
    expect(count(second, 'OpenSession')).toBe(1);

    await second.close(); // down: the call fails, the next one after the comeback succeeds
    // Refused (how fast is not bounded here: the test suite has no wall-clock bounds).
    expect((await failure(driver.run('SELECT 6 AS n', [], RUN))).code).toBe('WAREHOUSE_UNAVAILABLE');
    const third = await fake({ port: first.port });
    expect((await driver.run('SELECT 7 AS n', [], RUN)).rows).toEqual([{ n: 7 }]);
    expect(count(third, 'OpenSession')).toBe(1);
  });

  const openssl = (() => {
    try {
      return execFileSync('openssl', ['version']).length > 0;
    } catch {
      return false;
    }
  })();
  (openssl ? test : test.skip)(
    'over HTTPS it refuses an unverifiable certificate, token unsent',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dbx-tls-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      const args = 'req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1'.split(' ');
      execFileSync('openssl', [...args, '-keyout', key, '-out', cert], { stdio: 'ignore' });
      const seen: string[] = [];
      const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
        seen.push(String(req.headers.authorization));
        res.writeHead(403).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanups.unshift(() => new Promise((resolve) => server.close(() => resolve())));
      const port = (server.address() as AddressInfo).port;
      const driver = await driverFor({ port, path: '/sql/1.0/warehouses/tls' }, { insecure: false });
      expect((await failure(driver.run('SELECT 1 AS one', [], RUN))).code).toBe('WAREHOUSE_UNAVAILABLE');
      expect(seen).toEqual([]); // the stock agent (rejectUnauthorized: false) would have sent the token here
    },
  );
});
