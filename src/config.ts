// The one module that reads process.env. Every setting is parsed here, once, with zod; a bad configuration
// fails with every problem listed at once (not the first one only), so a newcomer fixes them in one pass.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './core/errors.js';

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const csvList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    ),
);
/** `alice=TOKEN,bob=TOKEN`: each bearer token of the MCP endpoint and the user it stands for (audit, rate limit). */
const mcpTokens = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, context) =>
      (value ?? '')
        .split(',')
        .map((pair) => pair.trim())
        .filter((pair) => pair.length > 0)
        .flatMap((pair, index) => {
          const [user = '', token = ''] = pair.split('=', 2).map((part) => part.trim());
          if (!pair.includes('=') || !/^[\w.@-]{1,64}$/.test(user) || token.length < 24 || /\s/.test(token)) {
            // Named by its position only: an entry may be a token pasted alone, and a secret is never echoed.
            context.addIssue({
              code: 'custom',
              message: `entry ${index + 1} refused: each entry is user=token (user: letters, digits, . _ @ -; token: 24+ characters without spaces)`,
            });
            return [];
          }
          return [{ user, token }];
        }),
    ),
);
/** A yes/no switch: true / 1 / yes turn it on; unset, empty, false / 0 / no leave it off. */
const onOff = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default('false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
);
const port = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional());
const positiveInt = (fallback: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(max).default(fallback));
const intInRange = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

const ianaTimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not an IANA time zone (e.g. Europe/Zurich)' },
);

export const envSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** `pretty`: one readable line per event; `json`: JSON lines; `auto` (default): pretty on a terminal only. */
  LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(['auto', 'pretty', 'json']).default('auto')),
  WAREHOUSE: z.preprocess(emptyToUndefined, z.enum(['duckdb', 'databricks']).default('duckdb')),
  DATA_PATH: z.preprocess(emptyToUndefined, z.string().default('data/marketing.csv')),
  MODEL_PATH: optionalString,
  MAPPING_PATH: optionalString,
  DUCKDB_PATH: z.preprocess(emptyToUndefined, z.string().default('.data/marketing.duckdb')),
  STATE_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/state')),
  QUERY_TIMEOUT_MS: positiveInt(15_000, 600_000),
  QUERY_MAX_ROWS: positiveInt(10_000, 1_000_000),
  DATABRICKS_SERVER_HOSTNAME: optionalString,
  DATABRICKS_HTTP_PATH: optionalString,
  DATABRICKS_ACCESS_TOKEN: optionalString,
  DATABRICKS_PORT: port,
  DATABRICKS_CATALOG: optionalString,
  DATABRICKS_SCHEMA: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  LLM_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  LLM_TIMEOUT_MS: positiveInt(10_000, 120_000),
  LLM_CONFIDENCE_THRESHOLD: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1).default(0.8)),
  MAX_QUESTION_CHARS: positiveInt(2000, 20_000),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** What a question asked in a shared channel gets there: the whole answer, a summary, or a pointer to a DM. */
  SLACK_CHANNEL_REPLY: z.preprocess(emptyToUndefined, z.enum(['full', 'summary', 'links']).default('full')),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.preprocess(
    emptyToUndefined,
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  /** Requests handed to the HTTP handlers per turn of the event loop (src/app/http/request-pacer.ts); 0 = no pacing. */
  HTTP_REQUESTS_PER_TURN: intInRange(32, 0, 10_000),
  /** A second port (same HOST) where a thread of its own answers /healthz and /livez (src/app/http/health-probe.ts),
   * never behind the requests the main thread is handling; unset or 0 = off. */
  HEALTH_PORT: intInRange(0, 0, 65535),
  CURRENCY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as CHF or EUR')
      .default('CHF'),
  ),
  TZ: z.preprocess(emptyToUndefined, ianaTimeZone.default('Europe/Zurich')),
  DIGEST_DEFAULT_TIMEZONE: z.preprocess(emptyToUndefined, ianaTimeZone.optional()),
  DIGEST_GRACE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(10_080).default(60),
  ),
  DIGEST_LEDGER_RETENTION_DAYS: positiveInt(90, 3650),
  SLACK_ALLOWED_TEAM_IDS: csvList,
  SLACK_ALLOWED_CHANNEL_IDS: csvList,
  TEAMS_ALLOWED_TENANT_IDS: csvList,
  /** Mount /api/messages without an app id, for the Bot Framework Emulator on this machine only. */
  TEAMS_EMULATOR: onOff,
  RATE_LIMIT_PER_MINUTE: intInRange(20, 0, 100_000),
  RATE_LIMIT_BURST: intInRange(10, 0, 100_000),
  ANSWER_CONCURRENCY: intInRange(4, 1, 64),
  /** Worker threads the agent answers on (src/app/agent-host.ts); 0 = on the bot's own thread. */
  AGENT_WORKERS: intInRange(0, 0, 16),
  ANSWER_QUEUE_MAX: intInRange(500, 0, 100_000),
  ANSWER_QUEUE_MAX_WAIT_MS: intInRange(30_000, 0, 3_600_000),
  WEB_RATE_LIMIT_PER_ADDRESS: intInRange(30, 0, 100_000),
  WEB_RATE_LIMIT_GLOBAL: intInRange(300, 0, 1_000_000),
  AUDIT_RETENTION_DAYS: positiveInt(90, 3650),
  AUDIT_MAX_ENTRIES: intInRange(20_000, 100, 1_000_000),
  AUDIT_QUESTION_CHARS: intInRange(500, 0, 2000),
  /** Audit entries per JSON-lines file before it is rotated (files kept: enough for AUDIT_MAX_ENTRIES, plus one). */
  AUDIT_ROTATE_ENTRIES: intInRange(5000, 100, 1_000_000),
  /** Rendered charts kept in memory for their signed URLs, in MB (least recently used evicted first). */
  CHART_STORE_MAX_MB: intInRange(64, 1, 4096),
  /** An idle chart worker thread exits after this many ms (it holds ~100–150 MB while it lives). */
  CHART_WORKER_IDLE_MS: intInRange(10_000, 100, 3_600_000),
  /** Conversations whose memory stays in RAM; the others are read back from STATE_DIR/conversations when needed. */
  CONVERSATIONS_IN_MEMORY: intInRange(500, 1, 100_000),
  /** Conversations kept on disk (the least recently used files are removed beyond). */
  CONVERSATIONS_MAX: intInRange(50_000, 1, 10_000_000),
  /** DuckDB's memory cap (its own syntax: `256MB`, `1GB`) and worker threads: the embedded warehouse shares the
   * bot's process, and DuckDB's defaults (80 % of RAM, one thread per core) are sized for a database server. */
  DUCKDB_MEMORY_LIMIT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+(?:\.\d+)?\s*(?:KB|MB|GB|KiB|MiB|GiB)$/i, 'a size such as 256MB or 1GB')
      .default('512MB'),
  ),
  DUCKDB_THREADS: intInRange(2, 1, 256),
  /** Nice value (0–19) of the bot's threads other than the main one: the chart, training, segmentation and agent
   * workers, and once the server listens V8's, libuv's and DuckDB's helper threads. Higher = they yield the cores to
   * the main thread, which serves /healthz, Slack acks and HTTP. 0 = same as the main thread. Linux only (one thread
   * at a time); elsewhere left as is. */
  BACKGROUND_THREAD_NICE: intInRange(10, 0, 19),
  /** How far V8 grows the heap past the live data before collecting, in % (0 = V8's default, up to 300 %). */
  HEAP_GROWING_PERCENT: intInRange(30, 0, 1000),
  MCP_TOKENS: mcpTokens,
  MCP_DISABLED_USERS: csvList,
});

/**
 * Checks that span several settings. They read the raw environment, not the parsed one, so they are reported
 * even when another setting is invalid (zod skips object refinements once a field fails).
 */
function crossFieldProblems(source: NodeJS.ProcessEnv): string[] {
  const set = (key: string) => (source[key] ?? '').trim() !== '';
  const value = (key: string) => (source[key] ?? '').trim();
  const problems: string[] = [];
  if (value('WAREHOUSE') === 'databricks') {
    for (const key of ['DATABRICKS_SERVER_HOSTNAME', 'DATABRICKS_HTTP_PATH', 'DATABRICKS_ACCESS_TOKEN']) {
      if (!set(key)) problems.push(`${key}: required when WAREHOUSE=databricks`);
    }
  }
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
    problems.push(
      'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  const appType = value('MICROSOFT_APP_TYPE') || 'MultiTenant';
  if (set('MICROSOFT_APP_ID') && appType !== 'UserAssignedMSI' && !set('MICROSOFT_APP_PASSWORD')) {
    problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID');
  }
  if (set('MICROSOFT_APP_ID') && appType === 'SingleTenant' && !set('MICROSOFT_APP_TENANT_ID')) {
    problems.push('MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE=SingleTenant');
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  logFormat: Env['LOG_FORMAT'];
  warehouse: WarehouseConfig;
  stateDir: string;
  llm:
    | { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number; confidenceThreshold: number }
    | undefined;
  maxQuestionChars: number;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    allowedTeamIds: string[];
    allowedChannelIds: string[];
    channelReply: 'full' | 'summary' | 'links';
  };
  teams: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: Env['MICROSOFT_APP_TYPE'];
    allowedTenantIds: string[];
    /** Without an app id, Teams is mounted only when asked for (the Emulator, loopback only). */
    emulator: boolean;
  };
  http: {
    port: number;
    host: string;
    publicBaseUrl?: string;
    requestsPerTurn: number;
    /** The health probe's own port (a thread of its own), 0 = off. */
    healthPort: number;
  };
  currency: string;
  timeZone: string;
  digests: { defaultTimezone: string; graceMinutes: number; ledgerRetentionDays: number };
  /** Questions per user: `perMinute` (0 = no limit) plus `burst` extra questions per 10 minutes. */
  rateLimit: { perMinute: number; burst: number };
  /** Questions answered at once (the rest wait in line, in order) and how many may wait before « trop de monde ». */
  answerQueue: { concurrency: number; maxWaiting: number; maxWaitMs: number };
  /** Worker threads the agent answers on; 0 = the bot's own thread. */
  agentWorkers: number;
  /** POST /api/ask per minute: per client address and for all clients together (0 = no limit). */
  webRateLimit: { perAddressPerMinute: number; globalPerMinute: number };
  /** The audit log (STATE_DIR/audit.json): retention, hard cap, characters of the question kept (0 = none). */
  audit: { retentionDays: number; maxEntries: number; questionChars: number; rotateEntries: number };
  /** Rendered charts kept for their URLs: a byte bound, not a count. */
  chartStore: { maxBytes: number };
  /** The chart worker thread: how long it stays alive after its last chart. */
  chartWorker: { idleTimeoutMs: number };
  /** Conversation memory: how many stay in RAM, how many on disk. */
  conversations: { inMemory: number; max: number };
  /** V8's heap growing factor in % (0 = V8's default). */
  heapGrowingPercent: number;
  /** Nice value of the threads other than the main one (workers, helper threads), 0 = the main thread's; Linux only. */
  backgroundThreadNice: number;
  /** The MCP endpoint at /mcp: on only when tokens are set; a disabled user's token is refused. */
  mcp: { tokens: { user: string; token: string }[]; disabledUsers: string[] };
}

export interface WarehouseConfig {
  kind: 'duckdb' | 'databricks';
  dataPath: string;
  /** The semantic model (YAML/JSON); without it (and without a mapping) the model is inferred from the file. */
  modelPath?: string;
  /** The old rename-only column mapping, converted to a model (MODEL_PATH wins when both are set). */
  mappingPath?: string;
  duckdbPath: string;
  /** DuckDB's `memory_limit` and `threads` (embedded warehouse only). */
  duckdbMemoryLimit: string;
  duckdbThreads: number;
  queryTimeoutMs: number;
  maxRows: number;
  databricks?: {
    host: string;
    path: string;
    token: string;
    port?: number;
    catalog?: string;
    schema?: string;
  };
}

/** Parses a whole environment (process.env by default) into the typed Config, or throws CONFIG_INVALID listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const parsed = envSchema.safeParse(source);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)),
    ...crossFieldProblems(source),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    warehouse: {
      kind: env.WAREHOUSE,
      dataPath: env.DATA_PATH,
      modelPath: env.MODEL_PATH,
      mappingPath: env.MAPPING_PATH,
      duckdbPath: env.DUCKDB_PATH,
      duckdbMemoryLimit: env.DUCKDB_MEMORY_LIMIT,
      duckdbThreads: env.DUCKDB_THREADS,
      queryTimeoutMs: env.QUERY_TIMEOUT_MS,
      maxRows: env.QUERY_MAX_ROWS,
      databricks:
        env.DATABRICKS_SERVER_HOSTNAME && env.DATABRICKS_HTTP_PATH && env.DATABRICKS_ACCESS_TOKEN
          ? {
              host: env.DATABRICKS_SERVER_HOSTNAME,
              path: env.DATABRICKS_HTTP_PATH,
              token: env.DATABRICKS_ACCESS_TOKEN,
              port: env.DATABRICKS_PORT,
              catalog: env.DATABRICKS_CATALOG,
              schema: env.DATABRICKS_SCHEMA,
            }
          : undefined,
    },
    stateDir: env.STATE_DIR,
    llm: env.OPENAI_API_KEY
      ? {
          apiKey: env.OPENAI_API_KEY,
          baseUrl: env.OPENAI_BASE_URL,
          model: env.LLM_MODEL,
          timeoutMs: env.LLM_TIMEOUT_MS,
          confidenceThreshold: env.LLM_CONFIDENCE_THRESHOLD,
        }
      : undefined,
    maxQuestionChars: env.MAX_QUESTION_CHARS,
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      allowedTeamIds: env.SLACK_ALLOWED_TEAM_IDS,
      allowedChannelIds: env.SLACK_ALLOWED_CHANNEL_IDS,
      channelReply: env.SLACK_CHANNEL_REPLY,
    },
    teams: {
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      tenantId: env.MICROSOFT_APP_TENANT_ID,
      appType: env.MICROSOFT_APP_TYPE,
      allowedTenantIds: env.TEAMS_ALLOWED_TENANT_IDS,
      emulator: env.TEAMS_EMULATOR,
    },
    http: {
      port: env.PORT,
      host: env.HOST,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      requestsPerTurn: env.HTTP_REQUESTS_PER_TURN,
      healthPort: env.HEALTH_PORT,
    },
    currency: env.CURRENCY,
    timeZone: env.TZ,
    digests: {
      defaultTimezone: env.DIGEST_DEFAULT_TIMEZONE ?? env.TZ,
      graceMinutes: env.DIGEST_GRACE_MINUTES,
      ledgerRetentionDays: env.DIGEST_LEDGER_RETENTION_DAYS,
    },
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, burst: env.RATE_LIMIT_BURST },
    answerQueue: {
      concurrency: env.ANSWER_CONCURRENCY,
      maxWaiting: env.ANSWER_QUEUE_MAX,
      maxWaitMs: env.ANSWER_QUEUE_MAX_WAIT_MS,
    },
    agentWorkers: env.AGENT_WORKERS,
    webRateLimit: {
      perAddressPerMinute: env.WEB_RATE_LIMIT_PER_ADDRESS,
      globalPerMinute: env.WEB_RATE_LIMIT_GLOBAL,
    },
    audit: {
      retentionDays: env.AUDIT_RETENTION_DAYS,
      maxEntries: env.AUDIT_MAX_ENTRIES,
      questionChars: env.AUDIT_QUESTION_CHARS,
      rotateEntries: env.AUDIT_ROTATE_ENTRIES,
    },
    chartStore: { maxBytes: env.CHART_STORE_MAX_MB * 1024 * 1024 },
    chartWorker: { idleTimeoutMs: env.CHART_WORKER_IDLE_MS },
    conversations: { inMemory: env.CONVERSATIONS_IN_MEMORY, max: env.CONVERSATIONS_MAX },
    heapGrowingPercent: env.HEAP_GROWING_PERCENT,
    backgroundThreadNice: env.BACKGROUND_THREAD_NICE,
    mcp: { tokens: env.MCP_TOKENS, disabledUsers: env.MCP_DISABLED_USERS },
  };
}

/** process.env, plus a `.env` file in the working directory when there is one (real environment wins). */
function readProcessEnv(): NodeJS.ProcessEnv {
  const dotenv = resolve('.env');
  if (existsSync(dotenv) && process.env.NODE_ENV !== 'test') process.loadEnvFile(dotenv);
  return process.env;
}

/**
 * Points fontconfig (which sharp/librsvg use to draw chart text) at the charts' bundled font config, unless the
 * operator set FONTCONFIG_FILE. fontconfig reads this variable from the real environment when it first loads, so
 * charts/ calls this before its first render; it lives here because only this module touches process.env.
 */
export function useBundledFontconfig(path: string): void {
  if (!process.env.FONTCONFIG_FILE) process.env.FONTCONFIG_FILE = path;
}
