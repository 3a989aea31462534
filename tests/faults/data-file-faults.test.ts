// Faults: the whole app started on a bad data file. Injected: a DATA_PATH that does not exist, a CSV with a
// non-numeric value on line 4, and — over a DuckDB file loaded earlier from a good CSV — the data file replaced
// by a malformed one. Expected: createApp rejects with an AppError naming the file, whose French userMessage says
// what to fix (what `src/app/main.ts` prints); the earlier data stays in the DuckDB file and serves again once the
// file is fixed.
//
// Documented behaviour (openWarehouse): a changed data file is reloaded at start-up; when that reload fails, the
// start-up fails (the bot does NOT keep serving the old data in that process). The previous marketing_clean and
// KPI tables are left intact in the DuckDB file (the staging table is dropped, the version file is not updated),
// so the next start with a good file — or the old one restored — serves again without losing anything.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { AppError, ERROR_CODES, userMessage } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createDuckDbDriver } from '../../src/warehouse/duckdb.js';

const SAMPLE = resolve('data/marketing.csv');
const BAD_CSV = resolve('tests/fixtures/loader/bad-clicks.csv');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'faults-data-'));
  console.log(
    'data-file faults: missing DATA_PATH, malformed CSV (line 4), good DuckDB file then a bad new CSV',
  );
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function configFor(dataPath: string, duckdbPath = ':memory:') {
  return loadConfig({
    DATA_PATH: dataPath,
    DUCKDB_PATH: duckdbPath,
    STATE_DIR: join(root, 'state'),
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    NODE_ENV: 'test',
  });
}

async function startFailure(dataPath: string, duckdbPath?: string): Promise<AppError> {
  const error = await createApp(configFor(dataPath, duckdbPath), { logger: silentLogger() }).then(
    async (app) => {
      await app.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function expectNoInternals(message: string): void {
  expect(message).not.toMatch(/\n\s+at |\.ts:\d+|Error:|SELECT|TRY_CAST/);
}

describe('createApp on a bad data file', () => {
  test('a missing DATA_PATH: DATA_FILE_MISSING naming the file, French message telling to check DATA_PATH', async () => {
    const missing = join(root, 'nowhere', 'marketing.csv');
    const error = await startFailure(missing);
    expect(error.code).toBe('DATA_FILE_MISSING');
    expect(error.message).toContain(missing);
    const shown = userMessage(error);
    expect(shown).toContain(ERROR_CODES.DATA_FILE_MISSING);
    expect(shown).toContain('DATA_PATH');
    expect(shown).toContain(missing);
    expectNoInternals(shown);
  });

  test('a malformed CSV: DATA_VALUE_INVALID naming the file, the line and the column, in French', async () => {
    const bad = join(root, 'bad.csv');
    copyFileSync(BAD_CSV, bad);
    const error = await startFailure(bad);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    const shown = userMessage(error);
    expect(shown).toContain(ERROR_CODES.DATA_VALUE_INVALID);
    expect(shown).toContain(bad);
    expect(shown).toMatch(/ligne 4/);
    expect(shown).toMatch(/clicks/);
    expect(shown).toContain('"abc"');
    expectNoInternals(shown);
  });
});

describe('the CLI on a missing data file', () => {
  test('prints the French message naming the file, then the code, and exits 1 (no stack trace)', async () => {
    const missing = join(root, 'absent.csv');
    const env = {
      PATH: process.env.PATH,
      HOME: root,
      NODE_ENV: 'test',
      DATA_PATH: missing,
      DUCKDB_PATH: ':memory:',
      STATE_DIR: join(root, 'cli-state'),
    };
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'src/app/main.ts', 'ask', 'Top 5 des campagnes par ROI'],
        { env, timeout: 15_000 },
        (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.code).toBe(1);
    const lines = result.stderr
      .split('\n')
      .filter((line) => line && !/ExperimentalWarning|--trace-warnings/.test(line));
    expect(lines[0]).toBe(`${ERROR_CODES.DATA_FILE_MISSING} Fichier : ${missing}.`);
    expect(lines[1]).toBe(`[DATA_FILE_MISSING] ${missing}: no such file`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 20_000);
});

describe('a bad new data file over a DuckDB file loaded earlier', () => {
  test('start-up fails with the French message; the old data is kept and serves again once the file is fixed', async () => {
    const dataPath = join(root, 'live.csv');
    const duckdbPath = join(root, 'db', 'marketing.duckdb');
    copyFileSync(SAMPLE, dataPath);
    const sampleRows = readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1;

    const first = await createApp(configFor(dataPath, duckdbPath), { logger: silentLogger() });
    const before = await first.agent.ask({ conversation: 'web:data-1', text: 'Top 5 des campagnes par ROI' });
    expect(before.errorCode).toBeUndefined();
    await first.close();
    const version = readFileSync(`${duckdbPath}.version`, 'utf8');

    // The data file is replaced by a malformed one while the bot is down.
    writeFileSync(dataPath, readFileSync(BAD_CSV, 'utf8'));
    const error = await startFailure(dataPath, duckdbPath);
    expect(error.code).toBe('DATA_VALUE_INVALID');
    expect(userMessage(error)).toContain(dataPath);
    expect(readFileSync(`${duckdbPath}.version`, 'utf8')).toBe(version); // not marked as loaded

    // Nothing lost: the DuckDB file still holds the previous marketing_clean and KPI tables, no staging left over.
    const peek = await createDuckDbDriver({ path: duckdbPath });
    try {
      const clean = await peek.run('SELECT COUNT(*) AS n FROM marketing_clean', [], {
        timeoutMs: 5_000,
        maxRows: 1,
      });
      expect(Number(clean.rows[0]?.n)).toBe(sampleRows);
      const kpi = await peek.run('SELECT COUNT(*) AS n FROM marketing_kpi', [], {
        timeoutMs: 5_000,
        maxRows: 1,
      });
      expect(Number(kpi.rows[0]?.n)).toBeGreaterThan(0);
      const tables = await peek.run('SELECT table_name FROM information_schema.tables', [], {
        timeoutMs: 5_000,
        maxRows: 100,
      });
      expect(tables.rows.map((row) => String(row.table_name)).filter((name) => /stag/i.test(name))).toEqual(
        [],
      );
    } finally {
      await peek.close();
    }

    // The data file removed altogether: same story, DATA_FILE_MISSING, the DuckDB file untouched.
    unlinkSync(dataPath);
    expect((await startFailure(dataPath, duckdbPath)).code).toBe('DATA_FILE_MISSING');
    expect(readFileSync(`${duckdbPath}.version`, 'utf8')).toBe(version);

    // The file is fixed (the good one put back): the app starts and answers with the same figures as before.
    copyFileSync(SAMPLE, dataPath);
    const again = await createApp(configFor(dataPath, duckdbPath), { logger: silentLogger() });
    try {
      const after = await again.agent.ask({
        conversation: 'web:data-2',
        text: 'Top 5 des campagnes par ROI',
      });
      expect(after.errorCode).toBeUndefined();
      expect(after.text).toBe(before.text);
    } finally {
      await again.close();
    }
  });
});
