// The one metric query every question about figures compiles to (query_metrics): metrics over the per-day KPI
// table, grouped by 0–2 dimensions and/or a time bucket, filtered by dimension values, name prefixes and dates,
// kept by thresholds on any metric, ordered and limited. Every aggregate is a ratio of sums; a zero denominator
// gives NULL. Identifiers come only from enums and the data's own dimension list (checked here); every value is
// a bound `?` parameter. The SQL runs unchanged on DuckDB and Databricks SQL.
import { AppError } from '../core/errors.js';
import { METRICS, type Metric } from '../core/metrics.js';
import type { Statement } from './guard.js';
import { dateRangeFilter } from './kpi.js';
import type { SqlValue } from './port.js';
import { BUCKET_SQL, type Grain } from './queries.js';
import { TABLES } from './schema.js';

export const COMPARATORS = ['<', '<=', '>', '>='] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const ORDERS = ['desc', 'asc'] as const;

export interface MetricQuery {
  /** Grouping columns: `campaign_name`, `category` or another dimension of the data. */
  groupBy: readonly string[];
  /** A time bucket, returned as the `period` column (the first day of the day, week or month). */
  grain?: Grain;
  /** Rows whose dimension equals one of the values (case-insensitive). */
  filters: readonly { dimension: string; values: readonly string[] }[];
  /** Rows whose dimension starts with the prefix (case-insensitive): « facebook » = every facebook_* campaign. */
  prefixes: readonly { dimension: string; prefix: string }[];
  /** Groups kept when every threshold holds (a NULL metric never holds). */
  thresholds: readonly { metric: Metric; op: Comparator; value: number }[];
  dateFrom?: string;
  dateTo?: string;
  orderBy?: { metric: Metric; order: (typeof ORDERS)[number] };
  limit: number;
}

/** Each metric as an aggregate over daily rows. Counts as BIGINT (DuckDB would return HUGEINT). */
export const METRIC_SQL: Record<Metric, string> = {
  impressions: 'CAST(SUM(impressions) AS BIGINT)',
  clicks: 'CAST(SUM(clicks) AS BIGINT)',
  leads: 'CAST(SUM(leads) AS BIGINT)',
  orders: 'CAST(SUM(orders) AS BIGINT)',
  mark_spent: 'SUM(mark_spent)',
  revenue: 'SUM(revenue)',
  ctr: 'CAST(SUM(clicks) AS DOUBLE) / NULLIF(SUM(impressions), 0)',
  cvr: 'CAST(SUM(orders) AS DOUBLE) / NULLIF(SUM(clicks), 0)',
  cpl: 'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(leads), 0)',
  cpa: 'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(orders), 0)',
  cpc: 'CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(clicks), 0)',
  cpm: '1000 * CAST(SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(impressions), 0)',
  roi: 'CAST(SUM(revenue) - SUM(mark_spent) AS DOUBLE) / NULLIF(SUM(mark_spent), 0)',
  roas: 'CAST(SUM(revenue) AS DOUBLE) / NULLIF(SUM(mark_spent), 0)',
};

const MAX_FILTER_VALUES = 50;

function dimension(name: string, known: ReadonlySet<string>): string {
  if (!known.has(name) || !/^[a-z][a-z0-9_]{0,39}$/.test(name))
    throw new AppError('INVALID_ARGUMENTS', `unknown dimension ${JSON.stringify(name.slice(0, 40))}`, {
      hint: `Dimensions disponibles : ${[...known].join(', ')}.`,
    });
  return name;
}

/**
 * The statement for one metric query. `dimensions` is the data's own list (campaign_name, category and the model's
 * other dimensions): any other identifier is refused before SQL is written.
 */
export function metricQueryStatement(query: MetricQuery, dimensions: ReadonlySet<string>): Statement {
  const groups = query.groupBy.map((name) => dimension(name, dimensions));
  const range = dateRangeFilter({ dateFrom: query.dateFrom, dateTo: query.dateTo });
  const clauses = [...range.clauses];
  const params: SqlValue[] = [...range.params];
  for (const filter of query.filters) {
    const column = dimension(filter.dimension, dimensions);
    const values = filter.values.slice(0, MAX_FILTER_VALUES);
    if (values.length === 0) continue;
    clauses.push(`lower(${column}) IN (${values.map(() => 'lower(?)').join(', ')})`);
    params.push(...values);
  }
  for (const { dimension: name, prefix } of query.prefixes) {
    const column = dimension(name, dimensions);
    clauses.push(`lower(substr(${column}, 1, ?)) = lower(?)`);
    params.push(prefix.length, prefix);
  }
  const keys = [...groups, ...(query.grain ? [`${BUCKET_SQL[query.grain]}`] : [])];
  const selectKeys = [...groups, ...(query.grain ? [`${BUCKET_SQL[query.grain]} AS period`] : [])];
  const aggregates = METRICS.map((metric) => `${METRIC_SQL[metric]} AS ${metric}`);
  const inner =
    `SELECT ${[...selectKeys, 'COUNT(DISTINCT campaign_name) AS campaigns', ...aggregates].join(', ')} ` +
    `FROM ${TABLES.kpiDaily}${clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : ''}` +
    (keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : '');
  const kept = query.thresholds.map((threshold) => {
    params.push(threshold.value);
    return `${threshold.metric} ${threshold.op} ?`;
  });
  const tieBreak = [...(query.grain ? ['period'] : []), ...groups];
  const order = [
    ...(query.orderBy
      ? [`${query.orderBy.metric} ${query.orderBy.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`]
      : []),
    ...tieBreak,
  ];
  params.push(query.limit);
  return {
    name: 'query_metrics',
    sql:
      `WITH grouped AS (${inner}) SELECT * FROM grouped` +
      (kept.length > 0 ? ` WHERE ${kept.join(' AND ')}` : '') +
      (order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '') +
      ' LIMIT ?',
    params,
  };
}
