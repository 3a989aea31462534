// The Warehouse port: what every SQL driver (DuckDB embedded, Databricks SQL) offers the rest of the bot.
// Drivers are dumb pipes: they run one already-guarded statement with ordinal `?` parameters and hand back
// plain JavaScript values, identical whatever the engine (the shared contract suite checks that).

import type { Row, SqlValue } from '../core/rows.js';

export type { Cell, Row, SqlValue } from '../core/rows.js';

/** The portable column type a driver reports (enough to render and to re-encode results). */
export type ColumnType = 'string' | 'integer' | 'double' | 'boolean' | 'date' | 'timestamp';

export interface Column {
  name: string;
  type: ColumnType;
}

export interface QueryResult {
  columns: Column[];
  rows: Row[];
  /** True when the driver stopped at `maxRows` and more rows existed. */
  truncated: boolean;
}

export interface RunOptions {
  /** The driver gives up (and cancels the statement where the engine allows) after this long. */
  timeoutMs: number;
  /** The driver never returns more rows than this. */
  maxRows: number;
}

export type WarehouseKind = 'duckdb' | 'databricks';

export interface SqlDriver {
  readonly kind: WarehouseKind;
  /**
   * Runs one statement. Only the Warehouse facade calls this, after the SQL guard accepted the statement.
   * Failures are AppErrors: WAREHOUSE_UNAVAILABLE, WAREHOUSE_AUTH, WAREHOUSE_TIMEOUT or WAREHOUSE_QUERY_FAILED.
   */
  run(sql: string, params: readonly SqlValue[], options: RunOptions): Promise<QueryResult>;
  close(): Promise<void>;
}
