// Loads a CSV or Parquet file into marketing_clean on the embedded warehouse. The file is first staged as
// text, so every problem can be reported precisely: the file, the column and, for a bad value, the line.
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../core/errors.js';
import { STAGING_TABLE } from './guard.js';
import { type ColumnMapping, sourceColumnFor } from './mapping.js';
import { CLEAN_COLUMNS, type CleanColumn, TABLES } from './schema.js';
import type { Warehouse } from './warehouse.js';

/** Date spellings accepted when no date_format is given: the sample's DD-MM-YYYY first, then ISO and D/M/Y. */
const DATE_FORMATS = ['%d-%m-%Y', '%Y-%m-%d', '%d/%m/%Y', '%d.%m.%Y'];

export interface LoadReport {
  file: string;
  rows: number;
  ms: number;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function checkReadable(file: string): void {
  try {
    accessSync(file, constants.R_OK);
    if (!statSync(file).isFile()) throw new Error('not a regular file');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError(
      missing ? 'DATA_FILE_MISSING' : 'DATA_FILE_UNREADABLE',
      `${file}: ${missing ? 'no such file' : (error as Error).message}`,
      { cause: error, hint: `Fichier : ${file}.` },
    );
  }
}

/** A staged value as trimmed text, whatever its type in the file (Parquet columns keep theirs). */
function textOf(source: string): string {
  return `trim(CAST(${quoteIdentifier(source)} AS VARCHAR))`;
}

function dateExpression(source: string, mapping: ColumnMapping): string {
  const formats = mapping.date_format ? [mapping.date_format] : DATE_FORMATS;
  const column = textOf(source);
  // A typed DATE/TIMESTAMP column (Parquet) or ISO text casts directly; other spellings go through strptime.
  const parsed = formats.map((format) => `CAST(try_strptime(${column}, '${format}') AS DATE)`);
  return `COALESCE(TRY_CAST(${quoteIdentifier(source)} AS DATE), ${parsed.join(', ')})`;
}

/** SQL for a column's typed value (NULL when the text does not parse). */
function typedExpression(column: CleanColumn, source: string, mapping: ColumnMapping): string {
  const text = textOf(source);
  switch (column.kind) {
    case 'date':
      return dateExpression(source, mapping);
    case 'integer':
      return `TRY_CAST(TRY_CAST(${text} AS DOUBLE) AS BIGINT)`;
    case 'amount':
      return `TRY_CAST(${text} AS DOUBLE)`;
    case 'text':
      return `NULLIF(${text}, '')`;
  }
}

/** SQL condition that is true when a staged value is unusable for this column. */
function invalidCondition(column: CleanColumn, source: string, mapping: ColumnMapping): string {
  const text = textOf(source);
  const typed = typedExpression(column, source, mapping);
  switch (column.kind) {
    case 'integer':
      return `(${typed} IS NULL OR ${typed} < 0 OR TRY_CAST(${text} AS DOUBLE) <> floor(TRY_CAST(${text} AS DOUBLE)))`;
    case 'amount':
      return `(${typed} IS NULL OR ${typed} < 0 OR isnan(${typed}) OR isinf(${typed}))`;
    default:
      return `(${typed} IS NULL)`;
  }
}

const EXPECTED: Record<CleanColumn['kind'], string> = {
  integer: 'a whole number ≥ 0',
  amount: 'a number ≥ 0',
  date: 'a date (DD-MM-YYYY)',
  text: 'a non-empty text',
};

export async function loadMarketingData(
  warehouse: Warehouse,
  file: string,
  mapping: ColumnMapping,
): Promise<LoadReport> {
  const started = performance.now();
  checkReadable(file);
  const isParquet = extname(file).toLowerCase() === '.parquet';
  const reader = isParquet ? 'read_parquet(?)' : 'read_csv(?, all_varchar = true, header = true)';
  try {
    await warehouse.maintain({
      name: 'stage_file',
      sql: `CREATE OR REPLACE TABLE ${STAGING_TABLE} AS SELECT * FROM ${reader}`,
      params: [file],
    });
  } catch (error) {
    throw new AppError('DATA_FILE_UNREADABLE', `${file}: ${(error as Error).message}`, {
      cause: error,
      hint: `Fichier : ${file}.`,
    });
  }
  try {
    const staged = await warehouse.maintain({
      name: 'stage_columns',
      sql: `SELECT * FROM ${STAGING_TABLE} LIMIT 0`,
      params: [],
    });
    const fileColumns = staged.columns.map((column) => column.name);
    const sources = resolveColumns(file, fileColumns, mapping);
    const stagedRows = await warehouse.maintain({
      name: 'stage_count',
      sql: `SELECT COUNT(*) AS n FROM ${STAGING_TABLE}`,
      params: [],
    });
    if (Number(stagedRows.rows[0]?.n ?? 0) === 0) {
      throw new AppError('DATA_VALUE_INVALID', `${file}: the file has no data rows`, {
        hint: `Le fichier ${file} ne contient aucune ligne de données.`,
      });
    }
    await validateValues(warehouse, file, sources, mapping, isParquet);
    const selectList = CLEAN_COLUMNS.map((column) => {
      const source = sources.get(column.name);
      if (source) return `${typedExpression(column, source, mapping)} AS ${column.name}`;
      // Optional columns the file lacks: a row number for id, the campaign name for campaign_id.
      return column.name === 'id'
        ? 'CAST(rowid + 1 AS BIGINT) AS id'
        : `${textOf(sources.get('campaign_name')!)} AS campaign_id`;
    });
    await warehouse.maintain({
      name: 'load_clean',
      sql: `CREATE OR REPLACE TABLE ${TABLES.clean} AS SELECT ${selectList.join(', ')} FROM ${STAGING_TABLE} ORDER BY rowid`,
      params: [],
    });
    const counted = await warehouse.select({
      name: 'count_clean',
      sql: `SELECT COUNT(*) AS n FROM ${TABLES.clean}`,
      params: [],
    });
    const rows = Number(counted.rows[0]?.n ?? 0);
    return { file, rows, ms: Math.round(performance.now() - started) };
  } finally {
    await warehouse.maintain({
      name: 'drop_stage',
      sql: `DROP TABLE IF EXISTS ${STAGING_TABLE}`,
      params: [],
    });
  }
}

/** Maps every warehouse column to the file column feeding it; a missing required one is named in the error. */
function resolveColumns(file: string, fileColumns: string[], mapping: ColumnMapping): Map<string, string> {
  const sources = new Map<string, string>();
  const missing: string[] = [];
  for (const column of CLEAN_COLUMNS) {
    const source = sourceColumnFor(column.name, mapping, fileColumns);
    if (source) sources.set(column.name, source);
    else if (column.required) missing.push(column.name);
  }
  if (missing.length > 0) {
    throw new AppError(
      'DATA_COLUMN_MISSING',
      `${file}: missing required column(s) ${missing.join(', ')} (file has: ${fileColumns.join(', ')})`,
      {
        hint: `Fichier : ${file} ; colonne(s) manquante(s) : ${missing.join(', ')}. Ajoutez-les ou décrivez-les dans le mapping (MAPPING_PATH).`,
        details: { file, missing, fileColumns },
      },
    );
  }
  return sources;
}

/** Finds the first unusable value, column by column, and reports its line (header = line 1 for CSV). */
async function validateValues(
  warehouse: Warehouse,
  file: string,
  sources: Map<string, string>,
  mapping: ColumnMapping,
  isParquet: boolean,
): Promise<void> {
  for (const column of CLEAN_COLUMNS) {
    const source = sources.get(column.name);
    if (!source) continue;
    const found = await warehouse.maintain({
      name: 'validate_column',
      sql: `SELECT rowid AS position, CAST(${quoteIdentifier(source)} AS VARCHAR) AS raw FROM ${STAGING_TABLE} WHERE ${invalidCondition(column, source, mapping)} ORDER BY rowid LIMIT 1`,
      params: [],
    });
    const bad = found.rows[0];
    if (!bad) continue;
    const position = Number(bad.position);
    const line = isParquet ? position + 1 : await csvLineOfRecord(file, position);
    const where = `${isParquet ? 'row' : 'line'} ${line}`;
    const raw = bad.raw === null ? '(empty)' : JSON.stringify(String(bad.raw).slice(0, 40));
    throw new AppError(
      'DATA_VALUE_INVALID',
      `${file}, ${where}, column ${column.name}${source === column.name ? '' : ` (${source})`}: ${raw} is not ${EXPECTED[column.kind]}`,
      {
        hint: `Fichier : ${file}, ${isParquet ? 'rangée' : 'ligne'} ${line}, colonne ${column.name} : valeur ${raw} invalide.`,
        details: { file, line, column: column.name, value: bad.raw },
      },
    );
  }
}

/**
 * The physical line of the CSV record at `position` (0-based, header excluded). DuckDB skips blank lines, so the
 * record index alone is not the line; only read on the error path. (Quoted fields spanning lines are not counted.)
 */
async function csvLineOfRecord(file: string, position: number): Promise<number> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let record = -1; // the header is record -1
  try {
    for await (const text of lines) {
      lineNumber++;
      if (text.trim() === '') continue;
      if (record === position) return lineNumber;
      record++;
    }
  } finally {
    lines.close();
  }
  return position + 2;
}
