// The named queries of the ML simulators (src/ml): campaign-day training rows, observed totals per category
// and per-campaign KPIs for segmentation. Same rules as queries.ts: values are bound `?` parameters, the only
// identifiers are fixed column and table names, and every statement has a LIMIT within the guard's row cap.
import type { Statement } from './guard.js';
import { sumColumns, where } from './kpi.js';
import type { SqlValue } from './port.js';
import { TABLES } from './schema.js';

/** The columns of a training row (one campaign per day). */
export const TRAINING_COLUMNS = [
  'c_date', 'campaign_name', 'category', 'impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue',
] as const; // biome-ignore format: one list

function categoryFilter(category: string | undefined): { clauses: string[]; params: SqlValue[] } {
  return category === undefined
    ? { clauses: [], params: [] }
    : { clauses: ['lower(category) = lower(?)'], params: [category] };
}

/**
 * Campaign-day rows to learn from: all of them when they fit in `limit`, else a uniform systematic sample (every
 * k-th row in (day, campaign) order, k = ceil(total / limit)), so every period and campaign is represented — not
 * only the most recent days. `total_rows` on each row says how many there were. Most recent first.
 */
export function mlTrainingRowsQuery(args: { category?: string; limit: number }): Statement {
  const filter = categoryFilter(args.category);
  return {
    name: 'ml_training_rows',
    sql:
      `WITH numbered AS (SELECT ${TRAINING_COLUMNS.join(', ')}, ` +
      'row_number() OVER (ORDER BY c_date, campaign_name, category) AS rn, COUNT(*) OVER () AS total_rows ' +
      `FROM ${TABLES.kpiCampaignDay}${where(filter.clauses)}) ` +
      `SELECT ${TRAINING_COLUMNS.join(', ')}, total_rows FROM numbered ` +
      'WHERE MOD(rn - 1, CAST(CEIL(CAST(total_rows AS DOUBLE) / ?) AS BIGINT)) = 0 ' +
      'ORDER BY c_date DESC, campaign_name LIMIT ?',
    params: [...filter.params, args.limit, args.limit],
  };
}

/** Observed totals (the current budget and revenue of a simulation) per category, or over everything. */
export function mlTotalsQuery(args: { category?: string }): Statement {
  const filter = categoryFilter(args.category);
  return {
    name: 'ml_totals',
    sql:
      `SELECT COUNT(*) AS days, COUNT(DISTINCT campaign_name) AS campaigns, ${sumColumns()} ` +
      `FROM ${TABLES.kpiCampaignDay}${where(filter.clauses)} LIMIT ?`,
    params: [...filter.params, 1],
  };
}

/**
 * One row per campaign (the campaign alone is the key) with its sums and KPI ratios over the whole data: the
 * segmentation's input, read from the campaign-level table.
 */
export function mlCampaignKpisQuery(args: { limit: number }): Statement {
  return {
    name: 'ml_campaign_kpis',
    sql:
      `SELECT campaign_name, category, ${['impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue', 'ctr', 'cvr', 'cpl', 'cpa', 'roi', 'roas'].join(', ')} ` +
      `FROM ${TABLES.kpi} ORDER BY campaign_name LIMIT ?`,
    params: [args.limit],
  };
}
