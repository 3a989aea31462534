// The scale-out warehouse: a Databricks SQL warehouse through the official driver (@databricks/sql, pinned 2.0.0,
// Thrift over HTTPS). One lazily opened session is reused; a lost session is replaced once, transparently.
// Results are requested as plain columnar row sets (no Arrow, no Cloud Fetch, no LZ4): fewer moving parts, and
// DATE/TIMESTAMP/DECIMAL arrive as text that converts exactly. Telemetry is off: the bot talks to nobody else.
import http from 'node:http';
import https from 'node:https';
import { connections, DBSQLClient, LogLevel, thrift } from '@databricks/sql';
import { AppError, type ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Cell, Column, ColumnType, QueryResult, Row, RunOptions, SqlDriver, SqlValue } from './port.js';

export interface DatabricksSettings {
  /** Workspace host name, e.g. adb-123.4.azuredatabricks.net (no scheme). */
  host: string;
  /** The warehouse's HTTP path, e.g. /sql/1.0/warehouses/abc123. */
  path: string;
  /** Personal access token or service-principal token. Never logged, never put in an error message. */
  token: string;
  port?: number;
  catalog?: string;
  schema?: string;
  /**
   * Plain HTTP instead of HTTPS. ONLY for a local test server (tests/fakes): the token would travel in clear.
   * The driver has no public option for this (it hard-codes https), so we set it on our own connection provider.
   */
  insecure?: boolean;
}

type Session = Awaited<ReturnType<DBSQLClient['openSession']>>;
type Operation = Awaited<ReturnType<Session['executeStatement']>>;
type DriverLogger = NonNullable<NonNullable<ConstructorParameters<typeof DBSQLClient>[0]>['logger']>;
type ConnectOptions = Parameters<DBSQLClient['connect']>[0];
/** The driver's TTableSchema (its generated .d.ts does not export usable types). */
interface Schema {
  columns: {
    columnName: string;
    position: number;
    typeDesc: { types: { primitiveEntry?: { type: number } }[] };
  }[];
}

const TTypeId = (thrift.TCLIService_types as unknown as { TTypeId: Record<string, number> }).TTypeId;
const SOCKET_TIMEOUT_MS = 60_000;

/**
 * The driver's HttpConnection with our own agent: plain HTTP for local tests, and for HTTPS an agent that
 * VERIFIES the server certificate (the stock 2.0.0 agent sets rejectUnauthorized:false, which would hand the
 * token to anyone in the middle).
 */
class VerifiedHttpConnection extends connections.HttpConnection {
  #agent: http.Agent | undefined;
  readonly #tls: boolean;
  constructor(tls: boolean, ...args: ConstructorParameters<typeof connections.HttpConnection>) {
    super(...args);
    this.#tls = tls;
  }
  override async getAgent(): Promise<http.Agent> {
    const common = { keepAlive: true, keepAliveMsecs: 10_000, timeout: SOCKET_TIMEOUT_MS };
    this.#agent ??= this.#tls
      ? new https.Agent({ ...common, minVersion: 'TLSv1.2' })
      : new http.Agent(common);
    return this.#agent;
  }
  destroy(): void {
    this.#agent?.destroy();
  }
}

interface Connection {
  client: DBSQLClient;
  session: Session;
  transport: VerifiedHttpConnection;
}

export async function createDatabricksDriver(
  settings: DatabricksSettings,
  deps: { logger: Logger },
): Promise<SqlDriver> {
  const logger = deps.logger.child({ component: 'databricks' });
  const scrub = (text: string): string =>
    settings.token ? text.split(settings.token).join('[redacted]') : text;
  let current: Connection | undefined;
  let opening: Promise<Connection> | undefined;

  async function connect(): Promise<Connection> {
    const client = new DBSQLClient({ logger: driverLogger(logger, scrub) });
    client.on('error', (error: Error) =>
      logger.debug({ error: scrub(error.message) }, 'driver connection error'),
    );
    // Columnar results only: the driver reads these from its config, and connect() does not expose them.
    Object.assign(client.getConfig(), {
      arrowEnabled: false,
      useCloudFetch: false,
      useLZ4Compression: false,
    });
    let transport: VerifiedHttpConnection | undefined;
    // 2.0.0's only connection seam is its private createConnectionProvider(); fail loudly if an upgrade drops it.
    const seam = client as unknown as { createConnectionProvider?: (options: ConnectOptions) => unknown };
    if (typeof seam.createConnectionProvider !== 'function') {
      throw new AppError(
        'WAREHOUSE_UNAVAILABLE',
        'Databricks: unsupported @databricks/sql version (no connection seam)',
      );
    }
    seam.createConnectionProvider = (options) => {
      const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
      const port = options.port ?? 443;
      const headers = { 'User-Agent': 'marketing-decision-bot' };
      const https = !settings.insecure;
      transport = new VerifiedHttpConnection(
        https,
        { host: options.host, port, path, https, headers },
        client,
      );
      return transport;
    };
    try {
      await client.connect({
        host: settings.host,
        path: settings.path,
        port: settings.port,
        token: settings.token,
        telemetryEnabled: false, // hard opt-out: no telemetry POSTs, no feature-flag GETs
        socketTimeout: SOCKET_TIMEOUT_MS,
        // Bounded retries (idempotent RPCs only; the driver never retries OpenSession/ExecuteStatement).
        retryMaxAttempts: 3,
        retriesTimeout: 15_000,
        retryDelayMin: 250,
        retryDelayMax: 2_000,
      });
      const session = await client.openSession({
        initialCatalog: settings.catalog,
        initialSchema: settings.schema,
      });
      logger.debug('Databricks session opened');
      return { client, session, transport: transport! };
    } catch (error) {
      transport?.destroy();
      throw toAppError(error, 'connect', scrub);
    }
  }

  async function acquire(): Promise<{ connection: Connection; reused: boolean }> {
    if (current) return { connection: current, reused: true };
    opening ??= connect().finally(() => {
      opening = undefined;
    });
    current = await opening;
    return { connection: current, reused: false };
  }

  /** Forget a connection without talking to the server (it is unreachable or has forgotten the session). */
  function drop(connection: Connection): void {
    if (current === connection) current = undefined;
    connection.transport.destroy();
  }

  async function attempt(sql: string, params: readonly SqlValue[], options: RunOptions, state: RunState) {
    for (let retry = 0; ; retry++) {
      const { connection, reused } = await acquire();
      try {
        return await execute(connection.session, sql, params, options, state);
      } catch (error) {
        const appError = toAppError(error, 'query', scrub);
        if (state.timedOut) throw appError;
        if (appError.code !== 'WAREHOUSE_UNAVAILABLE' && appError.code !== 'WAREHOUSE_AUTH') throw appError;
        drop(connection);
        // A reused session may have expired or the server restarted: one fresh session, one more try (SELECT only).
        if (!reused || retry > 0) throw appError;
        logger.info({ reason: appError.message }, 'Databricks session lost; reopening');
      }
    }
  }

  async function execute(
    session: Session,
    sql: string,
    params: readonly SqlValue[],
    options: RunOptions,
    state: RunState,
  ) {
    const limit = options.maxRows + 1; // one extra row tells us whether more existed
    const operation = await session.executeStatement(sql, {
      ordinalParameters: [...params],
      queryTimeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)), // server-side net (clusters honour it)
      maxRows: limit, // rows returned with the execute response itself (direct results)
      useCloudFetch: false,
      useLZ4Compression: false,
    });
    state.operation = operation;
    if (state.timedOut) {
      void cancelQuietly(operation); // the timer fired while ExecuteStatement was in flight
      throw new AppError('WAREHOUSE_TIMEOUT', 'Databricks: statement timed out');
    }
    try {
      await operation.finished(); // surfaces SQL errors even when the server reports no result set
      const columns = columnsOf((await operation.getSchema()) as Schema | null);
      const raw: Record<string, unknown>[] = [];
      while (raw.length < limit) {
        const chunk = (await operation.fetchChunk({ maxRows: limit - raw.length })) as Record<
          string,
          unknown
        >[];
        raw.push(...chunk);
        if (chunk.length === 0 || !(await operation.hasMoreRows())) break;
      }
      const rows = raw.slice(0, options.maxRows).map((row) => toRow(row, columns));
      return { columns, rows, truncated: raw.length > options.maxRows } satisfies QueryResult;
    } finally {
      if (!state.timedOut) await operation.close().catch(() => undefined);
    }
  }

  return {
    kind: 'databricks',
    async run(sql: string, params: readonly SqlValue[], options: RunOptions): Promise<QueryResult> {
      const state: RunState = { timedOut: false };
      const work = attempt(sql, params, options, state);
      work.catch(() => undefined); // after a timeout the abandoned attempt may still reject
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          state.timedOut = true;
          if (state.operation) void cancelQuietly(state.operation);
          reject(new AppError('WAREHOUSE_TIMEOUT', `Databricks: statement exceeded ${options.timeoutMs} ms`));
        }, options.timeoutMs);
      });
      try {
        return await Promise.race([work, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close(): Promise<void> {
      const connection = current ?? (await opening?.catch(() => undefined));
      current = undefined;
      if (!connection) return;
      const bounded = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([connection.client.close().catch(() => undefined), bounded]);
      connection.transport.destroy();
    },
  };
}

interface RunState {
  timedOut: boolean;
  operation?: Operation;
}

async function cancelQuietly(operation: Operation): Promise<void> {
  await operation.cancel().catch(() => undefined);
}

/** The driver's own logger, bridged into ours (its default is a winston console logger that traps exceptions). */
function driverLogger(logger: Logger, scrub: (text: string) => string): DriverLogger {
  return {
    log(level: LogLevel, message: string) {
      const text = scrub(message);
      if (level === LogLevel.error) logger.error(text);
      else if (level === LogLevel.warn) logger.warn(text);
      else logger.debug(text);
    },
  };
}

function columnsOf(schema: Schema | null): Column[] {
  const columns = [...(schema?.columns ?? [])].sort((a, b) => a.position - b.position);
  return columns.map((column) => ({
    name: column.columnName,
    type: portableType(column.typeDesc.types[0]?.primitiveEntry?.type),
  }));
}

function portableType(typeId: number | undefined): ColumnType {
  switch (typeId) {
    case TTypeId.TINYINT_TYPE:
    case TTypeId.SMALLINT_TYPE:
    case TTypeId.INT_TYPE:
    case TTypeId.BIGINT_TYPE:
      return 'integer';
    case TTypeId.FLOAT_TYPE:
    case TTypeId.DOUBLE_TYPE:
    case TTypeId.DECIMAL_TYPE:
      return 'double';
    case TTypeId.BOOLEAN_TYPE:
      return 'boolean';
    case TTypeId.DATE_TYPE:
      return 'date';
    case TTypeId.TIMESTAMP_TYPE:
      return 'timestamp';
    default:
      return 'string';
  }
}

function toRow(raw: Record<string, unknown>, columns: Column[]): Row {
  const row: Row = {};
  for (const column of columns) row[column.name] = toCell(raw[column.name], column.type);
  return row;
}

/** Driver values → port cells. BIGINT arrives as a number (±Infinity beyond 2^53), DECIMAL as a number. */
function toCell(value: unknown, type: ColumnType): Cell {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'double': {
      const number = Number(value); // also handles bigint, Int64 (valueOf) and decimal strings
      return Number.isFinite(number) ? number : null;
    }
    case 'boolean':
      return Boolean(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'timestamp': {
      // Columnar TIMESTAMP is text in the session time zone (UTC on warehouses): '2021-02-01 10:00:00[.123456]'.
      const text = String(value);
      const date =
        value instanceof Date
          ? value
          : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
      return Number.isNaN(date.getTime()) ? text : date.toISOString();
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** Any driver failure → one AppError with a token-free message and a few structured details. */
function toAppError(error: unknown, phase: 'connect' | 'query', scrub: (text: string) => string): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    statusCode?: unknown;
    code?: unknown;
    errorCode?: unknown;
  };
  const message = scrub(`Databricks: ${e.message ?? String(error)}`);
  const details = { driverError: e.name, httpStatus: e.statusCode, code: e.code ?? e.errorCode };
  return new AppError(classify(e, message, phase), message, { details });
}

function classify(
  e: { name?: string; statusCode?: unknown; code?: unknown; errorCode?: unknown },
  message: string,
  phase: 'connect' | 'query',
): ErrorCode {
  if (typeof e.statusCode === 'number') {
    // THTTPException: the HTTP layer refused the request.
    return e.statusCode === 401 || e.statusCode === 403 ? 'WAREHOUSE_AUTH' : 'WAREHOUSE_UNAVAILABLE';
  }
  if (e.name === 'FetchError' || (typeof e.code === 'string' && NETWORK_CODES.has(e.code)))
    return 'WAREHOUSE_UNAVAILABLE';
  if (
    /when connecting to resource|request timed out|socket hang up|invalid sessionhandle|session .* is closed/i.test(
      message,
    )
  ) {
    return 'WAREHOUSE_UNAVAILABLE'; // retries exhausted, socket timeout, or the server forgot our session
  }
  if (e.errorCode === 'TIMEOUT') return 'WAREHOUSE_TIMEOUT'; // OperationStateError: server-side query timeout
  return phase === 'connect' ? 'WAREHOUSE_UNAVAILABLE' : 'WAREHOUSE_QUERY_FAILED';
}
