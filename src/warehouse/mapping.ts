// The old column mapping file (before the semantic model): it can only rename columns. JSON or YAML:
//   columns: { cost: mark_spent, conversions: orders, channel: category }
//   date_format: "%d/%m/%Y"      # optional strptime format when dates are written another way
// It keeps working: `modelFromMapping` converts it to a semantic model in which every canonical column is required
// (as it always was). New setups should write a semantic model (MODEL_PATH); `npm run data -- inspect FILE
// --write model.yml` proposes one.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { CLEAN_COLUMN_NAMES } from './schema.js';
import { MEASURES, type Measure, type SemanticModel } from './semantic-model.js';

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
    const format = mapping.date_format;
    if (format && !(/%-?[dej]/.test(format) && /%-?[mbB]/.test(format) && /%[yY]/.test(format))) {
      ctx.addIssue({
        code: 'custom',
        path: ['date_format'],
        message: `"${format}" lacks the day, the month or the year (%d, %m, %Y): every date would fall into one month`,
      });
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
  if (typeof raw === 'object' && raw !== null && 'dimensions' in raw) {
    throw new AppError('MAPPING_INVALID', `${path} is a semantic model, not a column mapping`, {
      hint: `Fichier : ${path}. C'est un modèle sémantique (dimensions:, measures:) : passez-le par MODEL_PATH, pas MAPPING_PATH.`,
    });
  }
  const parsed = mappingSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new AppError('MAPPING_INVALID', `${path}: ${problems.join('; ')}`, {
      hint: `Fichier : ${path} (${problems.join('; ')}). Le mapping ne fait que renommer des colonnes ; un modèle sémantique (MODEL_PATH, proposé par « npm run data -- inspect FICHIER --write modele.yml ») décrit aussi les mesures absentes, les dates par parties et les autres dimensions.`,
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

const REQUIRED = ['c_date', 'campaign_name', 'category', ...MEASURES] as const;

/** The old mapping as a semantic model over this file; a missing required column is DATA_COLUMN_MISSING. */
export function modelFromMapping(
  file: string,
  mapping: ColumnMapping,
  fileColumns: readonly string[],
): SemanticModel {
  const sources = new Map<string, string>();
  const missing: string[] = [];
  for (const column of REQUIRED) {
    const source = sourceColumnFor(column, mapping, fileColumns);
    if (source) sources.set(column, source);
    else missing.push(column);
  }
  if (missing.length > 0) {
    throw new AppError(
      'DATA_COLUMN_MISSING',
      `${file}: missing required column(s) ${missing.join(', ')} (file has: ${fileColumns.join(', ')})`,
      {
        hint: `Fichier : ${file} ; ${missing.length > 1 ? 'colonnes manquantes' : 'colonne manquante'} : ${missing.join(', ')}. Ajoutez-les, décrivez-les dans le mapping (MAPPING_PATH), ou passez à un modèle sémantique (MODEL_PATH) où une mesure peut être absente : « npm run data -- inspect ${file} --write modele.yml ».`,
        details: { file, missing, fileColumns },
      },
    );
  }
  const measures = Object.fromEntries(
    MEASURES.map((measure) => [measure, [sources.get(measure)!]]),
  ) as Record<Measure, string[]>;
  return {
    campaign: { column: sources.get('campaign_name')! },
    campaignId: sourceColumnFor('campaign_id', mapping, fileColumns),
    dimensions: [
      {
        name: 'category',
        column: sources.get('category')!,
        label: { fr: 'catégorie', en: 'category' },
        synonyms: ['canal', 'channel'],
      },
    ],
    measures,
    time: { kind: 'date', column: sources.get('c_date')!, format: mapping.date_format },
  };
}
