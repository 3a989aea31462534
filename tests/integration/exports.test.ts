// Real export shapes (tests/fixtures/exports/): for each, inference proposes the right model (or names the
// ambiguity), campaign-level answers equal sums computed by hand from the CSV (tests/fixtures/export-figures.ts),
// and a KPI on an absent measure gets the French explanation instead of a figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runTool } from '../../src/analysis/tools/registry.js';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import { AppError, userMessage } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createMlService } from '../../src/ml/service.js';
import { createInProcessTrainer } from '../../src/ml/trainer.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { createDuckDbDriver, type DuckDbDriver } from '../../src/warehouse/duckdb.js';
import { inferModel, type ModelInference } from '../../src/warehouse/inference.js';
import { buildKpiTables, type KpiBuildReport } from '../../src/warehouse/kpi.js';
import { type LoadReport, loadMarketingData, type ModelSpec } from '../../src/warehouse/loader.js';
import { aggregateQuery } from '../../src/warehouse/queries.js';
import { parseModel } from '../../src/warehouse/semantic-model.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';
import { readExport, sumsBy } from '../fixtures/export-figures.js';
import { TEST_LIMITS } from '../fixtures/sample-warehouse.js';

const dir = 'tests/fixtures/exports';
const fixture = (name: string) => `${dir}/${name}`;
const NOW = new Date('2026-12-06T12:00:00Z');

interface Loaded {
  driver: DuckDbDriver;
  warehouse: Warehouse;
  context: ToolContext;
  load: LoadReport;
  kpi: KpiBuildReport;
  inference: ModelInference;
}

async function open(file: string, spec?: ModelSpec): Promise<Loaded> {
  const driver = await createDuckDbDriver({ path: ':memory:' });
  const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
  const inference = await inferModel(warehouse, file, { now: NOW });
  const load = await loadMarketingData(warehouse, file, spec ?? inference.model, { now: NOW });
  const kpi = await buildKpiTables(warehouse);
  const catalog = createCatalogProvider(warehouse);
  const context: ToolContext = { warehouse, catalog, currency: 'CHF' };
  context.ml = createMlService(
    { maxTrainingRows: 10_000, currency: 'CHF' },
    { warehouse, catalog, trainer: createInProcessTrainer() },
  );
  return { driver, warehouse, context, load, kpi, inference };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

const NO_REVENUE =
  "Vos données n'ont pas de chiffre d'affaires : ROI et ROAS ne sont pas calculables. Je peux vous donner le ";

/** Campaign rows from rank_campaigns (all of them), by name. */
async function campaignRows(context: ToolContext, metric = 'mark_spent') {
  const output = await runTool('rank_campaigns', { metric, direction: 'top', limit: 50 }, context);
  return new Map(output.rows.map((row) => [String(row.campaign_name), row]));
}

describe('no date (several rows per campaign, periods not stated)', () => {
  let data: Loaded;
  const records = readExport(fixture('no-date.csv'));
  beforeAll(async () => {
    data = await open(fixture('no-date.csv'));
  });
  afterAll(() => data.warehouse.close());

  test('inference: no time, campaign = Campaign, channel = category, orders = Conversions, no leads', () => {
    const { model } = data.inference;
    expect(model.time).toEqual({ kind: 'none' });
    expect(model.campaign.column).toBe('Campaign');
    expect(model.dimensions.map((dimension) => [dimension.name, dimension.column])).toEqual([
      ['category', 'Channel'],
    ]);
    expect(model.measures.orders).toEqual(['Conversions']);
    expect(model.measures.leads).toBeNull();
  });

  test('campaign-level spend, revenue and ROAS equal the hand sums', async () => {
    const expected = sumsBy(records, 'Campaign', { spend: 'Spend', revenue: 'Revenue', clicks: 'Clicks' });
    const rows = await campaignRows(data.context, 'roas');
    expect(rows.size).toBe(3);
    for (const [name, sums] of expected) {
      const row = rows.get(name)!;
      expect(row.mark_spent as number).toBeCloseTo(sums.spend!, 6);
      expect(row.revenue as number).toBeCloseTo(sums.revenue!, 6);
      expect(row.clicks).toBe(sums.clicks);
      expect(row.roas as number).toBeCloseTo(sums.revenue! / sums.spend!, 9);
    }
  });

  test('rows repeating a campaign and its dimensions are summed, with a French notice', () => {
    expect(data.kpi.duplicateRows).toBe(9);
    expect(data.kpi.notices.join(' ')).toMatch(/additionnées \(le fichier n'a pas de date\)/);
  });

  test('a trend or a period gets a clear "no dates" answer', async () => {
    const trend = await refusal(runTool('kpi_trend', { metric: 'roi', grain: 'week' }, data.context));
    expect(trend.code).toBe('NO_DATES');
    expect(userMessage(trend)).toContain("Vos données n'ont pas de dates");
    const period = await refusal(
      runTool('rank_campaigns', { metric: 'roi', date_from: '2024-01-01' }, data.context),
    );
    expect(period.code).toBe('NO_DATES');
  });

  test('CPL (no leads) is explained, not computed', async () => {
    const error = await refusal(runTool('rank_campaigns', { metric: 'cpl' }, data.context));
    expect(error.code).toBe('MEASURE_ABSENT');
    expect(userMessage(error)).toContain("Vos données n'ont pas de leads : CPL n'est pas calculable.");
  });
});

describe('month name + day, no year', () => {
  const file = fixture('month-day-no-year.csv');
  const records = readExport(file);
  test('inference: date from Mois + Jour, the year is named as an ambiguity', async () => {
    const data = await open(file);
    try {
      expect(data.inference.model.time).toEqual({ kind: 'parts', year: 2026, month: 'Mois', day: 'Jour' });
      expect(data.inference.ambiguities.join(' ')).toMatch(/pas d'année : 2026 est supposée/);
    } finally {
      await data.warehouse.close();
    }
  });

  test('with the year stated in the model, French month names become dates and months stay apart', async () => {
    const model = parseModel(
      [
        'dimensions: { campaign: Campaign name }',
        'measures: { spend: Cost, impressions: Impressions, clicks: Clicks, orders: Purchases, revenue: Revenue }',
        'time: { year: 2021, month: Mois, day: Jour }',
      ].join('\n'),
      'model.yml',
    );
    const data = await open(file, model);
    try {
      const range = await data.warehouse.select({
        name: 'range',
        sql: 'SELECT MIN(c_date) AS first, MAX(c_date) AS last, COUNT(DISTINCT c_date) AS days FROM marketing_clean',
        params: [],
      });
      expect(range.rows[0]).toEqual({ first: '2021-02-03', last: '2021-04-27', days: 9 });
      const trend = await runTool('kpi_trend', { metric: 'revenue', grain: 'month' }, data.context);
      const byMonth = sumsBy(records, 'Mois', { revenue: 'Revenue' });
      expect(trend.rows.map((row) => row.period)).toEqual(['2021-02-01', '2021-03-01', '2021-04-01']);
      expect(trend.rows.map((row) => row.value as number)).toEqual(
        ['février', 'mars', 'avril'].map((month) => expect.closeTo(byMonth.get(month)!.revenue!, 6)),
      );
      const expected = sumsBy(records, 'Campaign name', { spend: 'Cost', orders: 'Purchases' });
      const rows = await campaignRows(data.context, 'cpa');
      for (const [name, sums] of expected) {
        expect(rows.get(name)!.cpa as number).toBeCloseTo(sums.spend! / sums.orders!, 9);
      }
    } finally {
      await data.warehouse.close();
    }
  });
});

describe('several rows per campaign per day across placement and age', () => {
  let data: Loaded;
  const records = readExport(fixture('placements.csv'));
  beforeAll(async () => {
    data = await open(fixture('placements.csv'));
  });
  afterAll(() => data.warehouse.close());

  test('inference: placement and age are dimensions, Purchase value is revenue, Link clicks are clicks', () => {
    const { model } = data.inference;
    expect(model.campaign.column).toBe('Campaign name');
    expect(model.dimensions.map((dimension) => dimension.name)).toEqual(['placement', 'age']);
    expect(model.measures).toMatchObject({
      revenue: ['Purchase value'],
      clicks: ['Link clicks'],
      mark_spent: ['Amount spent'],
      orders: ['Purchases'],
      leads: ['Leads'],
    });
  });

  test('a campaign is keyed by its name alone: 3 campaigns, not 12 slices, each with the hand-summed ROI', async () => {
    const expected = sumsBy(records, 'Campaign name', {
      spend: 'Amount spent',
      revenue: 'Purchase value',
      impressions: 'Impressions',
    });
    const rows = await campaignRows(data.context, 'roi');
    expect([...rows.keys()].sort()).toEqual(['camp 1', 'camp 2', 'camp 3']);
    for (const [name, sums] of expected) {
      const row = rows.get(name)!;
      expect(row.roi as number).toBeCloseTo((sums.revenue! - sums.spend!) / sums.spend!, 9);
      expect(row.impressions).toBe(sums.impressions);
    }
    const described = await runTool('describe_campaign', { campaign_name: 'CAMP 2' }, data.context);
    expect(described.rows).toHaveLength(1);
    expect(described.rows[0]!.mark_spent as number).toBeCloseTo(expected.get('camp 2')!.spend!, 6);
  });

  test('the per-day table keeps both dimensions; a breakdown by placement sums the slices', async () => {
    expect(data.kpi.dimensions).toEqual(['placement', 'age']);
    const result = await data.warehouse.select(aggregateQuery({ groupBy: 'placement' }));
    const expected = sumsBy(records, 'Placement', { spend: 'Amount spent' });
    expect(result.rows.map((row) => row.placement).sort()).toEqual(['Feed', 'Stories']);
    for (const row of result.rows) {
      expect(row.mark_spent as number).toBeCloseTo(expected.get(String(row.placement))!.spend!, 6);
    }
  });

  test('aggregate_by_dimension groups by a model dimension; an unknown one lists those the data has', async () => {
    const output = await runTool('aggregate_by_dimension', { group_by: 'age' }, data.context);
    expect(output.rows.map((row) => row.age).sort()).toEqual(['18-24', '25-34']);
    expect(output.summary).toContain('Performance par age');
    const error = await refusal(runTool('aggregate_by_dimension', { group_by: 'banner' }, data.context));
    expect(error.code).toBe('INVALID_ARGUMENTS');
    expect(userMessage(error)).toContain(
      'Dimensions disponibles : category, campaign_name, day, week, month, placement, age.',
    );
  });

  test('the repeated slice is summed with a notice naming the campaign and the day', () => {
    expect(data.kpi.duplicateRows).toBe(1);
    expect(data.kpi.notices[0]).toContain('campagne camp 2 le 2024-03-02');
  });

  test('counts are BIGINT in both KPI tables (no HUGEINT)', async () => {
    // information_schema is out of the guard's reach on purpose: the test asks the driver directly.
    const types = await data.driver.run(
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE column_name IN ('impressions', 'clicks', 'leads', 'orders') AND table_name LIKE 'marketing%'",
      [],
      { timeoutMs: 10_000, maxRows: 100 },
    );
    // 4 counts × (marketing_clean, per day, campaign-day roll-up, per campaign, breakdowns)
    expect(types.rows).toHaveLength(20);
    expect(new Set(types.rows.map((row) => row.data_type))).toEqual(new Set(['BIGINT']));
  });
});

describe('no revenue', () => {
  let data: Loaded;
  const records = readExport(fixture('no-revenue.csv'));
  beforeAll(async () => {
    data = await open(fixture('no-revenue.csv'));
  });
  afterAll(() => data.warehouse.close());

  test('inference: revenue absent, dates DD/MM/YYYY', () => {
    expect(data.inference.model.measures.revenue).toBeNull();
    expect(data.inference.model.time).toEqual({ kind: 'date', column: 'Date', format: '%d/%m/%Y' });
  });

  test('ROI, ROAS, revenue and the underperformers get the French explanation', async () => {
    for (const call of [
      runTool('rank_campaigns', { metric: 'roi' }, data.context),
      runTool('rank_campaigns', { metric: 'roas' }, data.context),
      runTool('kpi_trend', { metric: 'revenue' }, data.context),
      runTool('get_underperforming_campaigns', {}, data.context),
      runTool('simulate_budget', { budget_increase_pct: 20 }, data.context),
      runTool('segment_campaigns', {}, data.context),
    ]) {
      const error = await refusal(call);
      expect(error.code).toBe('MEASURE_ABSENT');
      expect(userMessage(error)).toContain(NO_REVENUE);
      expect(userMessage(error)).toContain('le CPA');
    }
  });

  test('CPA, CPL, CPC and CPM by campaign equal the hand sums', async () => {
    const expected = sumsBy(records, 'Campaign', {
      spend: 'Cost',
      leads: 'Leads',
      orders: 'Orders',
      clicks: 'Clicks',
      impressions: 'Impressions',
    });
    const rows = await campaignRows(data.context, 'cpa');
    for (const [name, sums] of expected) {
      expect(rows.get(name)!.cpc as number).toBeCloseTo(sums.spend! / sums.clicks!, 9);
      expect(rows.get(name)!.cpm as number).toBeCloseTo((sums.spend! * 1000) / sums.impressions!, 9);
      expect(rows.get(name)!.cpa as number).toBeCloseTo(sums.spend! / sums.orders!, 9);
      expect(rows.get(name)!.cpl as number).toBeCloseTo(sums.spend! / sums.leads!, 9);
      expect(rows.get(name)!.roi).toBeNull();
    }
  });
});

describe('two candidate revenue columns', () => {
  const file = fixture('two-revenue.csv');
  const records = readExport(file);
  test('inference names the ambiguity and keeps the first candidate', async () => {
    const data = await open(file);
    try {
      expect(data.inference.model.measures.revenue).toEqual(['Revenue']);
      expect(data.inference.ambiguities.join(' ')).toContain(
        'deux colonnes candidates pour revenue : « Revenue » (choisie) et « Conversion value »',
      );
      const rows = await campaignRows(data.context, 'revenue');
      for (const [name, sums] of sumsBy(records, 'Campaign', { revenue: 'Revenue' }))
        expect(rows.get(name)!.revenue as number).toBeCloseTo(sums.revenue!, 6);
    } finally {
      await data.warehouse.close();
    }
  });

  test('a model choosing the other column gets its figures', async () => {
    const model = parseModel(
      'dimensions: { campaign: Campaign }\nmeasures: { spend: Spend, impressions: Impressions, clicks: Clicks, orders: Orders, revenue: Conversion value }\ntime: { column: Date }\n',
      'model.yml',
    );
    const data = await open(file, model);
    try {
      const rows = await campaignRows(data.context, 'revenue');
      for (const [name, sums] of sumsBy(records, 'Campaign', { revenue: 'Conversion value' }))
        expect(rows.get(name)!.revenue as number).toBeCloseTo(sums.revenue!, 6);
    } finally {
      await data.warehouse.close();
    }
  });
});

describe('#N/A values and clicks > impressions', () => {
  let data: Loaded;
  const records = readExport(fixture('na-values.csv'));
  beforeAll(async () => {
    data = await open(fixture('na-values.csv'));
  });
  afterAll(() => data.warehouse.close());

  test('#N/A cells are missing values (not a load failure), with a notice per column', () => {
    expect(data.load.rows).toBe(10);
    expect(data.load.notices.join('\n')).toMatch(
      /1 valeur vide ou d'erreur \(#N\/A…\) dans la colonne Revenue/,
    );
    expect(data.load.notices.join('\n')).toMatch(/plus de clics que d'impressions .*ligne 9/);
  });

  test('campaign revenue and clicks equal the hand sums that skip #N/A', async () => {
    const expected = sumsBy(records, 'Campaign', { revenue: 'Revenue', clicks: 'Clicks' });
    const rows = await campaignRows(data.context);
    for (const [name, sums] of expected) {
      expect(rows.get(name)!.revenue as number).toBeCloseTo(sums.revenue!, 6);
      expect(rows.get(name)!.clicks).toBe(sums.clicks);
    }
  });

  test('leads are absent: CPL is explained', async () => {
    const error = await refusal(runTool('rank_campaigns', { metric: 'cpl' }, data.context));
    expect(userMessage(error)).toContain("Vos données n'ont pas de leads");
  });
});

describe('BOM and CRLF', () => {
  test('the first header is read without the BOM, names keep their accents, D.M.Y dates parse', async () => {
    const file = fixture('bom-crlf.csv');
    const data = await open(file);
    try {
      expect(data.inference.model.time).toEqual({ kind: 'date', column: 'Date', format: '%d.%m.%Y' });
      expect(data.inference.model.measures.orders).toEqual(['Orders']);
      const rows = await campaignRows(data.context, 'cpa');
      const expected = sumsBy(readExport(file), 'Campaign', { spend: 'Spend', orders: 'Orders' });
      expect([...rows.keys()].sort()).toEqual(['winter_2024', 'été_2024']);
      for (const [name, sums] of expected)
        expect(rows.get(name)!.cpa as number).toBeCloseTo(sums.spend! / sums.orders!, 9);
      const catalog = await data.context.catalog.get();
      expect(catalog.firstDay).toBe('2024-07-01');
      expect(catalog.lastDay).toBe('2024-07-04');
    } finally {
      await data.warehouse.close();
    }
  });
});

describe('numeric campaign ids', () => {
  test('the id column is the campaign, read as text; a question naming an id finds it', async () => {
    const file = fixture('numeric-ids.csv');
    const data = await open(file);
    try {
      expect(data.inference.model.campaign.column).toBe('Campaign ID');
      const expected = sumsBy(readExport(file), 'Campaign ID', { spend: 'Spend', revenue: 'Revenue' });
      const rows = await campaignRows(data.context, 'roi');
      expect([...rows.keys()].sort()).toEqual(['1001', '1002', '20003']);
      const described = await runTool('describe_campaign', { campaign_name: '20003' }, data.context);
      const sums = expected.get('20003')!;
      expect(described.rows[0]!.roi as number).toBeCloseTo((sums.revenue! - sums.spend!) / sums.spend!, 9);
      const typo = await refusal(runTool('describe_campaign', { campaign_name: '2003' }, data.context));
      expect(typo.code).toBe('CAMPAIGN_NOT_FOUND');
      expect(typo.details?.suggestions).toContain('20003');
    } finally {
      await data.warehouse.close();
    }
  });
});

describe('revenue zero everywhere', () => {
  test('a notice, then ROI is disabled: no recommendation can rest on ROI −100 %', async () => {
    const data = await open(fixture('zero-revenue.csv'));
    try {
      expect(data.load.disabledMeasures).toContain('revenue');
      expect(data.load.notices.join(' ')).toContain('vaut zéro sur toutes les lignes');
      const error = await refusal(runTool('get_underperforming_campaigns', {}, data.context));
      expect(userMessage(error)).toContain(NO_REVENUE);
      const rows = await campaignRows(data.context, 'cpa');
      for (const row of rows.values()) expect(row.roi).toBeNull();
    } finally {
      await data.warehouse.close();
    }
  });
});

describe('plausibility refusals name the file, the column and the line', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'exports-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('a date outside 1990..next year is refused; nothing is loaded', async () => {
    const file = join(scratch, 'old.csv');
    writeFileSync(file, 'Date,Campaign,Spend\n2021-02-01,a,10\n1900-01-05,b,12\n');
    const driver = await createDuckDbDriver({ path: ':memory:' });
    const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
    try {
      const error = await refusal(loadMarketingData(warehouse, file, undefined, { now: NOW }));
      expect(error.code).toBe('DATA_VALUE_INVALID');
      expect(userMessage(error)).toContain(`Fichier : ${file}, ligne 3, colonne Date`);
      expect(userMessage(error)).toContain('hors de 1990–2027');
      const tables = await driver.run(
        "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name LIKE '%marketing%'",
        [],
        { timeoutMs: 10_000, maxRows: 1 },
      );
      expect(tables.rows[0]!.n).toBe(0);
    } finally {
      await warehouse.close();
    }
  });

  test('a negative spend is refused with a French message naming line and column', async () => {
    const file = join(scratch, 'negative.csv');
    writeFileSync(file, 'Date,Campaign,Cost\r\n2021-02-01,a,10\r\n2021-02-02,a,-3\r\n');
    const driver = await createDuckDbDriver({ path: ':memory:' });
    const warehouse = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
    try {
      const error = await refusal(loadMarketingData(warehouse, file, undefined, { now: NOW }));
      expect(userMessage(error)).toContain(`Fichier : ${file}, ligne 3, colonne mark_spent (Cost)`);
      expect(userMessage(error)).toContain('dépense négative refusée');
    } finally {
      await warehouse.close();
    }
  });
});
