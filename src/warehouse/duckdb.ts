// The embedded default warehouse: DuckDB in-process (`@duckdb/node-api`), a file under .data/ or ':memory:'.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { AppError } from '../core/errors.js';
import type { Cell, Column, ColumnType, QueryResult, Row, RunOptions, SqlDriver, SqlValue } from './port.js';

export interface DuckDbDriver extends SqlDriver {
  readonly kind: 'duckdb';
  /** Runs trusted, parameter-free maintenance SQL (loading files, building tables). Never reached by tools. */
  exec(sql: string, params?: readonly SqlValue[]): Promise<void>;
}

export interface DuckDbOptions {
  path: string;
  /** DuckDB's `memory_limit` (`512MB`); default: DuckDB's own (80 % of RAM). */
  memoryLimit?: string;
  /** DuckDB's worker threads; default: DuckDB's own (one per core). */
  threads?: number;
}

export async function createDuckDbDriver(options: DuckDbOptions): Promise<DuckDbDriver> {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  // Extensions must never be fetched or loaded behind our back: this bot may run where the network is closed.
  const instance = await DuckDBInstance.create(options.path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // It shares the bot's process: its buffer pool and thread count are the bot's memory and cores.
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
    ...(options.threads ? { threads: String(options.threads) } : {}),
  });
  const open = new Set<DuckDBConnection>();
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  // One connection per statement: connections are cheap, concurrent questions do not queue behind each
  // other, and a timeout interrupts only its own statement.
  function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (closing) return Promise.reject(closingError());
    const task = (async () => {
      const connection = await instance.connect();
      open.add(connection);
      try {
        if (closing) throw closingError();
        return await work(connection);
      } finally {
        open.delete(connection);
        connection.closeSync();
      }
    })();
    const settled = () => inFlight.delete(task);
    inFlight.add(task);
    task.then(settled, settled);
    return task;
  }

  return {
    kind: 'duckdb',
    async run(sql: string, params: readonly SqlValue[], runOptions: RunOptions): Promise<QueryResult> {
      return withConnection(async (connection) => {
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          connection.interrupt();
        }, runOptions.timeoutMs);
        try {
          const reader = await connection.streamAndReadUntil(sql, runOptions.maxRows + 1, [...params]);
          const columns = reader.columnNames().map((name, index) => ({
            name,
            type: portableType(reader.columnTypes()[index]),
          }));
          const all = reader.getRowObjectsJson();
          const rows = all.slice(0, runOptions.maxRows).map((row) => normalizeRow(row, columns));
          return { columns, rows, truncated: all.length > runOptions.maxRows || !reader.done };
        } catch (error) {
          if (closing) throw closingError();
          if (timedOut) {
            throw new AppError('WAREHOUSE_TIMEOUT', `DuckDB statement exceeded ${runOptions.timeoutMs} ms`, {
              cause: error,
            });
          }
          throw new AppError('WAREHOUSE_QUERY_FAILED', `DuckDB: ${messageOf(error)}`, { cause: error });
        } finally {
          clearTimeout(timer);
        }
      });
    },
    async exec(sql: string, params: readonly SqlValue[] = []): Promise<void> {
      await withConnection(async (connection) => {
        await connection.run(sql, [...params]);
      });
    },
    close(): Promise<void> {
      // Closing the instance under a statement still running on libuv's pool crashed the process (SIGSEGV in
      // ClientContext::LockContext, seen on a server stopped while its health probe's state was being read): new
      // statements are refused, running ones interrupted and waited for, and only then is the instance closed.
      closing ??= (async () => {
        for (const connection of open) connection.interrupt();
        const drained = Promise.allSettled([...inFlight]).then(() => 'drained' as const);
        const late = new Promise<'late'>((resolve) =>
          setTimeout(() => resolve('late'), CLOSE_WAIT_MS).unref(),
        );
        // A statement that ignores the interrupt keeps the instance open rather than crash: the process is
        // ending, and DuckDB replays its write-ahead log on the next open.
        if ((await Promise.race([drained, late])) === 'drained') instance.closeSync();
      })();
      return closing;
    },
  };
}

const closingError = () => new AppError('WAREHOUSE_UNAVAILABLE', 'DuckDB: the warehouse is closing');

/** How long close() waits for interrupted statements to end. */
const CLOSE_WAIT_MS = 5000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function portableType(type: DuckDBType | undefined): ColumnType {
  switch (type?.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return 'integer';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return 'double';
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp';
    default:
      return 'string';
  }
}

/** JSON-converted DuckDB values (big integers and decimals arrive as strings) → the port's plain cells. */
function normalizeRow(row: Record<string, unknown>, columns: Column[]): Row {
  const out: Row = {};
  for (const column of columns) out[column.name] = normalizeCell(row[column.name], column.type);
  return out;
}

function normalizeCell(value: unknown, type: ColumnType): Cell {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'double': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? number : null;
    }
    case 'boolean':
      return Boolean(value);
    case 'timestamp':
      return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
    default:
      return String(value);
  }
}
