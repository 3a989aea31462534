// The KPI layer: marketing_kpi_daily (campaign × day) and marketing_kpi (campaign over a period), built by SQL
// that runs unchanged on DuckDB and Databricks SQL. Every ratio is a ratio of sums (never an average of
// ratios) and NULLIF turns a zero denominator into NULL, never Infinity or NaN.
import { isSafeIdentifier } from './guard.js';
import type { SqlValue } from './port.js';
import { TABLES } from './schema.js';
import type { Warehouse } from './warehouse.js';

export const COUNT_COLUMNS = ['impressions', 'clicks', 'leads', 'orders'] as const;
export const AMOUNT_COLUMNS = ['mark_spent', 'revenue'] as const;
export const RATIO_COLUMNS = ['ctr', 'cvr', 'cpl', 'cpa', 'roi', 'roas', 'cpc', 'cpm'] as const;

/**
 * SUM(...) AS x for the additive columns, reading already-summed columns when `from` is pre-aggregated. Counts are
 * cast back to BIGINT: DuckDB sums a BIGINT into a HUGEINT, and a persisted HUGEINT column scans ~50× slower.
 */
export function sumColumns(): string {
  return [
    ...COUNT_COLUMNS.map((column) => `CAST(SUM(${column}) AS BIGINT) AS ${column}`),
    ...AMOUNT_COLUMNS.map((column) => `SUM(${column}) AS ${column}`),
  ].join(', ');
}

/** A campaign's category at campaign level: its one category, or '(plusieurs)' when it runs in several. */
export const CAMPAIGN_CATEGORY_SQL =
  "CASE WHEN MIN(category) <> MAX(category) THEN '(plusieurs)' ELSE MIN(category) END AS category";

/** marketing_clean's columns that are not dimensions. */
const NOT_DIMENSIONS = new Set([
  'id', 'c_date', 'campaign_name', 'campaign_id', 'category', ...COUNT_COLUMNS, ...AMOUNT_COLUMNS, ...RATIO_COLUMNS,
  'cpc', 'cpm',
]); // biome-ignore format: one list

/** The model dimensions (other than category) among a table's columns: safe identifiers only. */
export function dimensionColumns(columns: readonly string[]): string[] {
  return columns.filter((column) => !NOT_DIMENSIONS.has(column) && isSafeIdentifier(column));
}

/** The KPI ratios (CTR, CVR, CPL, CPA, ROI, ROAS, CPC, CPM) as ratios of sums of the additive columns. */
export function ratioColumns(): string {
  return [
    'CAST(SUM(clicks) AS DOUBLE) / NULLIF(SUM(impressions), 0) AS ctr',
    'CAST(SUM(orders) AS DOUBLE) / NULLIF(SUM(clicks), 0) AS cvr',
    'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(leads), 0) AS cpl',
    'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(orders), 0) AS cpa',
    'CAST(SUM(revenue) - SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(mark_spent), 0) AS roi',
    'CAST(SUM(revenue) AS DOUBLE) / NULLIF(SUM(mark_spent), 0) AS roas',
    'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(clicks), 0) AS cpc',
    'CAST(SUM(mark_spent) AS DOUBLE) * 1000 / NULLIF(SUM(impressions), 0) AS cpm',
  ].join(', ');
}

export interface KpiPeriod {
  dateFrom?: string;
  dateTo?: string;
}

/** WHERE clause and parameters for an optional inclusive date range on c_date. */
export function dateRangeFilter(period: KpiPeriod): { clauses: string[]; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (period.dateFrom) {
    clauses.push('c_date >= CAST(? AS DATE)');
    params.push(period.dateFrom);
  }
  if (period.dateTo) {
    clauses.push('c_date <= CAST(? AS DATE)');
    params.push(period.dateTo);
  }
  return { clauses, params };
}

export function where(clauses: string[]): string {
  return clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
}

/**
 * The per-day table keeps every dimension: one row per day, campaign and combination of dimensions (rows of the
 * file that repeat one are summed).
 */
export function buildDailySql(dimensions: readonly string[] = []): string {
  const keys = ['c_date', 'campaign_name', 'category', ...dimensions].join(', ');
  return (
    `CREATE OR REPLACE TABLE ${TABLES.kpiDaily} AS ` +
    `SELECT ${keys}, ${sumColumns()}, ${ratioColumns()} ` +
    `FROM ${TABLES.clean} GROUP BY ${keys} ORDER BY c_date, campaign_name`
  );
}

export const BUILD_DAILY_SQL = buildDailySql();

/**
 * The per-day table rolled up over the other dimensions (day × campaign × category), ordered by campaign: what the
 * tools read unless they break down by another dimension — several times fewer rows than the per-day table on a
 * multi-dimension export, and a campaign's rows sit together (min/max pruning for one-campaign questions).
 */
export const BUILD_CAMPAIGN_DAY_SQL =
  `CREATE OR REPLACE TABLE ${TABLES.kpiCampaignDay} AS ` +
  `SELECT c_date, campaign_name, category, ${sumColumns()}, ${ratioColumns()} ` +
  `FROM ${TABLES.kpiDaily} GROUP BY c_date, campaign_name, category ORDER BY campaign_name, c_date`;

const ADDITIVE_AND_RATIOS = [...COUNT_COLUMNS, ...AMOUNT_COLUMNS, ...RATIO_COLUMNS];

/**
 * Every breakdown over the whole data, precomputed (long format: dimension, value, campaigns, sums, ratios): a
 * question « par catégorie », « par mois » or « par emplacement » without a filter reads a few rows instead of
 * scanning the per-day table. Category and time buckets come from the campaign-day roll-up, the model's other
 * dimensions from the per-day table. Time values are stored as ISO text and cast back to DATE when read.
 */
export function buildDimensionsSql(dimensions: readonly string[]): string {
  const bucket: Record<string, string> = {
    day: 'c_date',
    week: "CAST(date_trunc('week', c_date) AS DATE)",
    month: "CAST(date_trunc('month', c_date) AS DATE)",
  };
  const parts = ['category', 'day', 'week', 'month', ...dimensions].map((dimension) => {
    const table = dimension in bucket || dimension === 'category' ? TABLES.kpiCampaignDay : TABLES.kpiDaily;
    const key = `CAST(${bucket[dimension] ?? dimension} AS STRING)`;
    return (
      `SELECT '${dimension}' AS dimension, sums.value AS value, counts.campaigns AS campaigns, ` +
      `${ADDITIVE_AND_RATIOS.map((column) => `sums.${column}`).join(', ')} ` +
      `FROM (SELECT ${key} AS value, ${sumColumns()}, ${ratioColumns()} FROM ${table} GROUP BY ${key}) AS sums ` +
      `JOIN (SELECT ${key} AS value, COUNT(DISTINCT campaign_name) AS campaigns FROM ${table} GROUP BY ${key}) AS counts ` +
      'ON (sums.value = counts.value OR (sums.value IS NULL AND counts.value IS NULL))'
    );
  });
  return `CREATE OR REPLACE TABLE ${TABLES.kpiDimensions} AS ${parts.join(' UNION ALL ')}`;
}

export function buildKpiSql(period: KpiPeriod): { sql: string; params: SqlValue[] } {
  const filter = dateRangeFilter(period);
  return {
    sql:
      `CREATE OR REPLACE TABLE ${TABLES.kpi} AS ` +
      `SELECT campaign_name, ${CAMPAIGN_CATEGORY_SQL}, MIN(c_date) AS period_start, MAX(c_date) AS period_end, ` +
      `COUNT(DISTINCT c_date) AS days, ${sumColumns()}, ${ratioColumns()} ` +
      `FROM ${TABLES.kpiCampaignDay}${where(filter.clauses)} GROUP BY campaign_name ORDER BY campaign_name`,
    params: filter.params,
  };
}

export interface KpiBuildReport {
  dailyMs: number;
  kpiMs: number;
  campaigns: number;
  dailyRows: number;
  /** Rows of marketing_clean. */
  cleanRows: number;
  /** The dimensions kept in the per-day table besides category. */
  dimensions: string[];
  /** Rows that repeated a (day, campaign, dimensions) already seen: summed into one daily row. */
  duplicateRows: number;
  /** French notices (duplicates summed). */
  notices: string[];
}

/** Rebuilds the KPI tables from marketing_clean: per day (every dimension), its campaign-day roll-up, per campaign. */
export async function buildKpiTables(warehouse: Warehouse, period: KpiPeriod = {}): Promise<KpiBuildReport> {
  const shape = await warehouse.maintain({
    name: 'clean_columns',
    sql: `SELECT * FROM ${TABLES.clean} LIMIT 0`,
    params: [],
  });
  const dimensions = dimensionColumns(shape.columns.map((column) => column.name));
  const daily = await warehouse.maintain({
    name: 'build_kpi_daily',
    sql: buildDailySql(dimensions),
    params: [],
  });
  const rollup = await warehouse.maintain({
    name: 'build_kpi_campaign_day',
    sql: BUILD_CAMPAIGN_DAY_SQL,
    params: [],
  });
  const build = buildKpiSql(period);
  const kpi = await warehouse.maintain({ name: 'build_kpi', sql: build.sql, params: build.params });
  await warehouse.maintain({ name: 'build_kpi_dimensions', sql: buildDimensionsSql(dimensions), params: [] });
  const counts = await warehouse.select({
    name: 'kpi_counts',
    sql:
      `SELECT (SELECT COUNT(*) FROM ${TABLES.kpi}) AS campaigns, (SELECT COUNT(*) FROM ${TABLES.kpiDaily}) AS daily_rows, ` +
      `(SELECT COUNT(*) FROM ${TABLES.clean}) AS clean_rows`,
    params: [],
  });
  const row = counts.rows[0] ?? {};
  const dailyRows = Number(row.daily_rows ?? 0);
  const cleanRows = Number(row.clean_rows ?? 0);
  const duplicateRows = Math.max(0, cleanRows - dailyRows);
  const notices: string[] = [];
  if (duplicateRows > 0) {
    const keys = ['c_date', 'campaign_name', 'category', ...dimensions];
    const example = await warehouse.maintain({
      name: 'duplicate_example',
      sql:
        `SELECT campaign_name, c_date, MIN(id) AS first_id, MAX(id) AS last_id, COUNT(*) AS n FROM ${TABLES.clean} ` +
        `GROUP BY ${keys.join(', ')} HAVING COUNT(*) > 1 ORDER BY MIN(id) LIMIT 1`,
      params: [],
    });
    const first = example.rows[0];
    const dated = Boolean(first?.c_date);
    const where = first
      ? ` (par exemple la campagne ${String(first.campaign_name)}${dated ? ` le ${String(first.c_date)}` : ''} : lignes de données n° ${String(first.first_id)} et ${String(first.last_id)}, en-tête non compté)`
      : '';
    notices.push(
      `${duplicateRows > 1 ? `${duplicateRows} lignes répètent` : '1 ligne répète'} une même campagne${dated ? ', un même jour' : ''} et les mêmes dimensions${where} : elles ont été additionnées${dated ? '' : " (le fichier n'a pas de date)"}.`,
    );
  }
  return {
    dailyMs: Math.round((daily.ms + rollup.ms) * 10) / 10,
    kpiMs: kpi.ms,
    campaigns: Number(row.campaigns ?? 0),
    dailyRows,
    cleanRows,
    dimensions,
    duplicateRows,
    notices,
  };
}
