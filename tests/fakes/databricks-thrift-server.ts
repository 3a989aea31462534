// A local Databricks SQL endpoint for tests: the driver's own generated TCLIService processor behind plain
// HTTP (THttpConnection, binary protocol), running every statement on a backend SqlDriver (DuckDB in tests).
// It answers like a SQL warehouse: protocol V8 (below V8 the driver silently drops parameters), direct results
// for fast statements, polling for slow ones, columnar TRowSets in pages, and an empty page to end a fetch.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { thrift as generated } from '@databricks/sql';
import type { Column, QueryResult, Row, SqlDriver, SqlValue } from '../../src/warehouse/port.js';

// `thrift` ships no types and the generated TCLIService .d.ts exports nothing usable: describe what we touch.
interface Transport {
  new (buffer: Buffer | undefined, onFlush: (data: Buffer) => void): unknown;
  receiver(callback: (transport: unknown) => void, seqid?: number): (data: Buffer) => void;
}
interface ThriftLib {
  TBufferedTransport: Transport;
  TBinaryProtocol: new (transport: unknown) => unknown;
}
type Handler = Record<string, (req: Req) => Promise<object>>;
interface Generated {
  TCLIService: { Processor: new (handler: Handler) => { process(input: unknown, output: unknown): void } };
  TCLIService_types: {
    TTypeId: Record<'STRING_TYPE' | 'INT_TYPE' | 'BIGINT_TYPE' | 'DOUBLE_TYPE' | 'DECIMAL_TYPE', number> &
      Record<'BOOLEAN_TYPE' | 'DATE_TYPE' | 'TIMESTAMP_TYPE', number>;
    TStatusCode: Record<'SUCCESS_STATUS' | 'ERROR_STATUS', number>;
    TOperationState: Record<
      'RUNNING_STATE' | 'FINISHED_STATE' | 'CANCELED_STATE' | 'ERROR_STATE' | 'TIMEDOUT_STATE',
      number
    >;
    TProtocolVersion: Record<'SPARK_CLI_SERVICE_PROTOCOL_V8', number>;
  };
}
// biome-ignore lint/suspicious/noExplicitAny: Thrift request structs are untyped here.
type Req = any;

const thriftLib = createRequire(import.meta.url)('thrift') as ThriftLib;
const { TCLIService, TCLIService_types: types } = generated as unknown as Generated;
const { TTypeId, TStatusCode, TOperationState: State } = types;
const SUCCESS = { statusCode: TStatusCode.SUCCESS_STATUS };
const COLUMN_BASED_SET = 1;

/** What a test wants a statement to do instead of (or before) running on the backend. */
export interface StatementBehaviour {
  /** Wait this long before running (cancellable), to exercise polling and timeouts. */
  delayMs?: number;
  /** Fail with this SQL error message instead of running. */
  error?: string;
  /** Return this result instead of running (e.g. values DuckDB cannot produce: NaN, huge BIGINT). */
  result?: QueryResult;
}

export interface FakeDatabricksOptions {
  backend: SqlDriver;
  token: string;
  /** Listen on this port (to restart a server where a client expects it); random by default. */
  port?: number;
  /** Rows per FetchResults / direct-results page (small to exercise paging). */
  pageSize?: number;
  /** How long ExecuteStatement waits for a statement before answering "running" (a warehouse waits a bit). */
  directResultsWaitMs?: number;
  /** Wire encoding of portable types: Databricks returns DECIMAL for many numeric expressions, INT for literals. */
  doubleAs?: 'DOUBLE' | 'DECIMAL';
  integerAs?: 'BIGINT' | 'INT';
  onStatement?: (sql: string, params: SqlValue[]) => StatementBehaviour | undefined;
}

export interface FakeRequest {
  method: string;
  statement?: string;
  params?: SqlValue[];
  /** Declared Spark types of the parameters, as the driver sent them. */
  paramTypes?: (string | null)[];
  queryTimeoutSeconds?: number;
  directResultsMaxRows?: number;
  canReadArrowResult?: boolean;
  canDownloadResult?: boolean;
  canDecompressLZ4Result?: boolean;
  initialNamespace?: { catalogName?: string; schemaName?: string };
}

export interface FakeDatabricks {
  host: string;
  port: number;
  path: string;
  /** Every Thrift call accepted, in order. */
  requests: FakeRequest[];
  /** HTTP statuses of requests refused before Thrift (bad token, forced failures). */
  rejected: number[];
  /** When set, every HTTP request is answered with this status (e.g. 503) before any Thrift processing. */
  forceHttpStatus: number | undefined;
  close(): Promise<void>;
}

interface Operation {
  state: number;
  result?: QueryResult;
  error?: string;
  cursor: number;
  startedAt: number;
  queryTimeoutMs: number;
  abort: AbortController;
  done: Promise<void>;
}

export async function startFakeDatabricks(options: FakeDatabricksOptions): Promise<FakeDatabricks> {
  const path = '/sql/1.0/warehouses/fake';
  const pageSize = options.pageSize ?? 1000;
  const sessions = new Set<string>();
  const operations = new Map<string, Operation>();
  const requests: FakeRequest[] = [];
  const key = (handle: Req): string => Buffer.from(handle?.guid ?? []).toString('hex');
  const newHandle = () => ({ guid: randomBytes(16), secret: randomBytes(16) });
  const failure = (message: string) => ({
    statusCode: TStatusCode.ERROR_STATUS,
    errorMessage: message,
    sqlState: '42000',
  });

  function statusOf(op: Operation) {
    if (
      op.state === State.RUNNING_STATE &&
      op.queryTimeoutMs > 0 &&
      Date.now() - op.startedAt > op.queryTimeoutMs
    ) {
      op.state = State.TIMEDOUT_STATE; // a cluster honours queryTimeout server-side
      op.abort.abort();
    }
    const failed = op.state === State.ERROR_STATE;
    return {
      status: SUCCESS,
      operationState: op.state,
      hasResultSet: true,
      ...(failed ? { errorMessage: op.error, displayMessage: op.error, sqlState: '42000' } : {}),
    };
  }

  function page(op: Operation, maxRows: number) {
    const result = op.result ?? { columns: [], rows: [], truncated: false };
    const rows = result.rows.slice(op.cursor, op.cursor + Math.min(maxRows, pageSize));
    const results = {
      startRowOffset: op.cursor,
      rows: [],
      columns: result.columns.map((c) => encode(c, rows)),
    };
    op.cursor += rows.length;
    // A page of rows keeps the fetch going; the empty page after the last one ends it (hasMoreRows false).
    return { status: SUCCESS, hasMoreRows: rows.length > 0 && op.cursor < result.rows.length, results };
  }

  function encode(column: Column, rows: Row[]) {
    const nulls = Buffer.alloc(Math.ceil(rows.length / 8));
    const cells = rows.map((row, i) => {
      const value = row[column.name];
      if (value === null || value === undefined) nulls[i >> 3]! |= 1 << (i & 7);
      return value ?? null;
    });
    const pick = <T>(convert: (v: Exclude<SqlValue, null>) => T, empty: T) => ({
      values: cells.map((v) => (v === null ? empty : convert(v))),
      nulls,
    });
    switch (column.type) {
      case 'integer':
        return options.integerAs === 'INT' ? { i32Val: pick(Number, 0) } : { i64Val: pick(Number, 0) };
      case 'double':
        return options.doubleAs === 'DECIMAL'
          ? { stringVal: pick(String, '') }
          : { doubleVal: pick(Number, 0) };
      case 'boolean':
        return { boolVal: pick(Boolean, false) };
      case 'timestamp': // Spark's text form: '2021-02-01 10:00:00[.123]', session time zone UTC
        return {
          stringVal: pick(
            (v) =>
              String(v)
                .replace('T', ' ')
                .replace(/(\.000)?Z$/, ''),
            '',
          ),
        };
      default:
        return { stringVal: pick(String, '') };
    }
  }

  function typeId(column: Column): number {
    const ids = {
      string: TTypeId.STRING_TYPE,
      integer: options.integerAs === 'INT' ? TTypeId.INT_TYPE : TTypeId.BIGINT_TYPE,
      double: options.doubleAs === 'DECIMAL' ? TTypeId.DECIMAL_TYPE : TTypeId.DOUBLE_TYPE,
      boolean: TTypeId.BOOLEAN_TYPE,
      date: TTypeId.DATE_TYPE,
      timestamp: TTypeId.TIMESTAMP_TYPE,
    };
    return ids[column.type];
  }

  function metadata(op: Operation) {
    const columns = (op.result?.columns ?? []).map((column, index) => ({
      columnName: column.name,
      position: index + 1,
      typeDesc: { types: [{ primitiveEntry: { type: typeId(column) } }] },
    }));
    return { status: SUCCESS, schema: { columns }, resultFormat: COLUMN_BASED_SET };
  }

  async function execute(op: Operation, sql: string, params: SqlValue[]): Promise<void> {
    const behaviour = options.onStatement?.(sql, params) ?? {};
    try {
      if (behaviour.delayMs) await sleep(behaviour.delayMs, undefined, { signal: op.abort.signal });
      if (behaviour.error) throw new Error(behaviour.error);
      const result =
        behaviour.result ?? (await options.backend.run(sql, params, { timeoutMs: 60_000, maxRows: 1e6 }));
      if (op.state === State.RUNNING_STATE) Object.assign(op, { result, state: State.FINISHED_STATE });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (op.state === State.RUNNING_STATE) Object.assign(op, { error: message, state: State.ERROR_STATE });
    }
  }

  const handler: Handler = {
    async OpenSession(req) {
      requests.push({ method: 'OpenSession', initialNamespace: req.initialNamespace ?? undefined });
      const sessionHandle = { sessionId: newHandle() };
      sessions.add(key(sessionHandle.sessionId));
      const serverProtocolVersion = types.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;
      return { status: SUCCESS, serverProtocolVersion, sessionHandle, configuration: {} };
    },
    async CloseSession(req) {
      requests.push({ method: 'CloseSession' });
      sessions.delete(key(req.sessionHandle.sessionId));
      return { status: SUCCESS };
    },
    async ExecuteStatement(req) {
      const parameters: Req[] = req.parameters ?? [];
      const params = parameters.map(decodeParameter);
      const queryTimeoutSeconds = req.queryTimeout == null ? 0 : Number(req.queryTimeout);
      requests.push({
        method: 'ExecuteStatement',
        statement: req.statement,
        params,
        paramTypes: parameters.map((p) => p.type ?? null),
        queryTimeoutSeconds,
        directResultsMaxRows: req.getDirectResults ? Number(req.getDirectResults.maxRows) : undefined,
        canReadArrowResult: req.canReadArrowResult ?? undefined,
        canDownloadResult: req.canDownloadResult ?? undefined,
        canDecompressLZ4Result: req.canDecompressLZ4Result ?? undefined,
      });
      const sessionKey = key(req.sessionHandle.sessionId);
      if (!sessions.has(sessionKey))
        return { status: failure(`Invalid SessionHandle: SessionHandle [${sessionKey}]`) };
      const op = {
        state: State.RUNNING_STATE,
        cursor: 0,
        startedAt: Date.now(),
        queryTimeoutMs: queryTimeoutSeconds * 1000,
        abort: new AbortController(),
      } as Operation;
      op.done = execute(op, req.statement, params);
      const wait = new AbortController();
      await Promise.race([
        op.done,
        sleep(options.directResultsWaitMs ?? 100, undefined, { signal: wait.signal }),
      ]).catch(() => {});
      wait.abort();
      // A statement that failed fast is refused at once, like a warehouse refuses a statement it cannot analyse.
      if (op.state === State.ERROR_STATE) return { status: failure(op.error ?? 'error') };
      const operationId = newHandle();
      operations.set(key(operationId), op);
      const operationHandle = { operationId, operationType: 0, hasResultSet: true };
      if (op.state !== State.FINISHED_STATE) return { status: SUCCESS, operationHandle };
      const maxRows = req.getDirectResults ? Number(req.getDirectResults.maxRows) : 0;
      const resultSet = page(op, maxRows);
      const complete = op.cursor >= (op.result?.rows.length ?? 0);
      if (complete) operations.delete(key(operationId)); // everything fitted: the server closes it itself
      const directResults = {
        operationStatus: statusOf(op),
        resultSetMetadata: metadata(op),
        resultSet: { ...resultSet, hasMoreRows: !complete },
        ...(complete ? { closeOperation: { status: SUCCESS } } : {}),
      };
      return { status: SUCCESS, operationHandle, directResults };
    },
    async GetOperationStatus(req) {
      requests.push({ method: 'GetOperationStatus' });
      const op = operations.get(key(req.operationHandle.operationId));
      return op ? statusOf(op) : { status: failure('Invalid OperationHandle') };
    },
    async GetResultSetMetadata(req) {
      requests.push({ method: 'GetResultSetMetadata' });
      const op = operations.get(key(req.operationHandle.operationId));
      return op ? metadata(op) : { status: failure('Invalid OperationHandle') };
    },
    async FetchResults(req) {
      requests.push({ method: 'FetchResults' });
      const op = operations.get(key(req.operationHandle.operationId));
      return op ? page(op, Number(req.maxRows)) : { status: failure('Invalid OperationHandle') };
    },
    async CancelOperation(req) {
      requests.push({ method: 'CancelOperation' });
      const op = operations.get(key(req.operationHandle.operationId));
      if (op && op.state === State.RUNNING_STATE) op.state = State.CANCELED_STATE;
      op?.abort.abort();
      return { status: SUCCESS };
    },
    async CloseOperation(req) {
      requests.push({ method: 'CloseOperation' });
      operations.get(key(req.operationHandle.operationId))?.abort.abort();
      operations.delete(key(req.operationHandle.operationId));
      return { status: SUCCESS };
    },
  };
  const processor = new TCLIService.Processor(handler);

  const fake: FakeDatabricks = {
    host: '127.0.0.1',
    port: 0,
    path,
    requests,
    rejected: [],
    forceHttpStatus: undefined,
    close: async () => {
      for (const op of operations.values()) op.abort.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function refuse(res: ServerResponse, status: number): void {
    fake.rejected.push(status);
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: `HTTP ${status}` }));
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (fake.forceHttpStatus) return refuse(res, fake.forceHttpStatus);
    if (req.method !== 'POST' || req.url !== path) return refuse(res, 404);
    // Databricks answers 401 without credentials and 403 for a token it does not accept.
    if (!req.headers.authorization) return refuse(res, 401);
    if (req.headers.authorization !== `Bearer ${options.token}`) return refuse(res, 403);
    const { TBufferedTransport, TBinaryProtocol } = thriftLib;
    const output = new TBinaryProtocol(
      new TBufferedTransport(undefined, (data) => {
        res.writeHead(200, { 'content-type': 'application/x-thrift' }).end(data);
      }),
    );
    TBufferedTransport.receiver((input) => processor.process(new TBinaryProtocol(input), output))(
      Buffer.concat(chunks),
    );
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  fake.port = (server.address() as AddressInfo).port;
  return fake;
}

/** A TSparkParameter as the driver sends it (value always as text) → a JS value by its declared Spark type. */
function decodeParameter(parameter: Req): SqlValue {
  const text: string | undefined = parameter.value?.stringValue ?? undefined;
  if (parameter.type == null || parameter.type === 'VOID' || text === undefined) return null; // NULL: no type, no value
  switch (parameter.type) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT':
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return Number(text);
    case 'BOOLEAN':
      return text.toUpperCase() === 'TRUE';
    case 'STRING':
    case 'DATE':
    case 'TIMESTAMP':
      return text;
    default:
      throw new Error(`fake Databricks: unsupported parameter type ${parameter.type}`);
  }
}
