// The scale-out warehouse: a Databricks SQL warehouse through the official driver (@databricks/sql, pinned 2.0.0,
// Thrift over HTTPS). One lazily opened session is reused; a lost session is replaced once, transparently.
// Results come as plain columnar row sets (no Arrow, Cloud Fetch or LZ4): fewer moving parts, and DATE,
// TIMESTAMP and DECIMAL arrive as text that converts exactly. Telemetry is off: the bot talks to nobody else.
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
  /** Personal access or service-principal token. Never logged, never put in an error message. */
  token: string;
  port?: number;
  catalog?: string;
  schema?: string;
  /**
   * Plain HTTP instead of HTTPS: ONLY for a local test server (tests/fakes), the token travels in clear.
   * The driver has no option for it (it hard-codes https), so our own connection provider applies it.
   */
  insecure?: boolean;
}

type Session = Awaited<ReturnType<DBSQLClient['openSession']>>;
type Operation = Awaited<ReturnType<Session['executeStatement']>>;
type DriverLogger = NonNullable<NonNullable<ConstructorParameters<typeof DBSQLClient>[0]>['logger']>;
type ConnectOptions = Parameters<DBSQLClient['connect']>[0];
type ColumnDesc = {
  columnName: string;
  position: number;
  typeDesc: { types: { primitiveEntry?: { type: number } }[] };
};
type RawRow = Record<string, unknown>;
/** One run() call: the statement, its limits, and whether its deadline has passed. */
interface Job {
  sql: string;
  params: readonly SqlValue[];
  options: RunOptions;
  timedOut: boolean;
  operation?: Operation;
}

// The generated enum maps both ways (3 ↔ 'INT_TYPE'); its .d.ts exports nothing usable, hence the cast.
const TTypeId = (thrift.TCLIService_types as unknown as { TTypeId: Record<number, string> }).TTypeId;
// The driver's own default: OpenSession on a stopped warehouse waits while it starts (minutes). run()'s timer
// still bounds every caller; a slow start only delays the shared session.
const SOCKET_TIMEOUT_MS = 15 * 60_000;

/**
 * The driver's HttpConnection with our own agent: plain HTTP for local tests, and for HTTPS an agent that
 * VERIFIES the certificate (2.0.0's agent sets rejectUnauthorized:false and would hand the token to a MITM).
 */
class VerifiedHttpConnection extends connections.HttpConnection {
  #agent: http.Agent | undefined;
  constructor(
    readonly tls: boolean,
    ...args: ConstructorParameters<typeof connections.HttpConnection>
  ) {
    super(...args);
  }
  override async getAgent(): Promise<http.Agent> {
    const common = { keepAlive: true, keepAliveMsecs: 10_000, timeout: SOCKET_TIMEOUT_MS };
    this.#agent ??= this.tls ? new https.Agent({ ...common, minVersion: 'TLSv1.2' }) : new http.Agent(common);
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
  const scrub = (text: string) => (settings.token ? text.split(settings.token).join('[redacted]') : text);
  let current: Connection | undefined;
  let opening: Promise<Connection> | undefined;
  let closed = false;

  async function connect(): Promise<Connection> {
    const client = new DBSQLClient({ logger: driverLogger(logger, scrub) });
    client.on('error', (e: Error) => logger.debug({ error: scrub(e.message) }, 'driver connection error'));
    // Columnar results only: read from the client config, which connect() does not expose.
    const columnar = { arrowEnabled: false, useCloudFetch: false, useLZ4Compression: false };
    Object.assign(client.getConfig(), columnar);
    // 2.0.0's only transport seam is its private createConnectionProvider(); fail loudly if an upgrade drops it.
    const seam = client as unknown as { createConnectionProvider?: (options: ConnectOptions) => unknown };
    if (typeof seam.createConnectionProvider !== 'function') {
      throw new AppError('WAREHOUSE_UNAVAILABLE', 'Databricks: @databricks/sql has no connection seam');
    }
    let transport: VerifiedHttpConnection | undefined;
    seam.createConnectionProvider = (options) => {
      const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
      const tls = !settings.insecure;
      const headers = { 'User-Agent': 'marketing-decision-bot' };
      const target = { host: options.host, port: options.port ?? 443, path, https: tls, headers };
      transport = new VerifiedHttpConnection(tls, target, client);
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
        // Bounded retries; the driver only retries idempotent RPCs (never OpenSession or ExecuteStatement).
        retryMaxAttempts: 3,
        retriesTimeout: 15_000,
        retryDelayMin: 250,
        retryDelayMax: 2_000,
      });
      const namespace = { initialCatalog: settings.catalog, initialSchema: settings.schema };
      const session = await client.openSession(namespace);
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

  /** Forgets a connection without talking to the server (unreachable, or it has forgotten the session). */
  function drop(connection: Connection): void {
    if (current === connection) current = undefined;
    connection.transport.destroy();
  }

  async function attempt(job: Job): Promise<QueryResult> {
    for (let retry = 0; ; retry++) {
      const { connection, reused } = await acquire();
      try {
        return await execute(connection.session, job);
      } catch (error) {
        const appError = toAppError(error, 'query', scrub);
        const lost = appError.code === 'WAREHOUSE_UNAVAILABLE' || appError.code === 'WAREHOUSE_AUTH';
        if (job.timedOut || !lost) throw appError;
        drop(connection);
        // A reused session may have expired or the server restarted: one fresh session, one more try (SELECTs).
        if (!reused || retry > 0) throw appError;
        logger.info({ reason: appError.message }, 'Databricks session lost; reopening');
      }
    }
  }

  async function execute(session: Session, job: Job): Promise<QueryResult> {
    const { options } = job;
    const limit = options.maxRows + 1; // one extra row tells whether more existed
    const operation = await session.executeStatement(job.sql, {
      ordinalParameters: [...job.params],
      queryTimeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)), // server-side net (clusters honour it)
      maxRows: limit, // rows sent back with the ExecuteStatement answer itself (direct results)
      useCloudFetch: false,
      useLZ4Compression: false,
    });
    job.operation = operation;
    if (job.timedOut) {
      void cancelQuietly(operation); // the deadline passed while ExecuteStatement was in flight
      throw new AppError('WAREHOUSE_TIMEOUT', 'Databricks: statement timed out');
    }
    try {
      await operation.finished(); // surfaces SQL errors even when the server reports no result set
      const schema = (await operation.getSchema()) as { columns: ColumnDesc[] } | null;
      const columns = [...(schema?.columns ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((c) => ({ name: c.columnName, type: portableType(c) }));
      const raw: RawRow[] = [];
      while (raw.length < limit) {
        const chunk = (await operation.fetchChunk({ maxRows: limit - raw.length })) as RawRow[];
        raw.push(...chunk);
        if (chunk.length === 0 || !(await operation.hasMoreRows())) break;
      }
      const rows = raw.slice(0, options.maxRows).map((row) => toRow(row, columns));
      return { columns, rows, truncated: raw.length > options.maxRows };
    } finally {
      if (!job.timedOut) await operation.close().catch(() => undefined);
    }
  }

  return {
    kind: 'databricks',
    async run(sql: string, params: readonly SqlValue[], options: RunOptions): Promise<QueryResult> {
      if (closed) throw new AppError('WAREHOUSE_UNAVAILABLE', 'Databricks: driver closed');
      const started = Date.now();
      const job: Job = { sql, params, options, timedOut: false };
      const work = attempt(job);
      work.catch(() => undefined); // after a timeout the abandoned attempt may still reject
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          job.timedOut = true;
          if (job.operation) void cancelQuietly(job.operation);
          reject(new AppError('WAREHOUSE_TIMEOUT', `Databricks: statement exceeded ${options.timeoutMs} ms`));
        }, options.timeoutMs);
      });
      try {
        const result = await Promise.race([work, deadline]);
        logger.debug({ ms: Date.now() - started, rows: result.rows.length }, 'Databricks statement done');
        return result;
      } finally {
        clearTimeout(timer);
      }
    },
    async close(): Promise<void> {
      closed = true;
      const goodbye = (async () => {
        const connection = current ?? (await opening?.catch(() => undefined));
        current = undefined;
        await connection?.client.close().catch(() => undefined); // CloseSession
        connection?.transport.destroy();
      })();
      // Bounded: a warehouse that is starting or gone must not hold the bot's shutdown.
      await Promise.race([goodbye, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}

async function cancelQuietly(operation: Operation): Promise<void> {
  await operation.cancel().catch(() => undefined);
}

/** The driver's logger, bridged into ours (its default is a winston console logger that traps exceptions). */
function driverLogger(logger: Logger, scrub: (text: string) => string): DriverLogger {
  return {
    log(level, message) {
      if (level === LogLevel.error) logger.error(scrub(message));
      else if (level === LogLevel.warn) logger.warn(scrub(message));
      else logger.debug(scrub(message));
    },
  };
}

function portableType(column: ColumnDesc): ColumnType {
  const name = TTypeId[column.typeDesc.types[0]?.primitiveEntry?.type ?? -1] ?? '';
  if (/^(TINYINT|SMALLINT|INT|BIGINT)_TYPE$/.test(name)) return 'integer';
  if (/^(FLOAT|DOUBLE|DECIMAL)_TYPE$/.test(name)) return 'double';
  if (name === 'BOOLEAN_TYPE') return 'boolean';
  if (name === 'DATE_TYPE') return 'date';
  if (name === 'TIMESTAMP_TYPE') return 'timestamp';
  return 'string'; // strings, and complex types as their JSON text
}

function toRow(raw: RawRow, columns: Column[]): Row {
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
      const number = Number(value); // also bigint, Int64 (valueOf) and decimal text
      return Number.isFinite(number) ? number : null;
    }
    case 'boolean':
      return Boolean(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'timestamp': {
      // Columnar TIMESTAMP is text in the session time zone (UTC on warehouses): '2021-02-01 10:00:00[.123456]'.
      const text = String(value);
      const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(text);
      const date = value instanceof Date ? value : new Date(zoned ? text : `${text.replace(' ', 'T')}Z`);
      return Number.isNaN(date.getTime()) ? text : date.toISOString();
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

const NETWORK_CODES = /^(ECONN(REFUSED|RESET)|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;
// Retries exhausted, socket timeout/hang-up, or a server that forgot our session (expiry, restart).
const UNAVAILABLE_TEXT =
  /when connecting to resource|request timed out|socket hang up|invalid sessionhandle|session .* is closed/i;

type DriverError = {
  name?: string;
  message?: string;
  statusCode?: unknown;
  code?: unknown;
  errorCode?: unknown;
};

/** Any driver failure → one AppError with a token-free message and a few structured details (no raw cause). */
function toAppError(error: unknown, phase: 'connect' | 'query', scrub: (text: string) => string): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as DriverError;
  const message = scrub(`Databricks: ${e.message ?? String(error)}`);
  const details = { driverError: e.name, httpStatus: e.statusCode, code: e.code ?? e.errorCode };
  return new AppError(classify(e, message, phase), message, { details });
}

function classify(e: DriverError, message: string, phase: 'connect' | 'query'): ErrorCode {
  if (typeof e.statusCode === 'number') {
    // THTTPException: the HTTP layer refused the request (401/403: token; anything else: the endpoint).
    return e.statusCode === 401 || e.statusCode === 403 ? 'WAREHOUSE_AUTH' : 'WAREHOUSE_UNAVAILABLE';
  }
  if (e.name === 'FetchError' || NETWORK_CODES.test(String(e.code))) return 'WAREHOUSE_UNAVAILABLE';
  if (UNAVAILABLE_TEXT.test(message)) return 'WAREHOUSE_UNAVAILABLE';
  if (e.errorCode === 'TIMEOUT') return 'WAREHOUSE_TIMEOUT'; // OperationStateError: server-side query timeout
  return phase === 'connect' ? 'WAREHOUSE_UNAVAILABLE' : 'WAREHOUSE_QUERY_FAILED';
}
