// Column mapping: lets a team point the bot at a file whose columns have other names
// (cost → mark_spent, conversions → orders, channel → category). JSON or YAML:
//   columns: { cost: mark_spent, conversions: orders, channel: category }
//   date_format: "%d/%m/%Y"      # optional strptime format when dates are written another way
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { CLEAN_COLUMN_NAMES } from './schema.js';

export const mappingSchema = z
  .object({
    columns: z.record(z.string().min(1), z.enum(CLEAN_COLUMN_NAMES)).default({}),
    date_format: z
      .string()
      .regex(/^[%A-Za-z0-9 ./:_-]+$/, 'a strptime format such as %d-%m-%Y')
      .optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, string>();
    for (const [source, target] of Object.entries(mapping.columns)) {
      const previous = seen.get(target);
      if (previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', source],
          message: `both "${previous}" and "${source}" map to ${target}`,
        });
      }
      seen.set(target, source);
    }
  });

export type ColumnMapping = z.infer<typeof mappingSchema>;

export const IDENTITY_MAPPING: ColumnMapping = { columns: {} };

export function loadMapping(path: string | undefined): ColumnMapping {
  if (!path) return IDENTITY_MAPPING;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'MAPPING_INVALID',
      `Cannot read the column mapping ${path}: ${(error as Error).message}`,
      {
        cause: error,
        hint: `Fichier : ${path}.`,
      },
    );
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new AppError('MAPPING_INVALID', `${path} is not valid JSON/YAML: ${(error as Error).message}`, {
      cause: error,
      hint: `Fichier : ${path}.`,
    });
  }
  const parsed = mappingSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new AppError('MAPPING_INVALID', `${path}: ${problems.join('; ')}`, {
      hint: `Fichier : ${path} (${problems.join('; ')}).`,
    });
  }
  return parsed.data;
}

/** For each warehouse column, the file column that feeds it (mapped name, else the same name). */
export function sourceColumnFor(
  target: string,
  mapping: ColumnMapping,
  fileColumns: readonly string[],
): string | undefined {
  for (const [source, mapped] of Object.entries(mapping.columns)) {
    if (mapped === target) return fileColumns.find((column) => column.toLowerCase() === source.toLowerCase());
  }
  return fileColumns.find((column) => column.toLowerCase() === target.toLowerCase());
}
