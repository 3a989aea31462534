// The DuckDB file is only a cache of the data file: a corrupt one must not stop the bot. It is set aside
// (`<file>.corrupt-<time>`, kept for a human), rebuilt from the data file with a log line, and the figures are
// the data file's. A file locked by another process gets a French message naming that process and what to do.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { userMessage } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/logger.js';
import { openWarehouse } from '../../src/warehouse/open.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';

const dir = mkdtempSync(join(tmpdir(), 'duckdb-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataPath = join(dir, 'marketing.csv');
copyFileSync(resolve('data/marketing.csv'), dataPath);

function capture() {
  const lines: { msg: string; setAside?: string }[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  return { logger, lines };
}

const config = (duckdbPath: string) =>
  loadConfig({ DATA_PATH: dataPath, DUCKDB_PATH: duckdbPath, NODE_ENV: 'test' }).warehouse;

describe('a corrupt DuckDB file', () => {
  test.each([
    ['garbage bytes', Buffer.alloc(16_384, 7)],
    ['a text file', Buffer.from('this is not a database\n')],
  ])('%s: set aside, rebuilt from the data file, figures right', async (_name, bytes) => {
    const sub = join(dir, `corrupt-${bytes.length}`);
    mkdirSync(sub, { recursive: true });
    const duckdbPath = join(sub, 'marketing.duckdb');
    writeFileSync(duckdbPath, bytes);
    writeFileSync(`${duckdbPath}.version`, 'stale');
    const { logger, lines } = capture();
    const opened = await openWarehouse(config(duckdbPath), { logger });
    try {
      const result = await opened.warehouse.select({
        name: 'roi_by_campaign',
        sql: 'SELECT campaign_name, roi FROM marketing_kpi ORDER BY campaign_name',
        params: [],
      });
      const expected = groupTotals(readSampleRows(dataPath), (row) => row.campaign);
      expect(result.rows).toHaveLength(expected.size);
      for (const row of result.rows)
        expect(row.roi).toBeCloseTo(roi(expected.get(String(row.campaign_name))!), 9);
    } finally {
      await opened.warehouse.close();
    }
    const notice = lines.find((line) => /corrupt; set aside/.test(line.msg));
    expect(notice?.setAside).toMatch(/marketing\.duckdb\.corrupt-/);
    expect(readdirSync(sub).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });
});

describe('a real DuckDB file whose blocks were damaged', () => {
  test('set aside at the next start and rebuilt', async () => {
    const sub = join(dir, 'damaged');
    mkdirSync(sub, { recursive: true });
    const duckdbPath = join(sub, 'marketing.duckdb');
    const built = await openWarehouse(config(duckdbPath), { logger: capture().logger });
    await built.warehouse.close();
    // Everything after DuckDB's three header blocks (3 × 4 KiB) overwritten with random bytes, the size kept.
    const size = statSync(duckdbPath).size;
    const handle = openSync(duckdbPath, 'r+');
    writeSync(handle, randomBytes(size - 12_288), 0, size - 12_288, 12_288);
    closeSync(handle);
    const { logger, lines } = capture();
    const opened = await openWarehouse(config(duckdbPath), { logger });
    try {
      const result = await opened.warehouse.select({
        name: 'n',
        sql: 'SELECT COUNT(*) AS n FROM marketing_kpi',
        params: [],
      });
      expect(Number(result.rows[0]?.n)).toBe(
        groupTotals(readSampleRows(dataPath), (row) => row.campaign).size,
      );
    } finally {
      await opened.warehouse.close();
    }
    expect(lines.some((line) => /corrupt; set aside/.test(line.msg))).toBe(true);
  });
});

describe('a DuckDB file locked by another process', () => {
  let holder: ChildProcess | undefined;
  afterAll(() => {
    holder?.kill();
  });

  test('refused with a French message naming the process and what to do', async () => {
    const duckdbPath = join(dir, 'locked', 'marketing.duckdb');
    mkdirSync(join(dir, 'locked'), { recursive: true });
    holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { DuckDBInstance } = await import('@duckdb/node-api');
         await DuckDBInstance.create(${JSON.stringify(duckdbPath)});
         console.log('held');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((ready) => holder!.stdout!.once('data', ready));
    const failure = await openWarehouse(config(duckdbPath), { logger: capture().logger }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'WAREHOUSE_LOCKED' });
    const message = userMessage(failure);
    expect(message).toContain('est verrouillé par');
    expect(message).toContain(`PID ${holder.pid}`);
    expect(message).toContain('DUCKDB_PATH');
    expect(message).not.toMatch(/IO Error|duckdb\.org/);
    expect(readdirSync(join(dir, 'locked')).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  });
});
