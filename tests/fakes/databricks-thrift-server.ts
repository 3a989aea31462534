// A local Databricks SQL endpoint for tests: the driver's own generated TCLIService processor behind plain
// HTTP (THttpConnection, binary protocol), running every statement on a backend SqlDriver (DuckDB in tests).
// It answers like a SQL warehouse: protocol V8 (below V8 the driver silently drops parameters), direct results
// for fast statements, polling for slow ones, columnar TRowSets in pages, and an empty page to end a fetch.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { thrift as generated } from '@databricks/sql';
import type { Column, QueryResult, Row, SqlDriver, SqlValue } from '../../src/warehouse/port.js';

// `thrift` ships no types and the generated TCLIService .d.ts exports nothing usable: describe what we touch.
interface ThriftLib {
  TBufferedTransport: {
    new (buffer: Buffer | undefined, onFlush: (data: Buffer) => void): unknown;
    receiver(callback: (transport: unknown) => void): (data: Buffer) => void;
  };
  TBinaryProtocol: new (transport: unknown) => unknown;
}
// biome-ignore lint/suspicious/noExplicitAny: Thrift request structs are untyped here.
type Req = any;
type Handler = Record<string, (req: Req) => Promise<object>>;
type Method = (req: Req, record: FakeRequest) => Promise<object> | object;
type TypeName =
  `${'STRING' | 'INT' | 'BIGINT' | 'DOUBLE' | 'DECIMAL' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP'}_TYPE`;
type StateName = `${'RUNNING' | 'FINISHED' | 'CANCELED' | 'ERROR'}_STATE`;
interface Generated {
  TCLIService: { Processor: new (handler: Handler) => { process(input: unknown, output: unknown): void } };
  TCLIService_types: {
    TTypeId: Record<TypeName, number>;
    TStatusCode: Record<'SUCCESS_STATUS' | 'ERROR_STATUS', number>;
    TOperationState: Record<StateName, number>;
    TProtocolVersion: Record<'SPARK_CLI_SERVICE_PROTOCOL_V8', number>;
  };
}

const thriftLib = createRequire(import.meta.url)('thrift') as ThriftLib;
const { TCLIService, TCLIService_types: types } = generated as unknown as Generated;
const { TTypeId, TStatusCode, TOperationState: State } = types;
const SUCCESS = { statusCode: TStatusCode.SUCCESS_STATUS };
const COLUMN_BASED_SET = 1; // TSparkRowSetType

/** What a test wants a statement to do instead of (or before) running on the backend. */
export interface StatementBehaviour {
  /** Wait this long first (cancellable): exercises polling and timeouts. */
  delayMs?: number;
  /** Fail with this SQL error message. */
  error?: string;
  /** Answer this instead of running (values DuckDB cannot produce: NaN, BIGINT beyond 2^53). */
  result?: QueryResult;
}

export interface FakeDatabricksOptions {
  backend: SqlDriver;
  token: string;
  /** Listen here (to restart a server where a client expects it); a random port by default. */
  port?: number;
  /** Rows per FetchResults / direct-results page (small values exercise paging). Default 1000. */
  pageSize?: number;
  /** How long ExecuteStatement waits for the statement before answering "running". Default 100 ms. */
  directResultsWaitMs?: number;
  /** Wire types: Databricks returns DECIMAL for many numeric expressions and INT for int literals. */
  doubleAs?: 'DOUBLE' | 'DECIMAL';
  integerAs?: 'BIGINT' | 'INT';
  onStatement?: (sql: string, params: SqlValue[]) => StatementBehaviour | undefined;
}

/** One Thrift call as received (ExecuteStatement carries what the driver put on the wire). */
export interface FakeRequest {
  method: string;
  statement?: string;
  params?: SqlValue[];
  /** Declared Spark types of the parameters (null: a NULL parameter has no type). */
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
  /** HTTP statuses of the requests refused before Thrift (bad token, forced failures). */
  rejected: number[];
  /** When set, every HTTP request gets this status (e.g. 503) before any Thrift processing. */
  forceHttpStatus: number | undefined;
  /** Forgets every session, as a warehouse does when sessions expire ("Invalid SessionHandle"). */
  expireSessions(): void;
  close(): Promise<void>;
}

interface Operation {
  state: number;
  result?: QueryResult;
  error?: string;
  cursor: number;
  abort: AbortController;
}

export async function startFakeDatabricks(options: FakeDatabricksOptions): Promise<FakeDatabricks> {
  const path = '/sql/1.0/warehouses/fake';
  const pageSize = options.pageSize ?? 1000;
  const sessions = new Set<string>();
  const operations = new Map<string, Operation>();
  const requests: FakeRequest[] = [];
  const key = (handle: Req): string => Buffer.from(handle?.guid ?? []).toString('hex');
  // Real UUID bytes: the driver prints handle guids with uuid.stringify(), which rejects random bytes.
  const uuidBytes = () => Buffer.from(randomUUID().replaceAll('-', ''), 'hex');
  const newHandle = () => ({ guid: uuidBytes(), secret: uuidBytes() });
  const failure = (errorMessage: string) => ({
    status: { statusCode: TStatusCode.ERROR_STATUS, errorMessage, sqlState: '42000' },
  });

  function statusOf(op: Operation) {
    const error = op.state === State.ERROR_STATE ? { errorMessage: op.error, displayMessage: op.error } : {};
    return { status: SUCCESS, operationState: op.state, hasResultSet: true, ...error };
  }

  function page(op: Operation, maxRows: number) {
    const { columns, rows: all } = op.result ?? { columns: [], rows: [] };
    const rows = all.slice(op.cursor, op.cursor + Math.min(maxRows, pageSize));
    const results = { startRowOffset: op.cursor, rows: [], columns: columns.map((c) => encode(c, rows)) };
    op.cursor += rows.length;
    // A page of rows keeps the fetch going; the empty page after the last one ends it (hasMoreRows false).
    return { status: SUCCESS, hasMoreRows: rows.length > 0 && op.cursor < all.length, results };
  }

  /** One TColumn: values plus a null bitmap (bit i%8 of byte i/8), with a placeholder where NULL. */
  function encode(column: Column, rows: Row[]) {
    const nulls = Buffer.alloc(Math.ceil(rows.length / 8));
    const cells = rows.map((row, i) => {
      const value = row[column.name] ?? null;
      if (value === null) nulls[i >> 3]! |= 1 << (i & 7);
      return value;
    });
    const of = <T>(convert: (v: string | number | boolean) => T, empty: T) => ({
      values: cells.map((v) => (v === null ? empty : convert(v))),
      nulls,
    });
    switch (column.type) {
      case 'integer':
        return options.integerAs === 'INT' ? { i32Val: of(Number, 0) } : { i64Val: of(Number, 0) };
      case 'double':
        return options.doubleAs === 'DECIMAL' ? { stringVal: of(String, '') } : { doubleVal: of(Number, 0) };
      case 'boolean':
        return { boolVal: of(Boolean, false) };
      case 'timestamp':
        return { stringVal: of(sparkTimestamp, '') };
      default: // string, and DATE as 'YYYY-MM-DD' text, as Spark sends them
        return { stringVal: of(String, '') };
    }
  }

  function metadata(op: Operation) {
    const ids = {
      string: TTypeId.STRING_TYPE,
      integer: options.integerAs === 'INT' ? TTypeId.INT_TYPE : TTypeId.BIGINT_TYPE,
      double: options.doubleAs === 'DECIMAL' ? TTypeId.DECIMAL_TYPE : TTypeId.DOUBLE_TYPE,
      boolean: TTypeId.BOOLEAN_TYPE,
      date: TTypeId.DATE_TYPE,
      timestamp: TTypeId.TIMESTAMP_TYPE,
    };
    const columns = (op.result?.columns ?? []).map((column, index) => ({
      columnName: column.name,
      position: index + 1,
      typeDesc: { types: [{ primitiveEntry: { type: ids[column.type] } }] },
    }));
    return { status: SUCCESS, schema: { columns }, resultFormat: COLUMN_BASED_SET };
  }

  async function execute(op: Operation, sql: string, params: SqlValue[]): Promise<void> {
    const behaviour = options.onStatement?.(sql, params) ?? {};
    try {
      if (behaviour.delayMs) await sleep(behaviour.delayMs, undefined, { signal: op.abort.signal });
      if (behaviour.error) throw new Error(behaviour.error);
      const run = () => options.backend.run(sql, params, { timeoutMs: 60_000, maxRows: 1_000_000 });
      const result = behaviour.result ?? (await run());
      if (op.state === State.RUNNING_STATE) Object.assign(op, { result, state: State.FINISHED_STATE });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (op.state === State.RUNNING_STATE) Object.assign(op, { error: message, state: State.ERROR_STATE });
    }
  }

  const withOperation = (answer: (op: Operation, req: Req) => object): Method => {
    return (req) => {
      const op = operations.get(key(req.operationHandle.operationId));
      return op ? answer(op, req) : failure('Invalid OperationHandle');
    };
  };
  const methods: Record<string, Method> = {
    OpenSession(req, record) {
      record.initialNamespace = req.initialNamespace ?? undefined;
      const sessionHandle = { sessionId: newHandle() };
      sessions.add(key(sessionHandle.sessionId));
      const serverProtocolVersion = types.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;
      return { status: SUCCESS, serverProtocolVersion, sessionHandle, configuration: {} };
    },
    CloseSession(req) {
      sessions.delete(key(req.sessionHandle.sessionId));
      return { status: SUCCESS };
    },
    async ExecuteStatement(req, record) {
      const parameters: Req[] = req.parameters ?? [];
      const params = parameters.map(decodeParameter);
      const maxRows = req.getDirectResults ? Number(req.getDirectResults.maxRows) : undefined;
      Object.assign(record, {
        statement: req.statement,
        params,
        paramTypes: parameters.map((p) => p.type ?? null),
        queryTimeoutSeconds: req.queryTimeout == null ? undefined : Number(req.queryTimeout), // recorded only
        directResultsMaxRows: maxRows,
        canReadArrowResult: req.canReadArrowResult ?? undefined,
        canDownloadResult: req.canDownloadResult ?? undefined,
        canDecompressLZ4Result: req.canDecompressLZ4Result ?? undefined,
      });
      const sessionKey = key(req.sessionHandle.sessionId);
      if (!sessions.has(sessionKey)) return failure(`Invalid SessionHandle: SessionHandle [${sessionKey}]`);
      const op: Operation = { state: State.RUNNING_STATE, cursor: 0, abort: new AbortController() };
      const waited = new AbortController();
      const patience = sleep(options.directResultsWaitMs ?? 100, undefined, { signal: waited.signal });
      await Promise.race([execute(op, req.statement, params), patience]).catch(() => undefined);
      waited.abort();
      // A statement that failed fast is refused at once, as a warehouse refuses one it cannot analyse.
      if (op.state === State.ERROR_STATE) return failure(op.error ?? 'error');
      const operationId = newHandle();
      operations.set(key(operationId), op);
      const operationHandle = { operationId, operationType: 0, hasResultSet: true }; // EXECUTE_STATEMENT
      if (op.state !== State.FINISHED_STATE) return { status: SUCCESS, operationHandle };
      const resultSet = page(op, maxRows ?? pageSize);
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
    GetOperationStatus: withOperation(statusOf),
    GetResultSetMetadata: withOperation(metadata),
    FetchResults: withOperation((op, req) => page(op, Number(req.maxRows))),
    CancelOperation: withOperation((op) => {
      if (op.state === State.RUNNING_STATE) op.state = State.CANCELED_STATE;
      op.abort.abort();
      return { status: SUCCESS };
    }),
    CloseOperation: withOperation((op, req) => {
      op.abort.abort();
      operations.delete(key(req.operationHandle.operationId));
      return { status: SUCCESS };
    }),
  };
  // Every call is recorded; the generated Processor awaits a handler's promise when it takes one argument.
  const handler: Handler = {};
  for (const [method, answer] of Object.entries(methods)) {
    handler[method] = async (req) => {
      const record: FakeRequest = { method };
      requests.push(record);
      return answer(req, record);
    };
  }
  const processor = new TCLIService.Processor(handler);

  const fake: FakeDatabricks = {
    host: '127.0.0.1',
    port: 0,
    path,
    requests,
    rejected: [],
    forceHttpStatus: undefined,
    expireSessions: () => sessions.clear(),
    close: async () => {
      for (const op of operations.values()) op.abort.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Databricks answers 401 without credentials and 403 for a token it does not accept.
    const auth = req.headers.authorization;
    const refusal = fake.forceHttpStatus ?? (req.method !== 'POST' || req.url !== path ? 404 : undefined);
    const status = refusal ?? (!auth ? 401 : auth !== `Bearer ${options.token}` ? 403 : undefined);
    if (status) {
      fake.rejected.push(status);
      res.writeHead(status, { 'content-type': 'application/json' }).end(`{"error":"HTTP ${status}"}`);
      return;
    }
    const { TBufferedTransport, TBinaryProtocol } = thriftLib;
    const reply = (data: Buffer) => res.writeHead(200, { 'content-type': 'application/x-thrift' }).end(data);
    const output = new TBinaryProtocol(new TBufferedTransport(undefined, reply));
    const receive = TBufferedTransport.receiver((input) =>
      processor.process(new TBinaryProtocol(input), output),
    );
    receive(Buffer.concat(chunks));
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

/** Spark's text form of a TIMESTAMP in a UTC session: '2021-02-01 10:00:00' or '2021-02-01 10:00:00.25'. */
function sparkTimestamp(value: string | number | boolean): string {
  const [date, time = ''] = String(value).replace(/Z$/, '').split('T');
  const [whole, fraction = ''] = time.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${date} ${whole}${trimmed ? `.${trimmed}` : ''}`;
}

/** A TSparkParameter as the driver sends it (the value always as text) → a JS value by its declared type. */
function decodeParameter(parameter: Req): SqlValue {
  const type: string | undefined = parameter.type ?? undefined;
  const text: string | undefined = parameter.value?.stringValue ?? undefined;
  if (type === undefined || type === 'VOID' || text === undefined) return null; // NULL: neither type nor value
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|FLOAT|DOUBLE|DECIMAL)$/.test(type)) return Number(text);
  if (type === 'BOOLEAN') return text.toUpperCase() === 'TRUE';
  if (/^(STRING|DATE|TIMESTAMP|TIMESTAMP_NTZ)$/.test(type)) return text;
  throw new Error(`fake Databricks: unsupported parameter type ${type}`);
}
