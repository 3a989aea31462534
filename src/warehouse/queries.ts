// The named, reviewed queries: the only SQL the tools can send. Values are bound `?` parameters; identifiers
// (metric, dimension, direction, grain) come from the enums below, never from text. The SQL runs unchanged on
// DuckDB and Databricks SQL.
import type { Metric } from '../core/metrics.js';
import type { Statement } from './guard.js';
import { isSafeIdentifier } from './guard.js';
import {
  CAMPAIGN_CATEGORY_SQL,
  dateRangeFilter,
  type KpiPeriod,
  ratioColumns,
  sumColumns,
  where,
} from './kpi.js';
import type { SqlValue } from './port.js';
import { TABLES } from './schema.js';

export { METRICS, type Metric } from '../core/metrics.js';

export const DIRECTIONS = ['top', 'bottom'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIMENSIONS = ['category', 'campaign_name', 'day', 'week', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** The columns of every per-campaign or per-group row, in display order. */
export const KPI_ROW_COLUMNS = [
  'impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue', 'ctr', 'cvr', 'cpl', 'cpa', 'roi', 'roas',
  'cpc', 'cpm',
] as const; // biome-ignore format: one list

const SORT: Record<Direction, string> = { top: 'DESC', bottom: 'ASC' };

/** The additive columns and the ratios, in the order sumColumns() and ratioColumns() produce them. */
const COUNT_AND_AMOUNT = ['impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue'] as const;
const RATIOS = ['ctr', 'cvr', 'cpl', 'cpa', 'roi', 'roas', 'cpc', 'cpm'] as const;

// Week and month buckets as DATEs (Spark's date_trunc returns a timestamp, DuckDB's a date: cast both).
export const BUCKET_SQL: Record<Dimension, string> = {
  category: 'category',
  campaign_name: 'campaign_name',
  day: 'c_date',
  week: "CAST(date_trunc('week', c_date) AS DATE)",
  month: "CAST(date_trunc('month', c_date) AS DATE)",
};

export interface Filters extends KpiPeriod {
  category?: string;
  campaignName?: string;
}

function filterClauses(filters: Filters): { clauses: string[]; params: SqlValue[] } {
  const range = dateRangeFilter(filters);
  const clauses = [...range.clauses];
  const params = [...range.params];
  if (filters.category) {
    clauses.push('lower(category) = lower(?)');
    params.push(filters.category);
  }
  if (filters.campaignName) {
    // The exact name (tools resolve it through the catalog first): an equality the engine can prune on.
    clauses.push('campaign_name = ?');
    params.push(filters.campaignName);
  }
  return { clauses, params };
}

/**
 * One row per campaign (the campaign alone is the key) with sums and ratios. Without a date range or a category
 * the precomputed marketing_kpi answers; otherwise the daily table is re-aggregated (ratio of sums over the range
 * and the category's slices: a campaign running in several categories counts only its slices in the one asked).
 */
function campaignRows(filters: Filters): { sql: string; params: SqlValue[] } {
  const filter = filterClauses(filters);
  if (!filters.dateFrom && !filters.dateTo && !filters.category) {
    return {
      sql: `SELECT campaign_name, category, ${KPI_ROW_COLUMNS.join(', ')} FROM ${TABLES.kpi}${where(filter.clauses)}`,
      params: filter.params,
    };
  }
  return {
    sql:
      `SELECT campaign_name, ${CAMPAIGN_CATEGORY_SQL}, ${sumColumns()}, ${ratioColumns()} FROM ${TABLES.kpiCampaignDay}` +
      `${where(filter.clauses)} GROUP BY campaign_name`,
    params: filter.params,
  };
}

export function rankCampaignsQuery(
  args: { metric: Metric; direction: Direction; limit: number } & Filters,
): Statement {
  const source = campaignRows(args);
  return {
    name: 'rank_campaigns',
    sql:
      `WITH campaigns AS (${source.sql}) SELECT * FROM campaigns ` +
      `ORDER BY ${args.metric} ${SORT[args.direction]} NULLS LAST, campaign_name LIMIT ?`,
    params: [...source.params, args.limit],
  };
}

export function underperformingQuery(args: { roiThreshold: number; limit: number } & Filters): Statement {
  const source = campaignRows(args);
  return {
    name: 'get_underperforming_campaigns',
    sql:
      `WITH campaigns AS (${source.sql}) SELECT * FROM campaigns WHERE roi < ? ` +
      'ORDER BY roi ASC, campaign_name LIMIT ?',
    params: [...source.params, args.roiThreshold, args.limit],
  };
}

/** A built-in dimension, or a model dimension of the data (a column of the daily table: a safe identifier). */
export type GroupBy = Dimension | (string & { readonly modelDimension?: true });

function bucketSql(groupBy: GroupBy): string {
  if ((DIMENSIONS as readonly string[]).includes(groupBy)) return BUCKET_SQL[groupBy as Dimension];
  if (!isSafeIdentifier(groupBy)) throw new Error(`not a dimension name: ${JSON.stringify(groupBy)}`);
  return groupBy;
}

export function aggregateQuery(args: { groupBy: GroupBy } & Filters): Statement {
  const filter = filterClauses(args);
  const bucket = bucketSql(args.groupBy);
  const isTime = args.groupBy === 'day' || args.groupBy === 'week' || args.groupBy === 'month';
  if (filter.clauses.length === 0 && args.groupBy !== 'campaign_name') {
    // Category, a time bucket or a model dimension over the whole data: precomputed at the KPI build.
    const columns = [...COUNT_AND_AMOUNT, ...RATIOS].join(', ');
    const value = isTime ? 'CAST(value AS DATE)' : 'value';
    return {
      name: 'aggregate_by_dimension',
      sql:
        `SELECT ${value} AS ${args.groupBy}, campaigns, ${columns} FROM ${TABLES.kpiDimensions} WHERE dimension = ? ` +
        `ORDER BY ${isTime ? args.groupBy : `roi DESC NULLS LAST, ${args.groupBy}`} LIMIT ?`,
      params: [args.groupBy, 1000],
    };
  }
  const table = (DIMENSIONS as readonly string[]).includes(args.groupBy)
    ? TABLES.kpiCampaignDay
    : TABLES.kpiDaily;
  const group = args.groupBy;
  // The distinct campaign count is its own aggregate, joined back on the group: next to the sums, a COUNT(DISTINCT)
  // makes the engine take a much slower path (≈ 3–4× on 10M rows).
  const columns = [...COUNT_AND_AMOUNT, ...RATIOS].map((column) => `sums.${column}`).join(', ');
  return {
    name: 'aggregate_by_dimension',
    sql:
      `WITH sums AS (SELECT ${bucket} AS ${group}, ${sumColumns()}, ${ratioColumns()} FROM ${table}${where(filter.clauses)} GROUP BY ${bucket}), ` +
      `counts AS (SELECT ${bucket} AS group_key, COUNT(DISTINCT campaign_name) AS campaigns FROM ${table}${where(filter.clauses)} GROUP BY ${bucket}) ` +
      `SELECT sums.${group}, counts.campaigns, ${columns} FROM sums JOIN counts ` +
      `ON (sums.${group} = counts.group_key OR (sums.${group} IS NULL AND counts.group_key IS NULL)) ` +
      `ORDER BY ${isTime ? group : `roi DESC NULLS LAST, ${group}`} LIMIT ?`,
    params: [...filter.params, ...filter.params, 1000],
  };
}

export function describeCampaignQuery(args: { campaignName: string } & KpiPeriod): Statement {
  const filter = filterClauses(args);
  return {
    name: 'describe_campaign',
    sql:
      `SELECT campaign_name, ${CAMPAIGN_CATEGORY_SQL}, MIN(c_date) AS period_start, MAX(c_date) AS period_end, ` +
      `COUNT(DISTINCT c_date) AS days, ${sumColumns()}, ${ratioColumns()} FROM ${TABLES.kpiCampaignDay}` +
      `${where(filter.clauses)} GROUP BY campaign_name`,
    params: filter.params,
  };
}

export function kpiTrendQuery(args: { metric: Metric; grain: Grain } & Filters): Statement {
  const filter = filterClauses(args);
  const bucket = BUCKET_SQL[args.grain];
  if (filter.clauses.length === 0) {
    // The whole data per day, week or month: precomputed at the KPI build.
    return {
      name: 'kpi_trend',
      sql:
        `SELECT CAST(value AS DATE) AS period, ${args.metric} AS value, ${KPI_ROW_COLUMNS.join(', ')} ` +
        `FROM ${TABLES.kpiDimensions} WHERE dimension = ? ORDER BY period LIMIT ?`,
      params: [args.grain, 1000],
    };
  }
  return {
    name: 'kpi_trend',
    sql:
      `WITH periods AS (SELECT ${bucket} AS period, ${sumColumns()}, ${ratioColumns()} FROM ${TABLES.kpiCampaignDay}` +
      `${where(filter.clauses)} GROUP BY ${bucket}) SELECT period, ${args.metric} AS value, ` +
      `${KPI_ROW_COLUMNS.join(', ')} FROM periods ORDER BY period LIMIT ?`,
    params: [...filter.params, 1000],
  };
}

/**
 * One page of campaigns (name order, after `after`) with their category: the catalog reads every page, so it is
 * never capped, and each page stays within the guard's row cap.
 */
export function catalogPageQuery(args: { after: string | null; limit: number }): Statement {
  return {
    name: 'catalog',
    sql:
      `SELECT campaign_name, category FROM ${TABLES.kpi}` +
      `${args.after === null ? '' : ' WHERE campaign_name > ?'} ORDER BY campaign_name LIMIT ?`,
    params: args.after === null ? [args.limit] : [args.after, args.limit],
  };
}

/** What the data holds: its date range, and for each measure how many campaigns have a value and its total. */
export function catalogFactsQuery(): Statement {
  const measures = KPI_ROW_COLUMNS.slice(0, 6)
    .map((measure) => `(SELECT COUNT(${measure}) FROM ${TABLES.kpi}) AS ${measure}_n`)
    .join(', ');
  return {
    name: 'catalog_facts',
    sql: `SELECT (SELECT MIN(c_date) FROM ${TABLES.kpiCampaignDay}) AS first_day, (SELECT MAX(c_date) FROM ${TABLES.kpiCampaignDay}) AS last_day, ${measures}`,
    params: [],
  };
}

/** The categories of the data (from the per-day table: a campaign may run in several). */
export function catalogCategoriesQuery(): Statement {
  return {
    name: 'catalog_categories',
    sql: `SELECT DISTINCT category FROM ${TABLES.kpiCampaignDay} WHERE category IS NOT NULL ORDER BY category LIMIT ?`,
    params: [1000],
  };
}

/** The per-day table's columns (its model dimensions), no rows. */
export function dailyShapeQuery(): Statement {
  return { name: 'daily_shape', sql: `SELECT * FROM ${TABLES.kpiDaily} LIMIT 0`, params: [] };
}

export function kpiTableQuery(): Statement {
  return {
    name: 'show_kpi',
    sql: `SELECT * FROM ${TABLES.kpi} ORDER BY campaign_name LIMIT ?`,
    params: [10_000],
  };
}
