// Shared by the fuzz tests: a sample warehouse whose DuckDB driver and Warehouse facade record every statement,
// the allowlist of SQL the named query builders can produce, a log capture, the hostile-text arbitraries and
// the invariants every user-facing reply must hold.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { ToolContext } from '../../src/analysis/tools/types.js';
import type { Answer } from '../../src/core/answer.js';
import { createLogger, type Logger, silentLogger } from '../../src/core/logger.js';
import { METRICS } from '../../src/core/metrics.js';
import { createMlService } from '../../src/ml/service.js';
import { createCatalogProvider } from '../../src/warehouse/catalog.js';
import { createDuckDbDriver } from '../../src/warehouse/duckdb.js';
import { guardStatement, type Statement } from '../../src/warehouse/guard.js';
import { buildKpiTables } from '../../src/warehouse/kpi.js';
import { loadMarketingData } from '../../src/warehouse/loader.js';
import { IDENTITY_MAPPING } from '../../src/warehouse/mapping.js';
import { COMPARATORS, metricQueryStatement } from '../../src/warehouse/metric-query.js';
import { mlCampaignKpisQuery, mlTotalsQuery, mlTrainingRowsQuery } from '../../src/warehouse/ml-queries.js';
import type { SqlDriver, SqlValue } from '../../src/warehouse/port.js';
import {
  aggregateQuery,
  catalogCategoriesQuery,
  catalogFactsQuery,
  catalogPageQuery,
  DIMENSIONS,
  DIRECTIONS,
  dailyShapeQuery,
  describeCampaignQuery,
  type Filters,
  GRAINS,
  kpiTableQuery,
  kpiTrendQuery,
  rankCampaignsQuery,
  underperformingQuery,
} from '../../src/warehouse/queries.js';
import { createWarehouse, type Warehouse } from '../../src/warehouse/warehouse.js';
import { SAMPLE_CSV, TEST_LIMITS } from '../fixtures/sample-warehouse.js';
import {
  NUMBERS_OUT_OF_RANGE,
  ODD_UNICODE,
  PROMPT_INJECTIONS,
  REAL_QUESTIONS,
  SQL_INJECTIONS,
  UNKNOWN_NAMES,
} from './corpus.js';

/** The fixed seed of every generator: a failure prints its counterexample and replays identically. */
export const FUZZ_SEED = 20261124;

/** `FUZZ_RUNS=<n>` multiplies the bounded default counts (a larger run: `FUZZ_RUNS=10 npm test -- tests/fuzz`). */
export function runs(base: number): number {
  const factor = Number(process.env.FUZZ_RUNS ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/**
 * A jest timeout for a fuzz test: a hang detector, not a speed bound (`npm test` must pass on a slow, busy machine;
 * speed is measured in `npm run bench`). Ten minutes for the bounded run, scaled like the counts.
 */
export function fuzzTimeout(baseMs = 600_000): number {
  return Math.max(baseMs, runs(baseMs));
}

// ---------------------------------------------------------------------------------------------------------
// The allowlist: every SQL text the named query builders can produce (identifiers come from enums, values are
// `?` parameters, so the text depends only on the enum values and on which optional filters are present).

function filterVariants(): Filters[] {
  const out: Filters[] = [];
  for (let mask = 0; mask < 16; mask++) {
    out.push({
      ...(mask & 1 ? { category: 'c' } : {}),
      ...(mask & 2 ? { campaignName: 'n' } : {}),
      ...(mask & 4 ? { dateFrom: '2021-02-01' } : {}),
      ...(mask & 8 ? { dateTo: '2021-02-28' } : {}),
    });
  }
  return out;
}

function allowedStatements(): Statement[] {
  const out: Statement[] = [
    catalogPageQuery({ after: null, limit: 10 }),
    catalogPageQuery({ after: 'x', limit: 10 }),
    catalogFactsQuery(),
    catalogCategoriesQuery(),
    dailyShapeQuery(),
    kpiTableQuery(),
    mlCampaignKpisQuery({ limit: 1 }),
  ];
  for (const filters of filterVariants()) {
    for (const metric of METRICS) {
      for (const direction of DIRECTIONS)
        out.push(rankCampaignsQuery({ ...filters, metric, direction, limit: 5 }));
      for (const grain of GRAINS) out.push(kpiTrendQuery({ ...filters, metric, grain }));
    }
    out.push(underperformingQuery({ ...filters, roiThreshold: 0, limit: 10 }));
    for (const groupBy of DIMENSIONS) out.push(aggregateQuery({ ...filters, groupBy }));
    out.push(describeCampaignQuery({ ...filters, campaignName: 'n' }));
  }
  for (const category of [undefined, 'c']) {
    out.push(mlTrainingRowsQuery({ category, limit: 1 }), mlTotalsQuery({ category }));
  }
  return out;
}

// The metric query is compiled from enums and the data's dimensions, so its texts are too many to list: its words
// must all come from the compiler's own vocabulary (every clause, grain, comparator and order compiled once below),
// its only string literals the time buckets', and every value a `?`.
const METRIC_QUERY_VOCABULARY = new Set(
  GRAINS.flatMap((grain) =>
    COMPARATORS.flatMap((op) =>
      (['asc', 'desc'] as const).map(
        (order) =>
          metricQueryStatement(
            {
              groupBy: ['campaign_name', 'category'],
              grain,
              filters: [
                { dimension: 'campaign_name', values: ['a', 'b'] },
                { dimension: 'category', values: ['c'] },
              ],
              prefixes: [{ dimension: 'campaign_name', prefix: 'p' }],
              thresholds: METRICS.map((metric) => ({ metric, op, value: 0 })),
              dateFrom: '2021-02-01',
              dateTo: '2021-02-28',
              orderBy: { metric: 'roi', order },
              limit: 5,
            },
            new Set(['campaign_name', 'category']),
          ).sql,
      ),
    ),
  ).flatMap((sql) => [...sql.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((match) => match[0].toLowerCase())),
);

/** Whether `sql` is a text the metric query compiler can write (see METRIC_QUERY_VOCABULARY). */
export function isMetricQuerySql(sql: string): boolean {
  const literals = [...sql.matchAll(/'([^']*)'/g)].map((match) => match[1]);
  if (literals.some((literal) => literal !== 'week' && literal !== 'month')) return false;
  const words = [...sql.replace(/'[^']*'/g, '').matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((match) =>
    match[0].toLowerCase(),
  );
  return (
    sql.startsWith('WITH grouped AS (SELECT ') && words.every((word) => METRIC_QUERY_VOCABULARY.has(word))
  );
}

const ALLOWED = allowedStatements();
export const ALLOWED_NAMES = new Set([...ALLOWED.map((statement) => statement.name), 'query_metrics']);
/** SQL text → the statement name that produces it. */
export const ALLOWED_SQL = new Map(ALLOWED.map((statement) => [statement.sql, statement.name]));

// ---------------------------------------------------------------------------------------------------------
// The recording warehouse.

export interface DriverCall {
  sql: string;
  params: readonly SqlValue[];
}

export interface RecordingSample {
  context: ToolContext;
  /** Every statement the driver received after the setup (load + KPI build). */
  driverCalls: DriverCall[];
  /** Every statement handed to `warehouse.select` / `warehouse.maintain` after the setup. */
  selects: Statement[];
  maintains: Statement[];
  /** Problems found in the recorded statements (empty when every one is allowlisted and passes the guard). */
  statementProblems(): string[];
  close(): Promise<void>;
}

export async function openRecordingSample(options: { ml?: boolean } = {}): Promise<RecordingSample> {
  const real = await createDuckDbDriver({ path: ':memory:' });
  let recording = false;
  const driverCalls: DriverCall[] = [];
  const driver: SqlDriver = {
    kind: real.kind,
    run(sql, params, runOptions) {
      if (recording) driverCalls.push({ sql, params: [...params] });
      return real.run(sql, params, runOptions);
    },
    close: () => real.close(),
  };
  const inner = createWarehouse(driver, TEST_LIMITS, { logger: silentLogger() });
  await loadMarketingData(inner, SAMPLE_CSV, IDENTITY_MAPPING);
  await buildKpiTables(inner);
  const selects: Statement[] = [];
  const maintains: Statement[] = [];
  const warehouse: Warehouse = {
    kind: inner.kind,
    select(statement) {
      selects.push({ ...statement, params: [...statement.params] });
      return inner.select(statement);
    },
    maintain(statement) {
      maintains.push({ ...statement, params: [...statement.params] });
      return inner.maintain(statement);
    },
    close: () => inner.close(),
  };
  const catalog = createCatalogProvider(warehouse);
  const context: ToolContext = { warehouse, catalog, currency: 'CHF' };
  if (options.ml !== false) {
    context.ml = createMlService({ maxTrainingRows: 10_000, currency: 'CHF' }, { warehouse, catalog });
  }
  recording = true;

  function statementProblems(): string[] {
    const problems: string[] = [];
    if (maintains.length > 0) problems.push(`${maintains.length} maintenance statements after the setup`);
    for (const statement of selects) {
      if (!ALLOWED_NAMES.has(statement.name)) problems.push(`select of unknown name ${statement.name}`);
    }
    for (const call of driverCalls) {
      const name = ALLOWED_SQL.get(call.sql) ?? (isMetricQuerySql(call.sql) ? 'query_metrics' : undefined);
      if (!name) {
        problems.push(`driver got SQL outside the allowlist: ${call.sql.slice(0, 200)}`);
        continue;
      }
      try {
        guardStatement({ name, sql: call.sql, params: call.params }, 'read', TEST_LIMITS);
      } catch (error) {
        problems.push(`driver got a statement the guard refuses: ${String(error)}`);
      }
      if (!selects.some((statement) => statement.sql === call.sql && statement.name === name))
        problems.push(`driver got ${name} that never went through warehouse.select`);
    }
    return problems;
  }

  return {
    context,
    driverCalls,
    selects,
    maintains,
    statementProblems,
    close: () => inner.close(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Log capture.

export interface LogCapture {
  logger: Logger;
  lines: string[];
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

// ---------------------------------------------------------------------------------------------------------
// Invariants.

export const SECRET = 'sk-fuzz-SECRET';

/** Stack frames, error class prefixes, source locations. */
const STACK_PATTERNS: [string, RegExp][] = [
  ['stack frame', /(^|\n)\s*at \S/],
  ['source location', /\.(ts|js|mjs|cjs):\d+/],
  ['error prefix', /\b(Error|TypeError|RangeError|SyntaxError|ReferenceError|AppError|ZodError):/],
  ['node_modules path', /node_modules\//],
];

/** Fragments of the bot's own SQL or of engine errors: a reply containing one leaked a statement or an error. */
const SQL_LEAK_PATTERNS: [string, RegExp][] = [
  ['table name', /marketing_(kpi|clean|kpi_daily)|_marketing_stage/i],
  [
    'SQL clause',
    /\b(SELECT\s+\S+.*\bFROM|GROUP BY|ORDER BY|NULLS LAST|LIMIT \?|CAST\(|NULLIF\(|lower\(category\))/i,
  ],
  ['guard message', /SQL guard|SQL_REJECTED|parameter markers/i],
  ['engine error', /(Binder|Catalog|Parser|Conversion|Invalid Input) Error|DuckDB|duckdb/],
  ['broken value', /\b(NaN|Infinity|undefined)\b|\[object Object\]/],
];

/**
 * The user-facing strings of an Answer (what the platforms show as text). Actions of kind show_sql carry the
 * SQL on purpose and are left out.
 */
export function userFacing(answer: Answer): string[] {
  const out = [answer.text, ...answer.recommendations, ...answer.followUps];
  for (const block of answer.blocks) {
    if (block.type === 'text' || block.type === 'notice') out.push(block.text);
    if (block.type === 'facts') out.push(...block.facts.map((fact) => `${fact.label} ${fact.value}`));
  }
  for (const chart of answer.charts) out.push(chart.title, chart.alt);
  return out;
}

/** Problems of one reply text: a pattern is a problem only when the question did not bring it itself. */
export function textProblems(text: string, question: string): string[] {
  const problems: string[] = [];
  if (text.includes(SECRET)) problems.push('secret in reply');
  for (const [label, pattern] of [...STACK_PATTERNS, ...SQL_LEAK_PATTERNS]) {
    if (pattern.test(text) && !pattern.test(question))
      problems.push(`${label} in reply: ${text.slice(0, 200)}`);
  }
  return problems;
}

export function answerProblems(answer: unknown, question: string): string[] {
  if (typeof answer !== 'object' || answer === null) return ['the answer is not an object'];
  const typed = answer as Answer;
  if (typeof typed.text !== 'string' || typed.text.trim().length === 0) return ['empty answer text'];
  return userFacing(typed).flatMap((text) => textProblems(String(text), question));
}

/** Problems of the captured log lines: secrets and stack traces. */
export function logProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (line.includes(SECRET)) problems.push(`secret in log line: ${line.slice(0, 200)}`);
    if (/\\n\s+at \S|\.ts:\d+:\d+/.test(line))
      problems.push(`stack trace in log line: ${line.slice(0, 300)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Hostile text.

export {
  NUMBERS_OUT_OF_RANGE,
  ODD_UNICODE,
  PROMPT_INJECTIONS,
  REAL_QUESTIONS,
  SQL_INJECTIONS,
  UNKNOWN_NAMES,
} from './corpus.js';

const CONTROL = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  maxLength: 6,
});
const LONE_SURROGATES = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  maxLength: 4,
});

/** One hostile fragment. */
export const fragmentArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REAL_QUESTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...SQL_INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROMPT_INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS_OUT_OF_RANGE) },
  { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_UNICODE) },
  { weight: 1, arbitrary: CONTROL },
  { weight: 1, arbitrary: LONE_SURROGATES },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** A hostile message: fragments joined, sometimes empty or blank, sometimes huge (up to `maxHuge` chars). */
export function messageArb(maxHuge = 50_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: fc.array(fragmentArb, { maxLength: 6 }).map((parts) => parts.join(' ')) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t ', '\u200B', '\u0000') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fragmentArb, fc.integer({ min: 2_000, max: maxHuge }))
        .map(([fragment, size]) =>
          `${fragment} `.repeat(Math.ceil(size / (fragment.length + 1))).slice(0, size),
        ),
    },
  );
}

/** Hostile values for numeric slots. */
export const hostileNumberArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 0.5, -1, 0, 1, 2, 5, 50, 51, 1e6), // biome-ignore format: a list
  fc.double(),
  fc.integer(),
  fc.constantFrom('5', '1e308', 'NaN', '', '0x10', '5; DROP TABLE marketing_kpi'),
);

/** Hostile values for text slots (category, campaign_name, dates). */
export const hostileTextArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...SQL_INJECTIONS, ...PROMPT_INJECTIONS, ...UNKNOWN_NAMES, ...ODD_UNICODE),
  fc.constantFrom(
    'social',
    'search',
    'influencer',
    'all',
    'ALL',
    'google_hot',
    'facebook_tier1',
    'youtube_blogger',
  ),
  fc.constantFrom(
    '2021-02-01',
    '2021-02-28',
    '2021-02-30',
    '0000-01-01',
    '9999-12-31',
    '2021-2-1',
    '20210201',
  ),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ maxLength: 600 }),
  CONTROL,
  LONE_SURROGATES,
);

/** Wrong types for any slot. */
export const wrongTypeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, [], {}, ['roi'], { $gt: '' }),
  fc.bigInt(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

export const TOOL_ARG_KEYS = [
  'metric', 'direction', 'limit', 'category', 'campaign_name', 'date_from', 'date_to', 'group_by', 'grain',
  'roi_threshold', 'budget_increase_pct', 'budget', 'impressions', 'clicks', 'k',
]; // biome-ignore format: a list

export const ENUM_VALUES = [
  ...METRICS, ...DIRECTIONS, ...DIMENSIONS, ...GRAINS, 'ROI', 'top ', 'sideways', "roi; DROP TABLE x",
]; // biome-ignore format: a list

/** Any value a hostile caller could put in any argument. */
export const anyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileTextArb },
  { weight: 3, arbitrary: hostileNumberArb },
  { weight: 2, arbitrary: fc.constantFrom(...ENUM_VALUES) },
  { weight: 1, arbitrary: wrongTypeArb },
);

/** Prototype-pollution shaped objects (built with JSON.parse so the keys are own properties). */
export const pollutionArb: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(
    '{"__proto__": {"polluted": "yes"}}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"__proto__": {"toString": "x"}, "metric": "roi"}',
    '{"prototype": {"polluted": "yes"}, "limit": 5}',
  )
  .map((json) => JSON.parse(json) as Record<string, unknown>);

/** Generated tool arguments: mostly records over the real keys, sometimes not an object at all. */
export const toolArgsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...TOOL_ARG_KEYS), anyValueArb, { maxKeys: 5 }) },
  { weight: 1, arbitrary: pollutionArb },
  { weight: 1, arbitrary: wrongTypeArb },
);

export const TOOL_NAMES = [
  'rank_campaigns', 'get_underperforming_campaigns', 'aggregate_by_dimension', 'describe_campaign', 'kpi_trend',
  'simulate_budget', 'predict_revenue', 'segment_campaigns', 'query_metrics', 'explain_change',
]; // biome-ignore format: a list

export const UNKNOWN_TOOL_NAMES = [
  'drop_table', 'run_sql', 'execute_sql', 'reply_without_data', '__proto__', 'constructor', 'toString', '',
  'rank_campaigns; DROP TABLE marketing_kpi', 'RANK_CAMPAIGNS', 'hasOwnProperty',
]; // biome-ignore format: a list

/** Valid arguments per tool: the base a mutation starts from, so generated calls also get past the schemas. */
export const VALID_ARGS: Record<string, Record<string, unknown>> = {
  rank_campaigns: { metric: 'roi', direction: 'top', limit: 5, category: 'social' },
  get_underperforming_campaigns: { roi_threshold: 0, limit: 10 },
  aggregate_by_dimension: { group_by: 'category', date_from: '2021-02-01', date_to: '2021-02-28' },
  describe_campaign: { campaign_name: 'google_hot' },
  kpi_trend: { metric: 'ctr', grain: 'week', campaign_name: 'facebook_tier1' },
  simulate_budget: { budget_increase_pct: 20, category: 'all' },
  predict_revenue: { budget: 5000, category: 'search' },
  segment_campaigns: { k: 3 },
};

/** A tool's valid arguments with zero to two slots replaced by hostile values. */
export const mutatedCallArb: fc.Arbitrary<{ name: string; args: Record<string, unknown> }> = fc
  .tuple(
    fc.constantFrom(...TOOL_NAMES),
    fc.array(fc.tuple(fc.constantFrom(...TOOL_ARG_KEYS), anyValueArb), { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([name, mutations, onlyOwnKeys]) => {
    const args: Record<string, unknown> = { ...VALID_ARGS[name] };
    for (const [key, value] of mutations) {
      // Mostly mutate a slot the tool has (a foreign key is refused by the strict schemas at once).
      const slot = onlyOwnKeys ? (Object.keys(args)[key.length % Object.keys(args).length] ?? key) : key;
      args[slot] = value;
    }
    return { name, args };
  });

/** Error codes that mean a crash, a tool producing refused SQL, or a driver error reaching the user. */
export const UNEXPECTED_CODES = new Set([
  'INTERNAL',
  'SQL_REJECTED',
  'WAREHOUSE_QUERY_FAILED',
  'KPI_NOT_BUILT',
]);
