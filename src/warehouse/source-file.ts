// The source file: how it is read (typed or as text, Excel error values as NULL), and the month names the loader and
// the inference understand.
import { accessSync, constants, statSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../core/errors.js';

/** Excel and export error values read as "no value". */
export const NULL_STRINGS = ['', '#N/A', 'N/A', '#NA', '#N/D', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '-', '--']; // biome-ignore format: one list
export const NULLSTR_SQL = `nullstr = [${NULL_STRINGS.map((text) => `'${text}'`).join(', ')}]`;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function checkReadable(file: string): void {
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

export function isParquetFile(file: string): boolean {
  return extname(file).toLowerCase() === '.parquet';
}

/** The table function reading the file: typed (sniffed), or every column as text. */
export function fileReader(
  file: string,
  mode: 'typed' | 'text',
  types?: string[],
  dateFormat?: string,
): string {
  if (isParquetFile(file)) return 'read_parquet(?)';
  if (mode === 'text') return `read_csv(?, header = true, all_varchar = true, ${NULLSTR_SQL})`;
  const typed = types ? `, types = [${types.map((type) => `'${type}'`).join(', ')}]` : '';
  // The format comes from the validated model (no quote can reach here).
  const format =
    dateFormat && /^[%A-Za-z0-9 ./:_,-]+$/.test(dateFormat) ? `, dateformat = '${dateFormat}'` : '';
  return `read_csv(?, header = true, ${NULLSTR_SQL}${typed}${format})`;
}

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, janv: 1,
  february: 2, feb: 2, fevrier: 2, fev: 2, fevr: 2,
  march: 3, mar: 3, mars: 3,
  april: 4, apr: 4, avril: 4, avr: 4,
  may: 5, mai: 5,
  june: 6, jun: 6, juin: 6,
  july: 7, jul: 7, juillet: 7, juil: 7,
  august: 8, aug: 8, aout: 8,
  september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10,
  november: 11, nov: 11, novembre: 11,
  december: 12, dec: 12, decembre: 12,
}; // biome-ignore format: a table

/** Month names (FR/EN, with and without accents, abbreviations) the loader reads. */
export function monthNumber(text: string): number | undefined {
  const key = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\.$/, '');
  const asNumber = Number(key);
  if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= 12) return asNumber;
  return MONTHS[key];
}
