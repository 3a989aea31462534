// The Warehouse facade: the only way the rest of the bot reaches a SQL driver. Every statement goes through
// the SQL guard first; failures come back as AppErrors with a code the edges can explain in French.
import { AppError, isAppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { type GuardSettings, guardStatement, type Statement } from './guard.js';
import type { QueryResult, SqlDriver, WarehouseKind } from './port.js';

export interface TimedResult extends QueryResult {
  ms: number;
}

export interface Warehouse {
  readonly kind: WarehouseKind;
  /** A named read query (the tools' path): guarded with the read policy, row cap and timeout. */
  select(statement: Statement): Promise<TimedResult>;
  /** A maintenance statement (load, KPI build): guarded with the maintenance policy. */
  maintain(statement: Statement): Promise<TimedResult>;
  close(): Promise<void>;
}

export interface WarehouseSettings extends GuardSettings {
  /** Maintenance statements (a KPI build over millions of rows) get this longer timeout. */
  maintenanceTimeoutMs: number;
}

const MISSING_TABLE = /(does not exist|not found|TABLE_OR_VIEW_NOT_FOUND|Catalog Error)/i;

export function createWarehouse(
  driver: SqlDriver,
  settings: WarehouseSettings,
  deps: { logger: Logger },
): Warehouse {
  async function timed(statement: Statement, run: () => Promise<QueryResult>): Promise<TimedResult> {
    const started = performance.now();
    try {
      const result = await run();
      const ms = Math.round((performance.now() - started) * 10) / 10;
      deps.logger.debug({ statement: statement.name, ms, rows: result.rows.length }, 'warehouse query');
      return { ...result, ms };
    } catch (error) {
      const appError = isAppError(error)
        ? error
        : new AppError('WAREHOUSE_QUERY_FAILED', `${statement.name} failed: ${String(error)}`, {
            cause: error,
          });
      if (
        appError.code === 'WAREHOUSE_QUERY_FAILED' &&
        /marketing_kpi/.test(appError.message) &&
        MISSING_TABLE.test(appError.message)
      ) {
        throw new AppError('KPI_NOT_BUILT', `${statement.name}: KPI tables are missing`, { cause: appError });
      }
      deps.logger.warn({ statement: statement.name, code: appError.code }, 'warehouse query failed');
      throw appError;
    }
  }

  return {
    kind: driver.kind,
    // async: a guard refusal is a rejected promise like any other failure, never a synchronous throw.
    async select(statement) {
      const options = guardStatement(statement, 'read', settings);
      return timed(statement, () => driver.run(statement.sql, statement.params, options));
    },
    async maintain(statement) {
      const options = guardStatement(statement, 'maintenance', settings);
      return timed(statement, () =>
        driver.run(statement.sql, statement.params, { ...options, timeoutMs: settings.maintenanceTimeoutMs }),
      );
    },
    close: () => driver.close(),
  };
}
