// The semantic model: how a team's own export maps onto the bot's canonical rows. YAML (or JSON):
//
//   source: data/export.csv            # optional: the file the model describes (informational: DATA_PATH is loaded)
//   dimensions:
//     campaign: Campaign name          # required: the ONLY key of a campaign
//     category: { column: Channel, label: { fr: Canal, en: Channel }, synonyms: [canal, channel] }
//     placement: Placement             # any other breakdown, by model name
//   measures:                          # each a column, a list of columns (summed), or null / missing (absent)
//     impressions: Impr.
//     clicks: Link clicks
//     spend: Cost                      # → mark_spent
//     leads: Conversions
//     orders: Conversions              # one column may feed two measures
//     revenue: null                    # absent: ROI and ROAS do not exist for this data
//   time: { column: Day, format: "%d/%m/%Y" }          # or { year: 2021, month: Month, day: Day } or none
//   currency: CHF
//
// The old rename-only mapping file (`columns: {cost: mark_spent}`, `date_format`) is converted to a model
// (modelFromMapping). Every identifier that reaches SQL is a canonical name or a validated model name; file column
// names only ever appear quoted.
import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { isSafeIdentifier } from './guard.js';

/** The canonical measures (warehouse column names) and the KPIs built on them. */
export const MEASURES = ['impressions', 'clicks', 'mark_spent', 'leads', 'orders', 'revenue'] as const;
export type Measure = (typeof MEASURES)[number];
export const COUNT_MEASURES = ['impressions', 'clicks', 'leads', 'orders'] as const;
export const AMOUNT_MEASURES = ['mark_spent', 'revenue'] as const;

/** Which measures each KPI needs: a KPI whose measures are absent does not exist for that data. */
export const KPI_NEEDS: Record<string, readonly Measure[]> = {
  ctr: ['clicks', 'impressions'],
  cvr: ['orders', 'clicks'],
  cpl: ['mark_spent', 'leads'],
  cpa: ['mark_spent', 'orders'],
  cpc: ['mark_spent', 'clicks'],
  cpm: ['mark_spent', 'impressions'],
  roi: ['revenue', 'mark_spent'],
  roas: ['revenue', 'mark_spent'],
};

export const MEASURE_LABELS: Record<Measure, { fr: string; en: string }> = {
  impressions: { fr: "d'impressions", en: 'impressions' },
  clicks: { fr: 'de clics', en: 'clicks' },
  mark_spent: { fr: 'de dépenses', en: 'spend' },
  leads: { fr: 'de leads', en: 'leads' },
  orders: { fr: 'de commandes (conversions)', en: 'orders (conversions)' },
  revenue: { fr: "de chiffre d'affaires", en: 'revenue' },
};

/** Names a model dimension may not take: they are canonical columns, KPI names or time buckets. */
const RESERVED = new Set([
  'id', 'c_date', 'campaign_name', 'campaign_id', 'day', 'week', 'month', 'period', 'value', 'campaigns', 'days',
  'period_start', 'period_end', 'segment', ...MEASURES, 'spend', 'conversions', ...Object.keys(KPI_NEEDS),
]); // biome-ignore format: one list

/** A model name: what becomes a column of marketing_clean and the KPI tables. */
export const MODEL_NAME = /^[a-z][a-z0-9_]{0,39}$/;

const columnRef = z.string().trim().min(1).max(200);

const measureSpec = z.union([columnRef, z.array(columnRef).min(1).max(10), z.null()]);

const dimensionSpec = z.union([
  columnRef,
  z
    .object({
      column: columnRef,
      label: z
        .object({ fr: z.string().min(1).max(60), en: z.string().min(1).max(60) })
        .partial()
        .optional(),
      synonyms: z.array(z.string().min(1).max(60)).max(30).optional(),
    })
    .strict(),
]);

/** strptime directives DuckDB and the loader accept; quotes never reach SQL text. */
const strptimeFormat = z
  .string()
  .regex(/^[%A-Za-z0-9 ./:_,-]+$/, 'un format strptime tel que %d-%m-%Y')
  .superRefine((format, ctx) => {
    const missing: string[] = [];
    if (!/%-?[dej]/.test(format)) missing.push('le jour (%d)');
    if (!/%-?[mbB]/.test(format)) missing.push('le mois (%m, %b ou %B)');
    if (!/%[yY]/.test(format)) missing.push("l'année (%Y ou %y)");
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `le format de date « ${format} » ne contient pas ${missing.join(', ')} : toutes les dates tomberaient sur un même mois ou une même année. Donnez un format complet, par exemple %d-%m-%Y, ou décrivez la date par parties (time: { year: 2021, month: Mois, day: Jour }).`,
      });
    }
  });

const timeSpec = z.union([
  z.literal('none'),
  z.null(),
  z.object({ column: columnRef, format: strptimeFormat.optional() }).strict(),
  z
    .object({
      year: z.union([z.number().int().min(1990).max(2100), columnRef]),
      month: columnRef,
      day: columnRef.optional(),
    })
    .strict(),
]);

const MEASURE_KEYS = {
  impressions: 'impressions',
  clicks: 'clicks',
  spend: 'mark_spent',
  mark_spent: 'mark_spent',
  leads: 'leads',
  orders: 'orders',
  conversions: 'orders',
  revenue: 'revenue',
} as const satisfies Record<string, Measure>;

export const modelFileSchema = z
  .object({
    version: z.literal(1).optional(),
    source: z.string().min(1).max(500).optional(),
    dimensions: z.record(z.string(), dimensionSpec),
    campaign_id: columnRef.optional(),
    measures: z.record(z.string(), measureSpec).default({}),
    time: timeSpec.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'un code de devise ISO en 3 lettres, par exemple CHF')
      .optional(),
  })
  .strict()
  .superRefine((model, ctx) => {
    if (!model.dimensions.campaign) {
      ctx.addIssue({
        code: 'custom',
        path: ['dimensions', 'campaign'],
        message: 'la dimension campaign est obligatoire (la colonne qui nomme la campagne)',
      });
    }
    for (const name of Object.keys(model.dimensions)) {
      if (name === 'campaign') continue;
      if (!MODEL_NAME.test(name) || RESERVED.has(name) || !isSafeIdentifier(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', name],
          message: `nom de dimension « ${name} » refusé : minuscules, chiffres et _ (commence par une lettre), et pas un nom réservé ni un mot SQL (${[...RESERVED].slice(0, 6).join(', ')}, select, order…)`,
        });
      }
    }
    const seen = new Map<Measure, string>();
    for (const key of Object.keys(model.measures)) {
      const measure = (MEASURE_KEYS as Record<string, Measure>)[key];
      if (!measure) {
        ctx.addIssue({
          code: 'custom',
          path: ['measures', key],
          message: `mesure inconnue « ${key} » (mesures : ${Object.keys(MEASURE_KEYS).join(', ')})`,
        });
        continue;
      }
      const previous = seen.get(measure);
      if (previous)
        ctx.addIssue({
          code: 'custom',
          path: ['measures', key],
          message: `« ${previous} » et « ${key} » décrivent la même mesure`,
        });
      seen.set(measure, key);
    }
  });

export type ModelFile = z.infer<typeof modelFileSchema>;

export interface ModelDimension {
  /** The model name: the column name in marketing_clean and the KPI tables (category, placement, …). */
  name: string;
  column: string;
  label: { fr: string; en: string };
  synonyms: string[];
}

export type ModelTime =
  | { kind: 'none' }
  | { kind: 'date'; column: string; format?: string }
  | { kind: 'parts'; year: number | { column: string }; month: string; day?: string };

/** The resolved model the loader compiles to SQL. */
export interface SemanticModel {
  source?: string;
  campaign: { column: string };
  campaignId?: string;
  dimensions: ModelDimension[];
  /** For each measure, the columns summed into it; null = absent from the data. */
  measures: Record<Measure, string[] | null>;
  time: ModelTime;
  currency?: string;
}

const DEFAULT_LABELS: Record<string, { fr: string; en: string; synonyms: string[] }> = {
  category: {
    fr: 'catégorie',
    en: 'category',
    synonyms: ['canal', 'canaux', 'channel', 'catégorie', 'type'],
  },
  platform: { fr: 'plateforme', en: 'platform', synonyms: ['plateforme', 'réseau', 'network', 'publisher'] },
  placement: { fr: 'emplacement', en: 'placement', synonyms: ['emplacement', 'position'] },
  age: { fr: "tranche d'âge", en: 'age band', synonyms: ['âge', 'tranche', 'age group'] },
  gender: { fr: 'genre', en: 'gender', synonyms: ['sexe', 'genre'] },
  country: { fr: 'pays', en: 'country', synonyms: ['pays', 'région', 'market'] },
  device: { fr: 'appareil', en: 'device', synonyms: ['appareil', 'mobile', 'desktop'] },
  banner: { fr: 'bannière', en: 'banner', synonyms: ['bannière', 'format', 'creative', 'créa'] },
  audience: { fr: 'audience', en: 'audience', synonyms: ['cible', 'segment', 'target'] },
  ad_set: { fr: "ensemble d'annonces", en: 'ad set', synonyms: ['adset', 'ad group', "groupe d'annonces"] },
};

/** True when a model name is acceptable for a dimension (also used by inference to name columns). */
export function isDimensionName(name: string): boolean {
  return MODEL_NAME.test(name) && !RESERVED.has(name) && isSafeIdentifier(name);
}

export function defaultLabel(name: string): { fr: string; en: string; synonyms: string[] } {
  return (
    DEFAULT_LABELS[name] ?? { fr: name.replaceAll('_', ' '), en: name.replaceAll('_', ' '), synonyms: [] }
  );
}

/** A parsed model file → the resolved model. */
export function resolveModel(file: ModelFile): SemanticModel {
  const measures = Object.fromEntries(MEASURES.map((measure) => [measure, null])) as Record<
    Measure,
    string[] | null
  >;
  for (const [key, spec] of Object.entries(file.measures)) {
    const measure = (MEASURE_KEYS as Record<string, Measure>)[key]!;
    measures[measure] = spec === null ? null : typeof spec === 'string' ? [spec] : spec;
  }
  const dimensions: ModelDimension[] = [];
  let campaign = '';
  for (const [name, spec] of Object.entries(file.dimensions)) {
    const column = typeof spec === 'string' ? spec : spec.column;
    if (name === 'campaign') {
      campaign = column;
      continue;
    }
    const defaults = defaultLabel(name);
    const label = typeof spec === 'string' ? undefined : spec.label;
    dimensions.push({
      name,
      column,
      label: { fr: label?.fr ?? defaults.fr, en: label?.en ?? defaults.en },
      synonyms: (typeof spec === 'string' ? undefined : spec.synonyms) ?? defaults.synonyms,
    });
  }
  const time: ModelTime =
    file.time === undefined || file.time === null || file.time === 'none'
      ? { kind: 'none' }
      : 'column' in file.time
        ? { kind: 'date', column: file.time.column, format: file.time.format }
        : {
            kind: 'parts',
            year: typeof file.time.year === 'number' ? file.time.year : { column: file.time.year },
            month: file.time.month,
            day: file.time.day,
          };
  return {
    source: file.source,
    campaign: { column: campaign },
    campaignId: file.campaign_id,
    dimensions,
    measures,
    time,
    currency: file.currency,
  };
}

/** The resolved model back to its file shape (for `data inspect --write` and reports). */
export function modelToFile(model: SemanticModel): ModelFile {
  const dimensions: ModelFile['dimensions'] = { campaign: model.campaign.column };
  for (const dimension of model.dimensions) {
    const defaults = defaultLabel(dimension.name);
    const plain =
      dimension.label.fr === defaults.fr &&
      dimension.label.en === defaults.en &&
      dimension.synonyms.join('|') === defaults.synonyms.join('|');
    dimensions[dimension.name] = plain
      ? dimension.column
      : { column: dimension.column, label: dimension.label, synonyms: dimension.synonyms };
  }
  const measures: ModelFile['measures'] = {};
  for (const measure of MEASURES) {
    const columns = model.measures[measure];
    const key = measure === 'mark_spent' ? 'spend' : measure;
    measures[key] = columns === null ? null : columns.length === 1 ? columns[0]! : columns;
  }
  const time: ModelFile['time'] =
    model.time.kind === 'none'
      ? 'none'
      : model.time.kind === 'date'
        ? { column: model.time.column, ...(model.time.format ? { format: model.time.format } : {}) }
        : {
            year: typeof model.time.year === 'number' ? model.time.year : model.time.year.column,
            month: model.time.month,
            ...(model.time.day ? { day: model.time.day } : {}),
          };
  return {
    version: 1,
    ...(model.source ? { source: model.source } : {}),
    dimensions,
    ...(model.campaignId ? { campaign_id: model.campaignId } : {}),
    measures,
    time,
    ...(model.currency ? { currency: model.currency } : {}),
  };
}

export function modelToYaml(model: SemanticModel): string {
  return stringifyYaml(modelToFile(model), { lineWidth: 0 });
}

function frenchProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`);
}

/** Parses a model from its text (YAML or JSON); MODEL_INVALID with every problem in French otherwise. */
export function parseModel(text: string, origin: string): SemanticModel {
  let raw: unknown;
  try {
    raw = origin.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new AppError('MODEL_INVALID', `${origin} is not valid YAML/JSON: ${(error as Error).message}`, {
      cause: error,
      hint: `Fichier : ${origin} (YAML illisible).`,
    });
  }
  if (isLegacyMapping(raw)) {
    throw new AppError('MODEL_INVALID', `${origin} is a column mapping, not a semantic model`, {
      hint: `Fichier : ${origin}. C'est un ancien fichier de mapping (columns:) : passez-le par MAPPING_PATH, ou convertissez-le avec « npm run data -- inspect FICHIER --write modele.yml ».`,
    });
  }
  const parsed = modelFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = frenchProblems(parsed.error);
    throw new AppError('MODEL_INVALID', `${origin}: ${problems.join('; ')}`, {
      hint: `Fichier : ${origin} — ${problems.join(' ; ')}.`,
      details: { problems },
    });
  }
  return resolveModel(parsed.data);
}

export function loadModel(path: string): SemanticModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'MODEL_INVALID',
      `Cannot read the semantic model ${path}: ${(error as Error).message}`,
      {
        cause: error,
        hint: `Fichier : ${path} (introuvable ou illisible). Vérifiez MODEL_PATH.`,
      },
    );
  }
  return parseModel(text, path);
}

function isLegacyMapping(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !('dimensions' in raw) &&
    ('columns' in raw || 'date_format' in raw)
  );
}

/** Every file column the model reads (to check they exist, and to project only them). */
export function modelColumns(model: SemanticModel): string[] {
  const columns = new Set<string>([model.campaign.column]);
  if (model.campaignId) columns.add(model.campaignId);
  for (const dimension of model.dimensions) columns.add(dimension.column);
  for (const measure of MEASURES) for (const column of model.measures[measure] ?? []) columns.add(column);
  if (model.time.kind === 'date') columns.add(model.time.column);
  if (model.time.kind === 'parts') {
    columns.add(model.time.month);
    if (model.time.day) columns.add(model.time.day);
    if (typeof model.time.year !== 'number') columns.add(model.time.year.column);
  }
  return [...columns];
}

/** The measures a model supplies (present in the file). */
export function presentMeasures(model: SemanticModel): Measure[] {
  return MEASURES.filter((measure) => model.measures[measure] !== null);
}
