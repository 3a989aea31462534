// Faults: the warehouse down or slow, seen through the whole agent (createBotAgent → tools → warehouse → driver).
// Injected: (a) a DuckDB driver wrapper that rejects with WAREHOUSE_UNAVAILABLE, or swaps the statement for a
// really slow one run by the real DuckDB driver under a 300 ms read timeout (real interrupt); (b) the real
// Databricks driver against the local Thrift server answering HTTP 503, then a statement delayed past the timeout.
// Each time: a French Answer with the error code, no stack trace, and the next question answered normally.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import type { Agent } from '../../src/core/agent.js';
import type { Answer } from '../../src/core/answer.js';
import { AppError, ERROR_CODES } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { createDatabricksDriver } from '../../src/warehouse/databricks.js';
import { createDuckDbDriver, type DuckDbDriver } from '../../src/warehouse/duckdb.js';
import { buildKpiTables } from '../../src/warehouse/kpi.js';
import { loadMarketingData } from '../../src/warehouse/loader.js';
import { IDENTITY_MAPPING } from '../../src/warehouse/mapping.js';
import type { SqlDriver } from '../../src/warehouse/port.js';
import { createWarehouse } from '../../src/warehouse/warehouse.js';
import { type FakeDatabricks, startFakeDatabricks } from '../fakes/databricks-thrift-server.js';

const QUESTION = 'Top 5 des campagnes par ROI';
const READ_TIMEOUT_MS = 300;
const SLOW_SQL = 'SELECT COUNT(*) AS n FROM range(100000000000) AS a';
const TOKEN = 'dapi-fault-test-token-0123456789abcdef';

type Mode = 'ok' | 'down' | 'slow';

/** The real DuckDB driver behind a switch: down (connection refused) or slow (a statement that never ends in time). */
function faultyDriver(inner: SqlDriver): SqlDriver & { mode: Mode; calls: number } {
  const wrapper = {
    kind: inner.kind,
    mode: 'ok' as Mode,
    calls: 0,
    run(sql: string, params: Parameters<SqlDriver['run']>[1], options: Parameters<SqlDriver['run']>[2]) {
      wrapper.calls++;
      if (wrapper.mode === 'down')
        return Promise.reject(new AppError('WAREHOUSE_UNAVAILABLE', 'injected: connection refused'));
      if (wrapper.mode === 'slow') return inner.run(SLOW_SQL, [], options);
      return inner.run(sql, params, options);
    },
    close: () => inner.close(),
  };
  return wrapper;
}

function expectFrenchError(answer: Answer, code: keyof typeof ERROR_CODES): void {
  expect(answer.errorCode).toBe(code);
  expect(answer.language).toBe('fr');
  expect(answer.text).toContain(ERROR_CODES[code]);
  const shown = JSON.stringify(answer);
  expect(shown).not.toMatch(/\n\s+at |\.ts:\d+|AppError|injected|TTransport|HTTP 5\d\d|stack/i);
}

function expectAnswered(answer: Answer): void {
  expect(answer.errorCode).toBeUndefined();
  expect(answer.provenance.length).toBeGreaterThan(0);
  expect(answer.provenance.every((call) => call.rowCount > 0)).toBe(true);
}

async function loadSample(driver: DuckDbDriver): Promise<void> {
  const loader = createWarehouse(
    driver,
    { maxRows: 10_000, timeoutMs: 20_000, maintenanceTimeoutMs: 60_000 },
    { logger: silentLogger() },
  );
  await loadMarketingData(loader, 'data/marketing.csv', IDENTITY_MAPPING);
  await buildKpiTables(loader);
}

function agentOn(driver: SqlDriver, timeoutMs: number): Agent {
  const warehouse = createWarehouse(
    driver,
    { maxRows: 10_000, timeoutMs, maintenanceTimeoutMs: 60_000 },
    { logger: silentLogger() },
  );
  const tools: ToolContext = { warehouse, catalog: createCatalogProvider(warehouse), currency: 'CHF' };
  return createBotAgent({ maxQuestionChars: 2000 }, { tools, logger: silentLogger() });
}

async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  for (const start = Date.now(); !check(); await new Promise((done) => setTimeout(done, 20))) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
  }
}

let backend: DuckDbDriver;
beforeAll(async () => {
  backend = await createDuckDbDriver({ path: ':memory:' });
  await loadSample(backend);
  console.log(
    'warehouse faults: injected WAREHOUSE_UNAVAILABLE + 300 ms timeout on DuckDB, HTTP 503 + delayed statement on Databricks',
  );
});
afterAll(async () => {
  await backend.close();
});

describe('DuckDB warehouse through the agent', () => {
  test('down: a French WAREHOUSE_UNAVAILABLE answer, then a normal answer once it is back', async () => {
    const driver = faultyDriver(backend);
    const agent = agentOn(driver, READ_TIMEOUT_MS);
    driver.mode = 'down';
    const down = await agent.ask({ conversation: 'dk-down-1', text: QUESTION });
    expectFrenchError(down, 'WAREHOUSE_UNAVAILABLE');
    expect(driver.calls).toBeGreaterThan(0);
    driver.mode = 'ok';
    expectAnswered(await agent.ask({ conversation: 'dk-down-2', text: QUESTION }));
    // The same conversation recovers too: the failed turn left nothing that blocks the next one.
    expectAnswered(await agent.ask({ conversation: 'dk-down-1', text: QUESTION }));
  });

  test('slow: the real DuckDB driver interrupts after the timeout → WAREHOUSE_TIMEOUT, then recovery', async () => {
    const driver = faultyDriver(backend);
    const agent = agentOn(driver, READ_TIMEOUT_MS);
    // Warm the catalog first so the slow statement is the tool's own query.
    expectAnswered(await agent.ask({ conversation: 'dk-slow-0', text: QUESTION }));
    driver.mode = 'slow';
    const slow = await agent.ask({ conversation: 'dk-slow-1', text: QUESTION });
    expectFrenchError(slow, 'WAREHOUSE_TIMEOUT');
    // No wall-clock bound: SLOW_SQL runs for minutes, so an answer at all, and a connection free for the next
    // question, prove the statement was interrupted rather than waited for.
    driver.mode = 'ok';
    expectAnswered(await agent.ask({ conversation: 'dk-slow-2', text: QUESTION }));
  });
});

describe('Databricks warehouse (real driver, local Thrift server) through the agent', () => {
  let server: FakeDatabricks;
  let driver: SqlDriver;
  let slowNext = false;

  beforeAll(async () => {
    server = await startFakeDatabricks({
      backend,
      token: TOKEN,
      onStatement: () => (slowNext ? { delayMs: 10_000 } : undefined),
    });
    driver = await createDatabricksDriver(
      { host: '127.0.0.1', port: server.port, path: server.path, token: TOKEN, insecure: true },
      { logger: silentLogger() },
    );
  });
  afterAll(async () => {
    await driver.close();
    await server.close();
  });

  test('HTTP 503: a French WAREHOUSE_UNAVAILABLE answer, then recovery once the warehouse answers', async () => {
    const agent = agentOn(driver, 1_000);
    server.forceHttpStatus = 503;
    const down = await agent.ask({ conversation: 'db-503-1', text: QUESTION });
    expectFrenchError(down, 'WAREHOUSE_UNAVAILABLE');
    expect(server.rejected).toContain(503);
    server.forceHttpStatus = undefined;
    expectAnswered(await agent.ask({ conversation: 'db-503-2', text: QUESTION }));
  });

  test('a statement slower than the timeout: a French WAREHOUSE_TIMEOUT answer, cancelled, then recovery', async () => {
    const agent = agentOn(driver, 1_000);
    expectAnswered(await agent.ask({ conversation: 'db-slow-0', text: QUESTION })); // catalog warm
    slowNext = true;
    const slow = await agent.ask({ conversation: 'db-slow-1', text: QUESTION });
    slowNext = false;
    expectFrenchError(slow, 'WAREHOUSE_TIMEOUT');
    // The client gave up and cancelled: no wall-clock bound, the CancelOperation is the evidence.
    await eventually(() => server.requests.some((request) => request.method === 'CancelOperation'));
    expectAnswered(await agent.ask({ conversation: 'db-slow-2', text: QUESTION }));
  });
});
