// openWarehouse on a DuckDB file: the first open loads the CSV and builds the KPI tables, a second open of the
// same file with the same data reuses them, and a changed data file is reloaded on the next open.

import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/core/logger.js';
import { type OpenedWarehouse, openWarehouse } from '../../src/warehouse/open.js';

const SAMPLE = resolve('data/marketing.csv');

interface CapturedLogger {
  logger: Logger;
  messages(): string[];
}

function capturingLogger(): CapturedLogger {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return {
    logger: createLogger({ level: 'info', destination }),
    messages: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg),
  };
}

async function scalar(opened: OpenedWarehouse, sql: string): Promise<number> {
  const result = await opened.warehouse.select({ name: 'test_scalar', sql, params: [] });
  return Number(result.rows[0]?.n);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('openWarehouse (DuckDB file)', () => {
  let dir: string;
  let dataPath: string;
  let duckdbPath: string;
  let versionPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-warehouse-'));
    dataPath = join(dir, 'marketing.csv');
    duckdbPath = join(dir, 'db', 'marketing.duckdb');
    versionPath = `${duckdbPath}.version`;
    copyFileSync(SAMPLE, dataPath);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function config() {
    return loadConfig({ DATA_PATH: dataPath, DUCKDB_PATH: duckdbPath, NODE_ENV: 'test' }).warehouse;
  }

  test('the config points at the temp files', () => {
    expect(config()).toMatchObject({ kind: 'duckdb', dataPath, duckdbPath });
  });

  test('first open loads the file and builds marketing_kpi (11 campaigns)', async () => {
    expect(existsSync(versionPath)).toBe(false);
    const log = capturingLogger();
    const opened = await openWarehouse(config(), { logger: log.logger });
    try {
      expect(log.messages()).toEqual(
        expect.arrayContaining(['data loaded into marketing_clean', 'KPI tables built']),
      );
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_clean')).toBe(308);
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_kpi')).toBe(11);
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_kpi_daily')).toBe(308);
    } finally {
      await opened.warehouse.close();
    }
    expect(existsSync(versionPath)).toBe(true);
    expect(existsSync(duckdbPath)).toBe(true);
  });

  test('a second open of the unchanged file does not reload', async () => {
    const versionBefore = statSync(versionPath).mtimeMs;
    const versionText = readFileSync(versionPath, 'utf8');
    await sleep(20);
    const log = capturingLogger();
    const opened = await openWarehouse(config(), { logger: log.logger });
    try {
      expect(log.messages()).not.toContain('data loaded into marketing_clean');
      expect(log.messages()).not.toContain('KPI tables built');
      // The tables persisted in the DuckDB file.
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_kpi')).toBe(11);
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_clean')).toBe(308);
    } finally {
      await opened.warehouse.close();
    }
    expect(statSync(versionPath).mtimeMs).toBe(versionBefore);
    expect(readFileSync(versionPath, 'utf8')).toBe(versionText);
  });

  test('a changed CSV (a new campaign appended) is reloaded on the next open', async () => {
    const versionText = readFileSync(versionPath, 'utf8');
    appendFileSync(dataPath, '309,01-03-2021,tiktok_test,social,424242,1000,250.5,20,4,2,600\n');
    const log = capturingLogger();
    const opened = await openWarehouse(config(), { logger: log.logger });
    try {
      expect(log.messages()).toEqual(
        expect.arrayContaining(['data loaded into marketing_clean', 'KPI tables built']),
      );
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_clean')).toBe(309);
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_kpi')).toBe(12);
      const added = await opened.warehouse.select({
        name: 'new_campaign',
        sql: "SELECT campaign_name, category, mark_spent, revenue FROM marketing_kpi WHERE campaign_name = 'tiktok_test'",
        params: [],
      });
      expect(added.rows).toEqual([
        { campaign_name: 'tiktok_test', category: 'social', mark_spent: 250.5, revenue: 600 },
      ]);
    } finally {
      await opened.warehouse.close();
    }
    expect(readFileSync(versionPath, 'utf8')).not.toBe(versionText);

    // And the open after that is quiet again.
    const quiet = capturingLogger();
    const reopened = await openWarehouse(config(), { logger: quiet.logger });
    try {
      expect(quiet.messages()).not.toContain('data loaded into marketing_clean');
      expect(await scalar(reopened, 'SELECT COUNT(*) AS n FROM marketing_kpi')).toBe(12);
    } finally {
      await reopened.warehouse.close();
    }
  });
  test('an open that fails on bad data releases the file (another process can take its lock), and opens once the data is fixed', async () => {
    const good = readFileSync(dataPath, 'utf8');
    writeFileSync(dataPath, 'id,campaign\n1,lost_header\n'); // the required columns are missing
    const failed = await openWarehouse(config(), { logger: capturingLogger().logger }).catch(
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: expect.stringMatching(/^DATA_/) });
    // Another process can take the file: the failed open did not keep DuckDB's lock on it.
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { DuckDBInstance } = await import('@duckdb/node-api');
         const instance = await DuckDBInstance.create(${JSON.stringify(duckdbPath)});
         instance.closeSync();`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(child.stderr).not.toMatch(/lock/i);
    expect(child.status).toBe(0);
    writeFileSync(dataPath, good);
    const opened = await openWarehouse(config(), { logger: capturingLogger().logger });
    try {
      expect(await scalar(opened, 'SELECT COUNT(*) AS n FROM marketing_kpi')).toBe(12);
    } finally {
      await opened.warehouse.close();
    }
  });
});
