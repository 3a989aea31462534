// The SQL guard: the one gate every statement passes before any driver sees it. Tools only ever send named,
// reviewed queries, so this is defence in depth: even a wrongly written tool (or a future bug) cannot read a
// file, touch another table, write, or run a second statement.
import { AppError } from '../core/errors.js';
import type { RunOptions, SqlValue } from './port.js';
import { READABLE_TABLES, TABLES } from './schema.js';

/**
 * `read`: tools' SELECTs on the KPI tables. `maintenance`: the loader and the KPI build, which may also
 * CREATE OR REPLACE / DROP the bot's own tables and read the staging table.
 */
export type GuardPolicy = 'read' | 'maintenance';

export interface GuardSettings {
  maxRows: number;
  timeoutMs: number;
}

export interface Statement {
  name: string;
  sql: string;
  params: readonly SqlValue[];
}

export const STAGING_TABLE = '_marketing_stage';
/** The loaded rows behind the marketing_clean view on DuckDB (the staging table, renamed once it passed the checks). */
export const ROWS_TABLE = '_marketing_rows';
const MAINTENANCE_TARGETS = new Set<string>([...Object.values(TABLES), STAGING_TABLE, ROWS_TABLE]);
const MAINTENANCE_READABLE = new Set<string>([...READABLE_TABLES, STAGING_TABLE, ROWS_TABLE]);
const MAX_PARAM_LENGTH = 500;

// Words that never appear in a read query the bot sends. Checked as whole tokens outside string literals.
const FORBIDDEN_WORDS = new Set([
  'insert', 'update', 'delete', 'merge', 'drop', 'alter', 'truncate', 'copy', 'attach', 'detach', 'pragma',
  'set', 'reset', 'call', 'export', 'import', 'install', 'load', 'grant', 'revoke', 'use', 'vacuum', 'checkpoint',
  'execute', 'prepare', 'deallocate', 'create', 'replace', 'describe', 'show', 'summarize', 'explain', 'refresh',
  'optimize', 'restore', 'msck', 'cache', 'uncache', 'add', 'list', 'begin', 'commit', 'rollback', 'transaction',
]); // biome-ignore format: one list

// SQL words a model name (a dimension, which becomes a column name) may not be: the guard's forbidden words and
// the clause words of a SELECT.
const CLAUSE_WORDS = new Set([
  'select', 'from', 'where', 'group', 'order', 'by', 'limit', 'having', 'qualify', 'window', 'union', 'except',
  'intersect', 'on', 'using', 'join', 'as', 'and', 'or', 'not', 'null', 'case', 'when', 'then', 'else', 'end',
  'distinct', 'all', 'with', 'in', 'is', 'between', 'like', 'offset', 'asc', 'desc', 'nulls', 'over', 'true',
  'false', 'cast', 'table', 'into', 'values', 'date', 'interval', 'left', 'right', 'inner', 'outer', 'full', 'cross',
]); // biome-ignore format: one list

/** True when `name` may be used as a column identifier in generated SQL (a model dimension name). */
export function isSafeIdentifier(name: string): boolean {
  return /^[a-z][a-z0-9_]{0,39}$/.test(name) && !FORBIDDEN_WORDS.has(name) && !CLAUSE_WORDS.has(name);
}

// Functions that reach files, the environment or other databases. Prefix match on a word followed by '('.
const FORBIDDEN_FUNCTION_PREFIXES = [
  'read_', 'glob', 'getenv', 'current_setting', 'duckdb_', 'pragma_', 'sniff_', 'parquet_', 'query', 'sqlite_',
  'postgres_', 'mysql_', 'iceberg_', 'delta_', 'http', 'system', 'reflect', 'java_method', 'secret', 'which_secret',
  'file', 'url', 'input_file', 'load', 'install',
]; // biome-ignore format: one list

const MAINTENANCE_TABLE_FUNCTIONS = new Set(['read_csv', 'read_parquet', 'sniff_csv']);
const FROM_CLAUSE_END = new Set(['where', 'group', 'order', 'limit', 'having', 'qualify', 'window', 'union', 'except', 'intersect', 'on', 'using']); // biome-ignore format: one list

type Token = { kind: 'word' | 'quoted' | 'string' | 'number' | 'param' | 'symbol'; text: string };

function reject(statement: Statement, reason: string): never {
  throw new AppError('SQL_REJECTED', `SQL guard rejected ${statement.name}: ${reason}`, {
    details: { statement: statement.name, reason },
  });
}

export function tokenize(sql: string, statement: Statement): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (sql.startsWith('--', i) || sql.startsWith('/*', i) || ch === '#') {
      reject(statement, 'comments are not allowed');
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) reject(statement, 'unterminated quote');
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) {
            text += ch;
            j += 2;
            continue;
          }
          break;
        }
        if (ch === "'" && sql[j] === '\\') reject(statement, 'backslash escapes are not allowed');
        text += sql[j];
        j++;
      }
      tokens.push({ kind: ch === "'" ? 'string' : 'quoted', text });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'word', text: match.toLowerCase() });
      i += match.length;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'number', text: match });
      i += match.length;
    } else if (ch === '?') {
      tokens.push({ kind: 'param', text: '?' });
      i++;
    } else if (ch === '$' || ch === '\\' || ch === '{' || ch === '}') {
      reject(statement, `character ${ch} is not allowed`);
    } else {
      tokens.push({ kind: 'symbol', text: ch });
      i++;
    }
  }
  return tokens;
}

function checkParams(statement: Statement, tokens: Token[]): void {
  const markers = tokens.filter((token) => token.kind === 'param').length;
  if (markers !== statement.params.length) {
    reject(statement, `${markers} parameter markers but ${statement.params.length} values`);
  }
  for (const value of statement.params) {
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    if (typeof value === 'string' && value.length <= MAX_PARAM_LENGTH) continue;
    reject(statement, 'a parameter is not a finite number, a short string, a boolean or null');
  }
}

/** Strips the optional trailing ';' and refuses any other one: exactly one statement. */
function singleStatement(statement: Statement, tokens: Token[]): Token[] {
  const body = tokens.at(-1)?.text === ';' && tokens.at(-1)?.kind === 'symbol' ? tokens.slice(0, -1) : tokens;
  if (body.some((token) => token.kind === 'symbol' && token.text === ';'))
    reject(statement, 'more than one statement');
  if (body.length === 0) reject(statement, 'empty statement');
  return body;
}

function cteNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const next = tokens[i + 1]!;
    if (
      tokens[i]!.kind === 'word' &&
      next.kind === 'word' &&
      next.text === 'as' &&
      tokens[i + 2]?.text === '('
    ) {
      names.add(tokens[i]!.text);
    }
  }
  return names;
}

/** Every table a statement reads: the name after FROM / JOIN, and after commas inside a FROM clause. */
function checkTableReferences(statement: Statement, tokens: Token[], policy: GuardPolicy): void {
  const allowed = new Set([
    ...(policy === 'read' ? READABLE_TABLES : MAINTENANCE_READABLE),
    ...cteNames(tokens),
  ]);
  const inFrom: boolean[] = [false];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const depth = inFrom.length - 1;
    if (token.text === '(' && token.kind === 'symbol') inFrom.push(false);
    else if (token.text === ')' && token.kind === 'symbol') inFrom.pop();
    else if (token.kind === 'word' && FROM_CLAUSE_END.has(token.text)) inFrom[depth] = false;
    const startsReference =
      (token.kind === 'word' && (token.text === 'from' || token.text === 'join')) ||
      (token.kind === 'symbol' && token.text === ',' && inFrom[depth]);
    if (!startsReference) continue;
    if (token.kind === 'word' && token.text === 'from') inFrom[depth] = true;
    const target = tokens[i + 1];
    if (!target) reject(statement, 'FROM without a table');
    if (target.kind === 'symbol' && target.text === '(') continue; // a subquery, checked token by token
    if (target.kind !== 'word' && target.kind !== 'quoted') reject(statement, 'a table must be a plain name');
    if (tokens[i + 2]?.text === '.') reject(statement, `qualified name ${target.text} is not allowed`);
    if (tokens[i + 2]?.text === '(') {
      const isLoader = policy === 'maintenance' && MAINTENANCE_TABLE_FUNCTIONS.has(target.text);
      if (!isLoader || tokens[i + 3]?.kind !== 'param')
        reject(statement, `table function ${target.text} is not allowed`);
      continue;
    }
    if (!allowed.has(target.text.toLowerCase())) reject(statement, `table ${target.text} is not allowed`);
  }
}

function isSelect(tokens: Token[]): boolean {
  return tokens[0]?.text === 'select' || tokens[0]?.text === 'with';
}

function checkWords(statement: Statement, tokens: Token[], policy: GuardPolicy): void {
  const skipFirst = policy === 'maintenance' && !isSelect(tokens) ? 5 : 0; // "create or replace table <name>" / "drop table if exists <name>"
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || index < skipFirst) return;
    if (FORBIDDEN_WORDS.has(token.text))
      reject(statement, `keyword ${token.text.toUpperCase()} is not allowed`);
    if (tokens[index + 1]?.text !== '(') return;
    const loader = policy === 'maintenance' && MAINTENANCE_TABLE_FUNCTIONS.has(token.text);
    if (!loader && FORBIDDEN_FUNCTION_PREFIXES.some((prefix) => token.text.startsWith(prefix))) {
      reject(statement, `function ${token.text} is not allowed`);
    }
  });
}

function checkShape(statement: Statement, tokens: Token[], policy: GuardPolicy): void {
  const words = tokens.slice(0, 6).map((token) => token.text);
  if (policy === 'read' || isSelect(tokens)) {
    if (words[0] !== 'select' && words[0] !== 'with') reject(statement, 'only SELECT statements are allowed');
    return;
  }
  const isCreate = words.slice(0, 4).join(' ') === 'create or replace table' && words[5] === 'as';
  const isDrop = words.slice(0, 4).join(' ') === 'drop table if exists' && tokens.length === 5;
  // The loader's switch to newly checked rows: the staging table renamed, marketing_clean a view over it.
  const isRename =
    tokens.length === 6 && words.join(' ') === `alter table ${STAGING_TABLE} rename to ${ROWS_TABLE}`;
  const isView =
    words.slice(0, 4).join(' ') === 'create or replace view' &&
    words[4] === TABLES.clean &&
    words[5] === 'as';
  if (isRename) return;
  if (!isCreate && !isDrop && !isView)
    reject(
      statement,
      'maintenance allows CREATE OR REPLACE TABLE … AS SELECT, DROP TABLE IF EXISTS, the marketing_clean view and the staging rename',
    );
  if (!MAINTENANCE_TARGETS.has(words[4] ?? '')) reject(statement, `table ${words[4]} may not be written`);
  if ((isCreate || isView) && !['select', 'with'].includes(tokens[6]?.text ?? ''))
    reject(statement, 'CREATE … AS must be followed by SELECT');
}

function checkRowCap(statement: Statement, tokens: Token[], settings: GuardSettings): void {
  let paramIndex = 0;
  tokens.forEach((token, index) => {
    if (token.kind === 'param') paramIndex++;
    if (token.kind !== 'word' || token.text !== 'limit') return;
    const next = tokens[index + 1];
    const value =
      next?.kind === 'number'
        ? Number(next.text)
        : next?.kind === 'param'
          ? statement.params[paramIndex]
          : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > settings.maxRows) {
      reject(statement, `LIMIT must be a whole number from 0 to ${settings.maxRows}`);
    }
  });
}

/**
 * Checks one statement against a policy and returns the run options (row cap, timeout) the driver must apply.
 * Throws AppError SQL_REJECTED with the reason otherwise.
 */
export function guardStatement(
  statement: Statement,
  policy: GuardPolicy,
  settings: GuardSettings,
): RunOptions {
  const tokens = singleStatement(statement, tokenize(statement.sql, statement));
  checkParams(statement, tokens);
  checkShape(statement, tokens, policy);
  checkWords(statement, tokens, policy);
  checkTableReferences(statement, tokens, policy);
  if (isSelect(tokens)) checkRowCap(statement, tokens, settings);
  return { maxRows: settings.maxRows, timeoutMs: settings.timeoutMs };
}
