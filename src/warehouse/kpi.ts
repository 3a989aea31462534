// The KPI layer: marketing_kpi_daily (campaign × day) and marketing_kpi (campaign over a period), built by SQL
// that runs unchanged on DuckDB and Databricks SQL. Every ratio is a ratio of sums (never an average of
// ratios) and NULLIF turns a zero denominator into NULL, never Infinity or NaN.
import type { SqlValue } from './port.js';
import { TABLES } from './schema.js';
import type { Warehouse } from './warehouse.js';

export const COUNT_COLUMNS = ['impressions', 'clicks', 'leads', 'orders'] as const;
export const AMOUNT_COLUMNS = ['mark_spent', 'revenue'] as const;
export const RATIO_COLUMNS = ['ctr', 'cvr', 'cpl', 'cpa', 'cpc', 'cpm', 'roi', 'roas'] as const;

/** SUM(...) AS x for the additive columns, reading already-summed columns when `from` is pre-aggregated. */
export function sumColumns(): string {
  return [...COUNT_COLUMNS, ...AMOUNT_COLUMNS].map((column) => `SUM(${column}) AS ${column}`).join(', ');
}

/** The eight KPI ratios as ratios of sums of the additive columns. */
export function ratioColumns(): string {
  return [
    'CAST(SUM(clicks) AS DOUBLE) / NULLIF(SUM(impressions), 0) AS ctr',
    'CAST(SUM(orders) AS DOUBLE) / NULLIF(SUM(clicks), 0) AS cvr',
    'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(leads), 0) AS cpl',
    'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(orders), 0) AS cpa',
    'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(clicks), 0) AS cpc',
    '1000 * CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(impressions), 0) AS cpm',
    'CAST(SUM(revenue) - SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(mark_spent), 0) AS roi',
    'CAST(SUM(revenue) AS DOUBLE) / NULLIF(SUM(mark_spent), 0) AS roas',
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

export const BUILD_DAILY_SQL =
  `CREATE OR REPLACE TABLE ${TABLES.kpiDaily} AS ` +
  `SELECT c_date, campaign_name, category, ${sumColumns()}, ${ratioColumns()} ` +
  `FROM ${TABLES.clean} GROUP BY c_date, campaign_name, category ORDER BY c_date, campaign_name`;

export function buildKpiSql(period: KpiPeriod): { sql: string; params: SqlValue[] } {
  const filter = dateRangeFilter(period);
  return {
    sql:
      `CREATE OR REPLACE TABLE ${TABLES.kpi} AS ` +
      'SELECT campaign_name, category, MIN(c_date) AS period_start, MAX(c_date) AS period_end, ' +
      `COUNT(DISTINCT c_date) AS days, ${sumColumns()}, ${ratioColumns()} ` +
      `FROM ${TABLES.kpiDaily}${where(filter.clauses)} GROUP BY campaign_name, category ORDER BY campaign_name`,
    params: filter.params,
  };
}

export interface KpiBuildReport {
  dailyMs: number;
  kpiMs: number;
  campaigns: number;
  dailyRows: number;
}

/** Rebuilds both KPI tables from marketing_clean (daily first: the per-campaign table reads it). */
export async function buildKpiTables(warehouse: Warehouse, period: KpiPeriod = {}): Promise<KpiBuildReport> {
  const daily = await warehouse.maintain({ name: 'build_kpi_daily', sql: BUILD_DAILY_SQL, params: [] });
  const build = buildKpiSql(period);
  const kpi = await warehouse.maintain({ name: 'build_kpi', sql: build.sql, params: build.params });
  const counts = await warehouse.select({
    name: 'kpi_counts',
    sql: `SELECT (SELECT COUNT(*) FROM ${TABLES.kpi}) AS campaigns, (SELECT COUNT(*) FROM ${TABLES.kpiDaily}) AS daily_rows`,
    params: [],
  });
  const row = counts.rows[0] ?? {};
  return {
    dailyMs: daily.ms,
    kpiMs: kpi.ms,
    campaigns: Number(row.campaigns ?? 0),
    dailyRows: Number(row.daily_rows ?? 0),
  };
}
