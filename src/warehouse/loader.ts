// Loads a CSV or Parquet file into marketing_clean through a semantic model: canonical columns whatever the file
// calls them (campaign_name, c_date, the model's dimensions, mark_spent, revenue, …).
//
// One read of the file: the model's columns are read with their types (the typed fast path: DuckDB's CSV reader
// parses the numbers and the dates) into a staging table of canonical columns; one scan of that table checks
// everything (bad values, dates outside 1990..next year, a format collapsing dates, clicks > impressions, measures
// zero everywhere); only then does the staging table become _marketing_rows, with marketing_clean a view over it (no
// copy). When the typed read fails (a non-number, a date in another format) the file is read again as text so the
// error can name the line and the value. Nothing is half-loaded: any refusal leaves the previous data as it was.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '../core/errors.js';
import { ROWS_TABLE, STAGING_TABLE } from './guard.js';
import { inferModel, type ModelInference } from './inference.js';
import { type ColumnMapping, modelFromMapping } from './mapping.js';
import type { Row, SqlValue } from './port.js';
import { TABLES } from './schema.js';
import {
  AMOUNT_MEASURES,
  COUNT_MEASURES,
  MEASURE_LABELS,
  MEASURES,
  type Measure,
  modelColumns,
  type SemanticModel,
} from './semantic-model.js';
import { checkReadable, fileReader, isParquetFile, MONTHS, quoteIdentifier } from './source-file.js';
import type { Warehouse } from './warehouse.js';

/** Date spellings accepted when the model gives no format: the sample's DD-MM-YYYY first, then ISO and D/M/Y. */
const DATE_FORMATS = ['%d-%m-%Y', '%Y-%m-%d', '%d/%m/%Y', '%d.%m.%Y'];

export interface LoadReport {
  file: string;
  rows: number;
  ms: number;
  /** The model the file was loaded with. */
  model: SemanticModel;
  /** Set when no model was given: what was guessed and why. */
  inference?: ModelInference;
  /** French notices the data deserves (duplicates, clicks > impressions, zero measures, missing values). */
  notices: string[];
  /** Measures absent from the data or zero everywhere: their KPIs do not exist. */
  disabledMeasures: Measure[];
  /** True when the typed read failed and the file was read as text to find the bad value. */
  slowPath: boolean;
}

export type ModelSpec = SemanticModel | ColumnMapping | undefined;

function isModel(spec: ModelSpec): spec is SemanticModel {
  return spec !== undefined && 'campaign' in spec && 'measures' in spec;
}

function monthSql(text: string): string {
  const key = `rtrim(lower(strip_accents(${text})), '.')`;
  const cases = Object.entries(MONTHS)
    .map(([name, number]) => `WHEN '${name}' THEN ${number}`)
    .join(' ');
  return `COALESCE(CASE WHEN TRY_CAST(${text} AS INTEGER) BETWEEN 1 AND 12 THEN TRY_CAST(${text} AS INTEGER) END, CASE ${key} ${cases} END)`;
}

interface Compiled {
  /** Canonical column → SQL over the file's columns (measures as DOUBLE: marketing_clean casts the counts). */
  select: string[];
  /** Text reads only: SQL naming a measure whose text is there but is not a number (NULL when the row is fine). */
  textBad?: string;
  /** The raw date text (to detect a format that collapses many spellings onto one date), when dates are text. */
  rawDate?: string;
}

/**
 * The staging SELECT. `typed`: the CSV reader already parsed the measure columns (DOUBLE) and the date column (DATE,
 * with the model's format), so values only need range checks (on the canonical columns, see canonicalBad); otherwise
 * (text read, Parquet) every value is parsed here and one that is there but does not parse is flagged.
 */
function compile(model: SemanticModel, typed: boolean): Compiled {
  const text = (column: string) => `NULLIF(trim(CAST(${quoteIdentifier(column)} AS VARCHAR)), '')`;
  const number = (column: string) =>
    typed ? quoteIdentifier(column) : `TRY_CAST(${text(column)} AS DOUBLE)`;
  const checks: string[] = [];
  const select: string[] = [];

  // Time.
  let rawDate: string | undefined;
  if (model.time.kind === 'none') {
    select.push('CAST(NULL AS DATE) AS c_date');
  } else if (model.time.kind === 'date' && typed) {
    const source = quoteIdentifier(model.time.column);
    select.push(`${source} AS c_date`);
  } else if (model.time.kind === 'date') {
    const source = quoteIdentifier(model.time.column);
    const raw = text(model.time.column);
    const formats = model.time.format ? [model.time.format] : DATE_FORMATS;
    const parsed = `COALESCE(TRY_CAST(${source} AS DATE), ${formats.map((format) => `CAST(try_strptime(${raw}, '${format}') AS DATE)`).join(', ')})`;
    select.push(`${parsed} AS c_date`);
    if (model.time.format) rawDate = raw;
  } else {
    const time = model.time;
    const year =
      typeof time.year === 'number' ? String(time.year) : `TRY_CAST(${text(time.year.column)} AS INTEGER)`;
    const month = monthSql(text(time.month));
    const day = time.day ? `TRY_CAST(TRY_CAST(${text(time.day)} AS DOUBLE) AS INTEGER)` : '1';
    const parsed = `CAST(try_strptime(CAST(${year} AS VARCHAR) || '-' || CAST(${month} AS VARCHAR) || '-' || CAST(${day} AS VARCHAR), '%Y-%m-%d') AS DATE)`;
    select.push(`${parsed} AS c_date`);
  }

  // Campaign and dimensions (text).
  select.push(`${text(model.campaign.column)} AS campaign_name`);
  const category = model.dimensions.find((dimension) => dimension.name === 'category');
  select.push(
    `${category ? `COALESCE(${text(category.column)}, '(vide)')` : 'CAST(NULL AS VARCHAR)'} AS category`,
  );
  // Without an id column the campaign's name is its id: the view supplies it, no second copy is stored.
  select.push(`${model.campaignId ? text(model.campaignId) : 'CAST(NULL AS VARCHAR)'} AS campaign_id`);
  for (const dimension of model.dimensions) {
    if (dimension.name === 'category') continue;
    select.push(`COALESCE(${text(dimension.column)}, '(vide)') AS ${dimension.name}`);
  }

  // Measures: a column or a sum of columns; NULL when absent (or every part empty / #N/A).
  for (const measure of MEASURES) {
    const columns = model.measures[measure];
    if (!columns) {
      select.push(`CAST(NULL AS DOUBLE) AS ${measure}`);
      continue;
    }
    const parts = columns.map(number);
    const value =
      parts.length === 1
        ? parts[0]!
        : `CASE WHEN ${parts.map((part) => `${part} IS NULL`).join(' AND ')} THEN NULL ELSE ${parts.map((part) => `COALESCE(${part}, 0)`).join(' + ')} END`;
    // Typed reads already refused non-numbers; text reads flag a value that is there but is not a number (ranges
    // and fractions are checked on the canonical columns, for both).
    if (!typed)
      checks.push(
        `WHEN ${columns.map((column) => `(${text(column)} IS NOT NULL AND ${number(column)} IS NULL)`).join(' OR ')} THEN '${measure}'`,
      );
    select.push(`${value} AS ${measure}`);
  }
  return { select, textBad: checks.length > 0 ? `CASE ${checks.join(' ')} END` : undefined, rawDate };
}

/** SQL naming a staged row's first unusable canonical column (NULL when the row is fine): one expression, one scan. */
function canonicalBad(model: SemanticModel): string {
  const checks = ["WHEN campaign_name IS NULL THEN 'campaign_name'"];
  if (model.time.kind !== 'none') checks.push("WHEN c_date IS NULL THEN 'c_date'");
  for (const measure of MEASURES) {
    if (model.measures[measure] === null) continue;
    const isCount = (COUNT_MEASURES as readonly string[]).includes(measure);
    checks.push(
      `WHEN ${measure} < 0 OR isnan(${measure}) OR isinf(${measure})${isCount ? ` OR ${measure} <> floor(${measure}) OR ${measure} > 9.0e15` : ''} THEN '${measure}'`,
    );
  }
  return `CASE ${checks.join(' ')} END`;
}

const EXPECTED: Record<string, string> = {
  c_date: 'a date',
  campaign_name: 'a non-empty text',
  mark_spent: 'a number ≥ 0',
  revenue: 'a number ≥ 0',
};

/** The file column(s) feeding a canonical column (for messages). */
function sourcesOf(model: SemanticModel, canonical: string): string[] {
  if (canonical === 'campaign_name') return [model.campaign.column];
  if (canonical === 'c_date') {
    if (model.time.kind === 'date') return [model.time.column];
    if (model.time.kind === 'parts')
      return [
        ...(typeof model.time.year === 'number' ? [] : [model.time.year.column]),
        model.time.month,
        ...(model.time.day ? [model.time.day] : []),
      ];
    return [];
  }
  return model.measures[canonical as Measure] ?? [];
}

/** Reads the file's header (column names) without reading its rows. */
export async function fileColumns(warehouse: Warehouse, file: string): Promise<string[]> {
  try {
    const result = await warehouse.maintain({
      name: 'file_columns',
      sql: `SELECT * FROM ${fileReader(file, 'text')} LIMIT 0`,
      params: [file],
    });
    return result.columns.map((column) => column.name);
  } catch (error) {
    throw new AppError('DATA_FILE_UNREADABLE', `${file}: ${(error as Error).message}`, {
      cause: error,
      hint: `Fichier : ${file}.`,
    });
  }
}

/** The model to load with: the given one, the legacy mapping converted, or one inferred from the file. */
export async function modelFor(
  warehouse: Warehouse,
  file: string,
  spec: ModelSpec,
  columns: string[],
): Promise<{ model: SemanticModel; inference?: ModelInference }> {
  if (isModel(spec)) return { model: spec };
  if (spec !== undefined) return { model: modelFromMapping(file, spec, columns) };
  const inference = await inferModel(warehouse, file);
  return { model: inference.model, inference };
}

function checkColumnsExist(file: string, model: SemanticModel, columns: string[]): void {
  const lower = new Map(columns.map((column) => [column.toLowerCase(), column]));
  const missing = modelColumns(model).filter((column) => !columns.includes(column));
  // Case-insensitive: the model may spell a column in another case; the file's spelling is what SQL reads.
  const unresolved = missing.filter((column) => !lower.has(column.toLowerCase()));
  if (unresolved.length > 0) {
    throw new AppError(
      'DATA_COLUMN_MISSING',
      `${file}: missing required column(s) ${unresolved.join(', ')} (file has: ${columns.join(', ')})`,
      {
        hint: `Fichier : ${file} ; ${unresolved.length > 1 ? 'colonnes du modèle absentes' : 'colonne du modèle absente'} du fichier : ${unresolved.join(', ')}. Corrigez le modèle (MODEL_PATH) ou le fichier.`,
        details: { file, missing: unresolved, fileColumns: columns },
      },
    );
  }
}

/** The model with every column spelled as in the file. */
function spelledAsInFile(model: SemanticModel, columns: string[]): SemanticModel {
  const lower = new Map(columns.map((column) => [column.toLowerCase(), column]));
  const fix = (column: string) =>
    columns.includes(column) ? column : (lower.get(column.toLowerCase()) ?? column);
  const time =
    model.time.kind === 'date'
      ? { ...model.time, column: fix(model.time.column) }
      : model.time.kind === 'parts'
        ? {
            ...model.time,
            month: fix(model.time.month),
            day: model.time.day ? fix(model.time.day) : undefined,
            year:
              typeof model.time.year === 'number' ? model.time.year : { column: fix(model.time.year.column) },
          }
        : model.time;
  return {
    ...model,
    campaign: { column: fix(model.campaign.column) },
    campaignId: model.campaignId ? fix(model.campaignId) : undefined,
    dimensions: model.dimensions.map((dimension) => ({ ...dimension, column: fix(dimension.column) })),
    measures: Object.fromEntries(
      MEASURES.map((measure) => [measure, model.measures[measure]?.map(fix) ?? null]),
    ) as Record<Measure, string[] | null>,
    time,
  };
}

/**
 * The reader's type for every file column (the typed fast path): BIGINT for counts, DOUBLE for amounts (a column
 * feeding both is DOUBLE and goes the text way on a fraction), DATE for the date column, text for the rest.
 */
function readerTypes(model: SemanticModel, columns: string[]): string[] {
  // Counts are read as DOUBLE too: DuckDB's CSV reader rounds "12.5" into a BIGINT column, a fraction must be seen.
  const numbers = new Set(MEASURES.flatMap((measure) => model.measures[measure] ?? []));
  const date = model.time.kind === 'date' ? model.time.column : undefined;
  return columns.map((column) => (column === date ? 'DATE' : numbers.has(column) ? 'DOUBLE' : 'VARCHAR'));
}

export async function loadMarketingData(
  warehouse: Warehouse,
  file: string,
  spec: ModelSpec,
  options: { now?: Date } = {},
): Promise<LoadReport> {
  const started = performance.now();
  checkReadable(file);
  const columns = await fileColumns(warehouse, file);
  const chosen = await modelFor(warehouse, file, spec, columns);
  checkColumnsExist(file, chosen.model, columns);
  if (MEASURES.every((measure) => chosen.model.measures[measure] === null)) {
    throw new AppError(
      'DATA_COLUMN_MISSING',
      `${file}: no measure (impressions, clicks, spend, leads, orders, revenue)`,
      {
        hint: `Fichier : ${file} : aucune colonne de mesure reconnue (impressions, clics, dépenses, leads, commandes, chiffre d'affaires) parmi ${columns.join(', ')}. Décrivez-les dans un modèle sémantique (MODEL_PATH).`,
        details: { file, missing: ['measures'], fileColumns: columns },
      },
    );
  }
  const model = spelledAsInFile(chosen.model, columns);
  const parquet = isParquetFile(file);

  let slowPath = false;
  let staged: Staged = { rawDates: false, textBad: false };
  try {
    try {
      const dateFormat = model.time.kind === 'date' ? model.time.format : undefined;
      staged = await stage(
        warehouse,
        file,
        model,
        fileReader(file, 'typed', readerTypes(model, columns), dateFormat),
        !parquet,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'SQL_REJECTED') throw error;
      // A value the typed reader refused (or a Parquet type it cannot cast): read as text to find and name it.
      slowPath = true;
      try {
        staged = await stage(warehouse, file, model, fileReader(file, 'text'), false);
      } catch (textError) {
        throw new AppError('DATA_FILE_UNREADABLE', `${file}: ${(textError as Error).message}`, {
          cause: textError,
          hint: `Fichier : ${file}.`,
        });
      }
    }
    const checked = await check(warehouse, file, model, options.now ?? new Date(), staged);
    const measureList = MEASURES.map((measure) => {
      const isAmount = (AMOUNT_MEASURES as readonly string[]).includes(measure);
      if (checked.disabled.includes(measure))
        return `CAST(NULL AS ${isAmount ? 'DOUBLE' : 'BIGINT'}) AS ${measure}`;
      return isAmount ? measure : `CAST(${measure} AS BIGINT) AS ${measure}`;
    });
    const dimensionList = model.dimensions
      .filter((dimension) => dimension.name !== 'category')
      .map((dimension) => dimension.name);
    await publish(warehouse, dimensionList, measureList);
    return {
      file,
      rows: checked.rows,
      ms: Math.round(performance.now() - started),
      model,
      inference: chosen.inference,
      notices: [...(chosen.inference ? [inferenceNotice(chosen.inference)] : []), ...checked.notices],
      disabledMeasures: checked.disabled,
      slowPath,
    };
  } finally {
    await warehouse.maintain({
      name: 'drop_stage',
      sql: `DROP TABLE IF EXISTS ${STAGING_TABLE}`,
      params: [],
    });
  }
}

/**
 * Makes the checked rows the loaded data without copying them: the staging table becomes _marketing_rows and
 * marketing_clean a view over it (id = the row's position). Only marketing_clean's readers (the KPI build) can see
 * the instant between the drop and the view; the tools read the KPI tables, rebuilt right after.
 */
async function publish(warehouse: Warehouse, dimensions: string[], measures: string[]): Promise<void> {
  const view = {
    name: 'load_clean',
    sql:
      `CREATE OR REPLACE VIEW ${TABLES.clean} AS SELECT CAST(rowid + 1 AS BIGINT) AS id, c_date, campaign_name, category, ` +
      `COALESCE(campaign_id, campaign_name) AS campaign_id, ${dimensions.map((name) => `${name}, `).join('')}${measures.join(', ')} FROM ${ROWS_TABLE}`,
    params: [],
  };
  await warehouse.maintain({ name: 'drop_rows', sql: `DROP TABLE IF EXISTS ${ROWS_TABLE}`, params: [] });
  await warehouse.maintain({
    name: 'rename_stage',
    sql: `ALTER TABLE ${STAGING_TABLE} RENAME TO ${ROWS_TABLE}`,
    params: [],
  });
  try {
    await warehouse.maintain(view);
  } catch (error) {
    // A database written before marketing_clean became a view holds it as a table: replace it once.
    if (!/type Table/i.test(String((error as Error).message))) throw error;
    await warehouse.maintain({
      name: 'drop_old_clean',
      sql: `DROP TABLE IF EXISTS ${TABLES.clean}`,
      params: [],
    });
    await warehouse.maintain(view);
  }
}

function inferenceNotice(inference: ModelInference): string {
  const ambiguities =
    inference.ambiguities.length > 0 ? ` À vérifier : ${inference.ambiguities.join(' ; ')}` : '';
  return `Aucun modèle sémantique fourni : modèle déduit du fichier (${inference.summary}).${ambiguities}`;
}

async function stage(
  warehouse: Warehouse,
  file: string,
  model: SemanticModel,
  reader: string,
  typedNumbers: boolean,
): Promise<Staged> {
  const compiled = compile(model, typedNumbers);
  const extra = [
    ...(compiled.textBad ? [`${compiled.textBad} AS _bad`] : []),
    ...(compiled.rawDate ? [`${compiled.rawDate} AS _raw_date`] : []),
  ];
  await warehouse.maintain({
    name: 'stage_file',
    sql: `CREATE OR REPLACE TABLE ${STAGING_TABLE} AS SELECT ${[...compiled.select, ...extra].join(', ')} FROM ${reader}`,
    params: [file],
  });
  return { rawDates: compiled.rawDate !== undefined, textBad: compiled.textBad !== undefined };
}

interface Staged {
  /** The staging table has _raw_date (a stated format, read as text). */
  rawDates: boolean;
  /** The staging table has _bad (a text read: values present that are not numbers). */
  textBad: boolean;
}

interface Checked {
  rows: number;
  notices: string[];
  disabled: Measure[];
}

/** One scan of the staged rows: refusals (bad values, implausible dates) throw; the rest become notices. */
async function check(
  warehouse: Warehouse,
  file: string,
  model: SemanticModel,
  now: Date,
  staged: Staged,
): Promise<Checked> {
  const lastYear = now.getUTCFullYear() + 1;
  const hasRawDate = staged.rawDates;
  const bad = staged.textBad ? `COALESCE(_bad, ${canonicalBad(model)})` : canonicalBad(model);
  const measureStats = MEASURES.map(
    (measure) =>
      `COUNT(${measure}) AS ${measure}_n, MAX(${measure}) AS ${measure}_max, COUNT(*) - COUNT(${measure}) AS ${measure}_null`,
  );
  const result = await warehouse.maintain({
    name: 'check_stage',
    sql:
      `SELECT COUNT(*) AS n, MIN(CASE WHEN ${bad} IS NOT NULL THEN rowid + 1 END) AS bad_id, ` +
      'MIN(c_date) AS min_date, MAX(c_date) AS max_date, ' +
      `MIN(CASE WHEN c_date < CAST(? AS DATE) OR c_date > CAST(? AS DATE) THEN rowid + 1 END) AS out_id, ` +
      `COUNT(DISTINCT c_date) AS dates, ${hasRawDate ? 'COUNT(DISTINCT _raw_date)' : 'COUNT(DISTINCT c_date)'} AS raw_dates, ` +
      'SUM(CASE WHEN clicks > impressions THEN 1 ELSE 0 END) AS over_clicks, ' +
      `MIN(CASE WHEN clicks > impressions THEN rowid + 1 END) AS over_id, ${measureStats.join(', ')} ` +
      `FROM ${STAGING_TABLE} LIMIT 1`,
    params: ['1990-01-01', `${lastYear}-12-31`],
  });
  const stats = result.rows[0] ?? {};
  const rows = Number(stats.n ?? 0);
  if (rows === 0) {
    throw new AppError('DATA_VALUE_INVALID', `${file}: the file has no data rows`, {
      hint: `Le fichier ${file} ne contient aucune ligne de données.`,
    });
  }
  if (stats.bad_id !== null && stats.bad_id !== undefined)
    await badValue(warehouse, file, model, Number(stats.bad_id), bad);
  const timeColumn = sourcesOf(model, 'c_date').join(' + ');
  if (stats.out_id !== null && stats.out_id !== undefined) {
    const id = Number(stats.out_id);
    const line = await lineOf(file, id - 1);
    const raw = await rawValues(warehouse, file, sourcesOf(model, 'c_date'), id - 1);
    throw new AppError(
      'DATA_VALUE_INVALID',
      `${file}, ${where(file, line)}, column c_date (${timeColumn}): ${raw} gives a date outside 1990..${lastYear}`,
      {
        hint: `Fichier : ${file}, ${whereFr(file, line)}, colonne ${timeColumn} : la date ${raw} tombe hors de 1990–${lastYear}. Vérifiez le format de date du modèle (time.format) ou l'année.`,
        details: { file, line, column: 'c_date', value: raw },
      },
    );
  }
  const notices: string[] = [];
  const dates = Number(stats.dates ?? 0);
  const rawDates = Number(stats.raw_dates ?? 0);
  if (hasRawDate && rawDates > dates) {
    throw new AppError(
      'DATA_VALUE_INVALID',
      `${file}, column ${timeColumn}: ${rawDates} different date spellings collapse onto ${dates} dates`,
      {
        hint: `Fichier : ${file}, colonne ${timeColumn} : ${rawDates} dates différentes dans le fichier deviennent ${dates} dates une fois lues avec le format ${model.time.kind === 'date' ? (model.time.format ?? 'par défaut') : ''} : le format confond des jours ou des mois. Corrigez time.format dans le modèle.`,
        details: { file, column: 'c_date', rawDates, dates },
      },
    );
  }
  const overClicks = Number(stats.over_clicks ?? 0);
  if (overClicks > 0) {
    const line = await lineOf(file, Number(stats.over_id) - 1);
    notices.push(
      `${overClicks > 1 ? `${overClicks} lignes ont` : '1 ligne a'} plus de clics que d'impressions (fichier ${file}, colonnes ${sourcesOf(model, 'clicks').join(' + ')} et ${sourcesOf(model, 'impressions').join(' + ')}, première : ${whereFr(file, line)}) : le CTR ${overClicks > 1 ? 'de ces lignes' : 'de cette ligne'} dépasse 100 %.`,
    );
  }
  const disabled: Measure[] = [];
  for (const measure of MEASURES) {
    if (model.measures[measure] === null) {
      disabled.push(measure);
      continue;
    }
    const present = Number(stats[`${measure}_n`] ?? 0);
    const max = Number(stats[`${measure}_max`] ?? 0);
    const missing = Number(stats[`${measure}_null`] ?? 0);
    const columns = sourcesOf(model, measure).join(' + ');
    if (present === 0 || max === 0) {
      disabled.push(measure);
      notices.push(
        `La colonne ${columns} (${measure}) vaut ${present === 0 ? 'vide ou #N/A' : 'zéro'} sur toutes les lignes du fichier ${file} : elle est traitée comme absente (pas ${MEASURE_LABELS[measure].fr}), les indicateurs qui en dépendent ne sont pas calculés.`,
      );
    } else if (missing > 0) {
      notices.push(
        `${missing > 1 ? `${missing} valeurs vides` : '1 valeur vide'} ou d'erreur (#N/A…) dans la colonne ${columns} (${measure}) du fichier ${file} : ${missing > 1 ? 'comptées comme absentes' : 'comptée comme absente'}.`,
      );
    }
  }
  return { rows, notices, disabled };
}

function where(file: string, line: number): string {
  return `${isParquetFile(file) ? 'row' : 'line'} ${line}`;
}

function whereFr(file: string, line: number): string {
  return `${isParquetFile(file) ? 'rangée' : 'ligne'} ${line}`;
}

async function lineOf(file: string, position: number): Promise<number> {
  return isParquetFile(file) ? position + 1 : csvLineOfRecord(file, position);
}

/** The raw text of some file columns in the record at `position` (error path only). */
async function rawValues(
  warehouse: Warehouse,
  file: string,
  columns: string[],
  position: number,
): Promise<string> {
  if (columns.length === 0) return '(aucune)';
  const result = await warehouse.maintain({
    name: 'raw_value',
    sql: `SELECT ${columns.map((column, index) => `CAST(${quoteIdentifier(column)} AS VARCHAR) AS v${index}`).join(', ')} FROM ${fileReader(file, 'text')} LIMIT 1 OFFSET ${Math.max(0, Math.floor(position))}`,
    params: [file],
  });
  const row: Row = result.rows[0] ?? {};
  const values = columns.map((_, index) => row[`v${index}`]);
  return values
    .map((value) =>
      value === null || value === undefined ? '(empty)' : JSON.stringify(String(value).slice(0, 40)),
    )
    .join(' ');
}

async function badValue(
  warehouse: Warehouse,
  file: string,
  model: SemanticModel,
  id: number,
  bad: string,
): Promise<never> {
  const found = await warehouse.maintain({
    name: 'bad_row',
    sql: `SELECT ${bad} AS _bad FROM ${STAGING_TABLE} WHERE rowid = ? LIMIT 1`,
    params: [(id - 1) as SqlValue],
  });
  const column = String(found.rows[0]?._bad ?? 'campaign_name');
  const sources = sourcesOf(model, column);
  const raw = await rawValues(warehouse, file, sources, id - 1);
  const line = await lineOf(file, id - 1);
  const named = sources.length === 1 && sources[0] === column ? '' : ` (${sources.join(' + ')})`;
  const expected =
    EXPECTED[column] ??
    ((COUNT_MEASURES as readonly string[]).includes(column) ? 'a whole number ≥ 0' : 'a value');
  const value =
    raw.startsWith('"') && !raw.includes('" "') ? JSON.parse(raw) : raw === '(empty)' ? null : raw;
  throw new AppError(
    'DATA_VALUE_INVALID',
    `${file}, ${where(file, line)}, column ${column}${named}: ${raw} is not ${expected}`,
    {
      hint: `Fichier : ${file}, ${whereFr(file, line)}, colonne ${column}${named} : valeur ${raw} invalide${column === 'mark_spent' && raw.includes('-') ? ' (dépense négative refusée)' : ''}.`,
      details: { file, line, column, value },
    },
  );
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
