// `npm run data -- inspect FILE [--json] [--write MODEL.yml]`, and what the bot says about the model it used:
// inferred (no MODEL_PATH) → reported with its doubts, kept across restarts; MODEL_PATH → used as written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { dataCommand } from '../../src/app/cli/data.js';
import { dataStatus } from '../../src/app/startup-report.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openWarehouse } from '../../src/warehouse/open.js';
import { loadModel } from '../../src/warehouse/semantic-model.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'data-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function printed(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await run();
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return lines.join('\n');
}

describe('npm run data -- inspect', () => {
  test('prints the proposed model as YAML with its reasons, doubts and a trial load', async () => {
    const text = await printed(() => dataCommand(['inspect', 'tests/fixtures/exports/two-revenue.csv']));
    expect(text).toContain('# Pourquoi :');
    expect(text).toContain('deux colonnes candidates pour revenue');
    expect(text).toContain('# Essai de chargement : 10 lignes.');
    expect(text).toMatch(/^ {2}revenue: Revenue$/m);
  });

  test('--json gives the model file, reasons and ambiguities; --write saves a model MODEL_PATH accepts', async () => {
    const out = join(dir, 'model.yml');
    const text = await printed(() =>
      dataCommand(['inspect', 'tests/fixtures/exports/month-day-no-year.csv', '--json', '--write', out]),
    );
    const json = JSON.parse(text) as {
      model: { time: unknown; measures: Record<string, unknown> };
      ambiguities: string[];
      trial: { rows: number };
      written: string;
    };
    expect(json.model.time).toMatchObject({ month: 'Mois', day: 'Jour' });
    expect(json.model.measures.leads).toBeNull();
    expect(json.ambiguities.join(' ')).toContain("pas d'année");
    expect(json.trial.rows).toBe(18);
    expect(json.written).toBe(out);
    const model = loadModel(out);
    expect(model.time).toMatchObject({ kind: 'parts', month: 'Mois', day: 'Jour' });
    expect(readFileSync(out, 'utf8')).toContain('# À vérifier :');
  });
});

describe('the model the bot used, reported', () => {
  test('no MODEL_PATH: the inferred model is used, reported and kept next to the DuckDB file', async () => {
    const duckdbPath = join(dir, 'inferred', 'db.duckdb');
    const config = loadConfig({
      DATA_PATH: 'tests/fixtures/exports/placements.csv',
      DUCKDB_PATH: duckdbPath,
      NODE_ENV: 'test',
    }).warehouse;
    const opened = await openWarehouse(config, { logger: silentLogger() });
    const report = opened.dataReport();
    await opened.warehouse.close();
    expect(report?.modelSource).toBe('inferred');
    expect(report?.inferred?.summary).toContain(
      'campagne « Campaign name », 2 autres dimensions (placement, age)',
    );
    expect(report?.notices.join(' ')).toContain('additionnées');
    expect(dataStatus(report)?.why).toContain('modèle déduit du fichier, aucun MODEL_PATH');
    // A restart on the unchanged file does not reload, and still knows what was guessed.
    const again = await openWarehouse(config, { logger: silentLogger() });
    expect(again.dataReport()?.inferred?.summary).toBe(report?.inferred?.summary);
    await again.warehouse.close();
  });

  test('MODEL_PATH: the model is used as written (here: the other revenue column)', async () => {
    const modelPath = join(dir, 'two-revenue.yml');
    writeFileSync(
      modelPath,
      'dimensions: { campaign: Campaign }\nmeasures: { spend: Spend, clicks: Clicks, impressions: Impressions, orders: Orders, revenue: Conversion value }\ntime: { column: Date }\ncurrency: EUR\n',
    );
    const config = loadConfig({
      DATA_PATH: 'tests/fixtures/exports/two-revenue.csv',
      MODEL_PATH: modelPath,
      DUCKDB_PATH: ':memory:',
      NODE_ENV: 'test',
    }).warehouse;
    expect(config.modelPath).toBe(modelPath);
    const opened = await openWarehouse(config, { logger: silentLogger() });
    try {
      expect(opened.dataReport()?.modelSource).toBe('model');
      expect(opened.dataReport()?.currency).toBe('EUR');
      const sum = await opened.warehouse.select({
        name: 'sum',
        sql: 'SELECT SUM(revenue) AS revenue FROM marketing_kpi',
        params: [],
      });
      const text = readFileSync('tests/fixtures/exports/two-revenue.csv', 'utf8').trim().split('\n').slice(1);
      const expected = text.reduce((total, line) => total + Number(line.split(',')[7]), 0);
      expect(sum.rows[0]?.revenue as number).toBeCloseTo(expected, 6);
    } finally {
      await opened.warehouse.close();
    }
  });

  test('a bad MODEL_PATH is refused at start with the French reason', async () => {
    const modelPath = join(dir, 'bad.yml');
    writeFileSync(modelPath, 'dimensions: { campaign: Campaign }\ntime: { column: Date, format: "%d" }\n');
    const config = loadConfig({
      DATA_PATH: 'tests/fixtures/exports/two-revenue.csv',
      MODEL_PATH: modelPath,
      DUCKDB_PATH: ':memory:',
      NODE_ENV: 'test',
    }).warehouse;
    await expect(openWarehouse(config, { logger: silentLogger() })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
    });
  });
});
