// Opens the configured warehouse: the driver (DuckDB embedded or Databricks SQL), the guarded facade and the
// catalog. On DuckDB it also loads the data file and builds the KPI tables when the file (or the mapping)
// changed since the last start, so a restart is instant and a new file is picked up without a command.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WarehouseConfig } from '../config.js';
import { AppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { type CatalogProvider, createCatalogProvider } from './catalog.js';
import { createDuckDbDriver } from './duckdb.js';
import { buildKpiTables, type KpiBuildReport } from './kpi.js';
import { type LoadReport, loadMarketingData, type ModelSpec } from './loader.js';
import { loadMapping } from './mapping.js';
import type { SqlDriver } from './port.js';
import { TABLES } from './schema.js';
import { loadModel } from './semantic-model.js';
import { createWarehouse, type Warehouse } from './warehouse.js';

export interface OpenedWarehouse {
  warehouse: Warehouse;
  catalog: CatalogProvider;
  /** Reloads the data file (DuckDB) and rebuilds the KPI tables. */
  rebuild(options?: { dateFrom?: string; dateTo?: string }): Promise<KpiBuildReport>;
  /** What the last load said about the data (kept across restarts next to the DuckDB file). */
  dataReport(): DataReport | undefined;
}

/** The data's story for people: where the model came from (given, mapping, inferred) and the load's notices. */
export interface DataReport {
  file: string;
  rows: number;
  modelSource: 'model' | 'mapping' | 'inferred';
  /** The currency the model states (it wins over CURRENCY), if any. */
  currency?: string;
  /** When inferred: the one-line summary, the reasons and the ambiguities. */
  inferred?: { summary: string; reasons: string[]; ambiguities: string[] };
  notices: string[];
}

/** The model to load with: MODEL_PATH, else the old MAPPING_PATH (converted), else inferred from the file. */
export function modelSpecFor(config: WarehouseConfig): ModelSpec {
  if (config.modelPath) return loadModel(config.modelPath);
  if (config.mappingPath) return loadMapping(config.mappingPath);
  return undefined;
}

function dataReportOf(config: WarehouseConfig, loaded: LoadReport, kpi: KpiBuildReport): DataReport {
  return {
    file: loaded.file,
    rows: loaded.rows,
    modelSource: config.modelPath ? 'model' : config.mappingPath ? 'mapping' : 'inferred',
    currency: loaded.model.currency,
    inferred: loaded.inference
      ? {
          summary: loaded.inference.summary,
          reasons: loaded.inference.reasons,
          ambiguities: loaded.inference.ambiguities,
        }
      : undefined,
    notices: [...loaded.notices, ...kpi.notices],
  };
}

const MAINTENANCE_TIMEOUT_MS = 300_000;
/** Bumped when marketing_clean's shape or the load rules change, so an old DuckDB file is reloaded. */
const LOADER_VERSION = 3;

// DuckDB's words for a file it cannot use as a database (a bad header, a broken block) and for a file another
// process holds. The DuckDB file is only a cache of the data file, so a corrupt one is set aside and rebuilt.
const CORRUPT =
  /not a valid DuckDB database file|Corrupt database file|checksum .*does not match|database file .*(?:is )?corrupt|Serialization Error|Failed to read database header|INTERNAL Error.*(?:block|checkpoint)/i;
const LOCKED = /Could not set lock on file|Conflicting lock is held/i;

/** The file set aside as `<file>.corrupt-<time>` (its WAL too) and the version stamp removed: the next start loads anew. */
function setAsideDuckDb(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.corrupt-${stamp}`;
  renameSync(path, aside);
  if (existsSync(`${path}.wal`)) renameSync(`${path}.wal`, `${aside}.wal`);
  rmSync(`${path}.version`, { force: true });
  return aside;
}

function lockedError(path: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const holder = /held in (.+?) \(PID (\d+)\)/.exec(message);
  const who = holder ? `${holder[1]}, PID ${holder[2]}` : 'un autre processus';
  return new AppError('WAREHOUSE_LOCKED', `DuckDB file locked: ${message}`, {
    cause: error,
    hint:
      `« ${path} » est verrouillé par ${who} (un autre « npm start », « npm run kpi » ou un outil DuckDB). ` +
      `Arrêtez ce processus${holder ? ` (kill ${holder[2]})` : ''} ou donnez à ce bot un autre DUCKDB_PATH.`,
  });
}

async function openDuckDb(config: WarehouseConfig, logger: Logger): Promise<SqlDriver> {
  const path = config.duckdbPath;
  const limits = { memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads };
  try {
    return await createDuckDbDriver({ path, ...limits });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (LOCKED.test(message)) throw lockedError(path, error);
    if (path === ':memory:' || !CORRUPT.test(message) || !existsSync(path)) throw error;
    const aside = setAsideDuckDb(path, Date.now());
    logger.error(
      { file: path, setAside: aside, err: message },
      'DuckDB file was corrupt; set aside, rebuilding it from the data file',
    );
    return createDuckDbDriver({ path, ...limits });
  }
}

async function createDriver(config: WarehouseConfig, logger: Logger): Promise<SqlDriver> {
  if (config.kind === 'duckdb') return openDuckDb(config, logger);
  if (!config.databricks)
    throw new AppError('CONFIG_INVALID', 'WAREHOUSE=databricks needs the DATABRICKS_* settings');
  // Loaded on demand: DuckDB users never pay for the Databricks driver's start-up.
  const { createDatabricksDriver } = await import('./databricks.js');
  return createDatabricksDriver(config.databricks, { logger });
}

/** A fingerprint of what marketing_clean was loaded from: path, size, mtime and the mapping's text. */
function dataVersion(config: WarehouseConfig): string {
  const data = statSync(config.dataPath, { throwIfNoEntry: false });
  const text = (path: string | undefined) => (path && existsSync(path) ? readFileSync(path, 'utf8') : '');
  return createHash('sha256')
    .update(
      JSON.stringify([
        resolve(config.dataPath),
        data?.size,
        data?.mtimeMs,
        text(config.mappingPath),
        text(config.modelPath),
        // The code that loads: a new loader (new canonical columns) reloads.
        LOADER_VERSION,
      ]),
    )
    .digest('hex');
}

export async function openWarehouse(
  config: WarehouseConfig,
  deps: {
    logger: Logger;
    /**
     * Called after every rebuild asked through `rebuild()` (a data refresh), not after the build at open. The ROI
     * alerts subscribe here. Its failure is logged; the rebuild still succeeds.
     */
    onRebuilt?: (report: KpiBuildReport) => Promise<void>;
  },
): Promise<OpenedWarehouse> {
  const driver = await createDriver(config, deps.logger);
  const warehouse = createWarehouse(
    driver,
    {
      maxRows: config.maxRows,
      timeoutMs: config.queryTimeoutMs,
      maintenanceTimeoutMs: MAINTENANCE_TIMEOUT_MS,
    },
    deps,
  );
  const catalog = createCatalogProvider(warehouse);
  const versionFile = config.duckdbPath === ':memory:' ? undefined : `${config.duckdbPath}.version`;
  const reportFile = config.duckdbPath === ':memory:' ? undefined : `${config.duckdbPath}.load.json`;
  let lastReport: DataReport | undefined = readReport(reportFile);

  async function rebuild(period: { dateFrom?: string; dateTo?: string } = {}): Promise<KpiBuildReport> {
    if (config.kind === 'duckdb') {
      const version = dataVersion(config);
      const loaded = await loadMarketingData(warehouse, config.dataPath, modelSpecFor(config));
      deps.logger.info(
        { file: loaded.file, rows: loaded.rows, ms: loaded.ms, inferred: loaded.inference?.summary },
        'data loaded into marketing_clean',
      );
      const report = await buildKpiTables(warehouse, period);
      lastReport = dataReportOf(config, loaded, report);
      for (const notice of lastReport.notices) deps.logger.warn({ notice }, 'data notice');
      if (reportFile) writeFileSync(reportFile, JSON.stringify(lastReport));
      if (versionFile) writeFileSync(versionFile, version);
      deps.logger.info(report, 'KPI tables built');
      catalog.invalidate();
      return report;
    }
    const report = await buildKpiTables(warehouse, period);
    deps.logger.info(report, 'KPI tables built');
    catalog.invalidate();
    return report;
  }

  const stale =
    config.kind === 'duckdb' &&
    !(versionFile && existsSync(versionFile) && readFileSync(versionFile, 'utf8') === dataVersion(config));
  try {
    if (stale || !(await kpiTablesPresent(warehouse))) await rebuild();
  } catch (error) {
    // The caller gets the error, not a warehouse: release the driver (DuckDB file lock, Databricks session) here.
    await warehouse.close().catch(() => undefined);
    throw error;
  }
  return {
    warehouse,
    catalog,
    dataReport: () => lastReport,
    async rebuild(period) {
      const report = await rebuild(period);
      await deps.onRebuilt?.(report).catch((error: unknown) => {
        deps.logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'after-rebuild hook failed',
        );
      });
      return report;
    },
  };
}

function readReport(file: string | undefined): DataReport | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DataReport;
  } catch {
    return undefined;
  }
}

async function kpiTablesPresent(warehouse: Warehouse): Promise<boolean> {
  try {
    await warehouse.select({
      name: 'kpi_present',
      // The newest KPI table: a warehouse built by an older version (without the roll-ups) is rebuilt at start.
      sql: `SELECT COUNT(*) AS n FROM ${TABLES.kpiDimensions}`,
      params: [],
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'KPI_NOT_BUILT') return false;
    throw error;
  }
}
