// Model inference: proposes a semantic model for a file from DuckDB's own CSV sniffer (column types, the date
// format) plus the header's words and a sample of values. Every guess comes with its reason; what cannot be decided
// (two candidate revenue columns, no year in the file) is named as an ambiguity instead of being hidden.
import { AppError, toAppError, userMessage } from '../core/errors.js';
import { silentLogger } from '../core/logger.js';
import type { Column, Row } from './port.js';
import {
  defaultLabel,
  isDimensionName,
  MEASURES,
  type Measure,
  type ModelDimension,
  type ModelFile,
  type ModelTime,
  modelToFile,
  modelToYaml,
  type SemanticModel,
} from './semantic-model.js';
import { checkReadable, fileReader, isParquetFile, monthNumber, NULLSTR_SQL } from './source-file.js';
import type { Warehouse } from './warehouse.js';

export interface ModelInference {
  file: string;
  model: SemanticModel;
  /** One French line per decision: which column plays which part, and why. */
  reasons: string[];
  /** What the file does not settle: two candidates, a guessed year. Empty when nothing is doubtful. */
  ambiguities: string[];
  /** A one-line French summary (start-up report, provenance). */
  summary: string;
  columns: { name: string; type: string }[];
}

const SAMPLE_ROWS = 2000;

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** For each measure, header patterns by priority (first = most specific). */
const MEASURE_PATTERNS: Record<Measure, RegExp[]> = {
  impressions: [/^(impressions?|impr|imps?)$/, /impression/, /^(vues|views)$/],
  clicks: [/^(clicks?|clics?)$/, /(link )?clicks?$|clics?$/, /click|clic/],
  mark_spent: [
    /^(mark spent|spend|spent|cost|cout|depenses?|amount spent)( [a-z]{3})?$/,
    /amount spent|spend|spent|depense|cost|cout|budget/,
  ],
  leads: [/^leads?$/, /lead/],
  orders: [
    /^(orders?|conversions?|purchases?|commandes?|achats?|ventes?|sales)$/,
    /total conversion$|conversions?$|purchases?$|orders?$|results?$|approved conversion/,
  ],
  revenue: [
    /^(revenue|revenus?|chiffre d affaires|ca|turnover|sales value)$/,
    /revenue|revenu|chiffre d affaires|conversion value|purchase value|sales value|valeur|value/,
  ],
};

/** Words that make a header a ratio or a unit cost, never a measure (CTR, CPC, cost per lead…). */
const NOT_A_MEASURE =
  /\b(rate|ratio|ctr|cpc|cpm|cpa|cpl|roas|roi|per|par|average|avg|moyen|taux|share|pct|percent)\b/;

const DIMENSION_NAMES: [RegExp, string][] = [
  [/^(category|categorie|channel|canal|type|medium|source|media|channel type)$/, 'category'],
  [/^(platform|plateforme|publisher|publisher platform|network|reseau|site)$/, 'platform'],
  [/placement|emplacement|position/, 'placement'],
  [/^(age|age range|age group|tranche d age|ages?)$/, 'age'],
  [/^(gender|sexe|genre)$/, 'gender'],
  [/^(country|pays|market|region)$/, 'country'],
  [/^(device|appareil|device platform|impression device)$/, 'device'],
  [/banner|banniere|creative|ad size|format/, 'banner'],
  [/^(audience|cible|target|interest)/, 'audience'],
  [/^(ad set|adset|ad set name|ad group|ad group name|ensemble d annonces)$/, 'ad_set'],
];

function isNumeric(column: Column): boolean {
  return column.type === 'integer' || column.type === 'double';
}

/** A numeric column, or a text one whose sample values are numbers but for a few (a typo the loader will name). */
function mostlyNumbers(column: Column, rows: Row[]): boolean {
  if (isNumeric(column)) return true;
  const values = [...distinctValues(rows, column.name)];
  if (values.length === 0) return true;
  const numbers = values.filter(
    (value) => value.trim() !== '' && Number.isFinite(Number(value.trim())),
  ).length;
  return numbers >= 1 && numbers / values.length >= 0.5;
}

function slug(text: string): string {
  const base = normalizeHeader(text).replace(/ /g, '_').slice(0, 36);
  if (isDimensionName(base)) return base;
  return isDimensionName(`d_${base}`) ? `d_${base}` : 'dimension';
}

function distinctValues(rows: Row[], column: string): Set<string> {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row[column];
    if (value !== null && value !== undefined) values.add(String(value));
  }
  return values;
}

/** Reads the header, types and a sample; the date format comes from sniff_csv. */
async function sniff(
  warehouse: Warehouse,
  file: string,
): Promise<{ columns: Column[]; rows: Row[]; dateFormat: string | null }> {
  try {
    const sample = await warehouse.maintain({
      name: 'infer_sample',
      sql: `SELECT * FROM ${fileReader(file, 'typed')} LIMIT ?`,
      params: [file, SAMPLE_ROWS],
    });
    let dateFormat: string | null = null;
    if (!isParquetFile(file)) {
      const sniffed = await warehouse.maintain({
        name: 'infer_sniff',
        sql: `SELECT DateFormat AS date_format FROM sniff_csv(?, ${NULLSTR_SQL}) LIMIT 1`,
        params: [file],
      });
      const format = sniffed.rows[0]?.date_format;
      dateFormat = typeof format === 'string' && format !== '' ? format : null;
    }
    return { columns: sample.columns, rows: sample.rows, dateFormat };
  } catch (error) {
    if (error instanceof AppError && error.code === 'SQL_REJECTED') throw error;
    throw new AppError('DATA_FILE_UNREADABLE', `${file}: ${(error as Error).message}`, {
      cause: error,
      hint: `Fichier : ${file}.`,
    });
  }
}

/** Proposes a model for a file. `now` gives the year assumed when the file has month names but no year. */
export async function inferModel(
  warehouse: Warehouse,
  file: string,
  options: { now?: Date } = {},
): Promise<ModelInference> {
  checkReadable(file);
  const { columns, rows, dateFormat } = await sniff(warehouse, file);
  const reasons: string[] = [];
  const ambiguities: string[] = [];
  const used = new Set<string>();
  const considered = new Set<string>(); // candidates not chosen: named in the ambiguities, not "unrecognized"

  const normalized = new Map(columns.map((column) => [column.name, normalizeHeader(column.name)]));
  const header = (column: Column) => normalized.get(column.name) ?? '';

  // Time first: a date column, or month/day (and year) parts.
  let time: ModelTime = { kind: 'none' };
  const dateColumn =
    columns.find((column) => column.type === 'date' || column.type === 'timestamp') ??
    columns.find(
      (column) =>
        /^(date|day|jour|c date|reporting starts|periode)$/.test(header(column)) &&
        [...distinctValues(rows, column.name)].every((value) => !Number.isNaN(Date.parse(value))),
    );
  if (dateColumn) {
    const format =
      dateColumn.type === 'date' && dateFormat && dateFormat !== '%Y-%m-%d' ? dateFormat : undefined;
    time = { kind: 'date', column: dateColumn.name, ...(format ? { format } : {}) };
    used.add(dateColumn.name);
    reasons.push(
      `date : colonne « ${dateColumn.name} » (lue comme date par DuckDB${format ? `, format ${format}` : ''})`,
    );
  } else {
    const monthColumn = columns.find((column) => {
      const values = [...distinctValues(rows, column.name)];
      const named = /^(month|mois|month name|nom du mois)$/.test(header(column));
      return (
        values.length > 0 &&
        values.every((value) => monthNumber(value) !== undefined) &&
        (named || (!isNumeric(column) && values.some((value) => Number.isNaN(Number(value)))))
      );
    });
    if (monthColumn) {
      used.add(monthColumn.name);
      const dayColumn = columns.find(
        (column) =>
          column !== monthColumn &&
          /^(day|jour|day of month|jour du mois|dom)$/.test(header(column)) &&
          [...distinctValues(rows, column.name)].every(
            (value) => /^\d{1,2}$/.test(value) && Number(value) <= 31,
          ),
      );
      const yearColumn = columns.find(
        (column) =>
          /^(year|annee|an)$/.test(header(column)) &&
          [...distinctValues(rows, column.name)].every((value) => /^(19|20)\d\d$/.test(value)),
      );
      if (dayColumn) used.add(dayColumn.name);
      if (yearColumn) used.add(yearColumn.name);
      const year = yearColumn ? { column: yearColumn.name } : (options.now ?? new Date()).getUTCFullYear();
      time = { kind: 'parts', year, month: monthColumn.name, ...(dayColumn ? { day: dayColumn.name } : {}) };
      reasons.push(
        `date : construite à partir du mois « ${monthColumn.name} »${dayColumn ? ` et du jour « ${dayColumn.name} »` : ' (premier du mois : pas de colonne jour)'}${yearColumn ? ` et de l'année « ${yearColumn.name} »` : ''}`,
      );
      if (!yearColumn)
        ambiguities.push(
          `le fichier n'a pas d'année : ${year} est supposée (time.year), indiquez la bonne année dans le modèle`,
        );
    } else {
      reasons.push(
        'date : aucune colonne de date, de mois ou de jour — les questions sur le temps seront refusées',
      );
    }
  }

  // Measures: numeric columns whose header names one; the first pattern wins, other candidates are named.
  const measures = Object.fromEntries(MEASURES.map((measure) => [measure, null])) as Record<
    Measure,
    string[] | null
  >;
  for (const measure of MEASURES) {
    const candidates: string[] = [];
    for (const pattern of MEASURE_PATTERNS[measure]) {
      for (const column of columns) {
        const name = header(column);
        if (used.has(column.name) || candidates.includes(column.name)) continue;
        if (!mostlyNumbers(column, rows)) continue;
        if (NOT_A_MEASURE.test(name) || /\bid\b/.test(name)) continue;
        if (measure === 'orders' && /value|valeur|revenue|cost|cout/.test(name)) continue;
        if (measure === 'clicks' && /cost|cout/.test(name)) continue;
        if (pattern.test(name)) candidates.push(column.name);
      }
    }
    const [chosen, ...others] = candidates;
    for (const other of others) considered.add(other);
    if (!chosen) {
      reasons.push(`${measure} : aucune colonne — mesure absente`);
      continue;
    }
    measures[measure] = [chosen];
    used.add(chosen);
    reasons.push(`${measure} : colonne « ${chosen} » (nom reconnu)`);
    if (others.length > 0) {
      ambiguities.push(
        `deux colonnes candidates pour ${measure} : « ${chosen} » (choisie) et ${others.map((other) => `« ${other} »`).join(', ')} — corrigez measures.${measure === 'mark_spent' ? 'spend' : measure} si besoin`,
      );
    }
  }
  // One conversion column may feed both leads and orders when only one exists.
  if (!measures.orders && measures.leads) reasons.push('orders : absente (seuls des leads existent)');

  // The campaign: a header naming it (a name before an id); numeric ids are read as text.
  const campaignCandidates = columns
    .filter((column) => !used.has(column.name) && /campaign|campagne/.test(header(column)))
    .sort((a, b) => Number(/\bid\b/.test(header(a))) - Number(/\bid\b/.test(header(b))));
  let campaign = campaignCandidates[0];
  if (!campaign) {
    campaign = columns.find(
      (column) => !used.has(column.name) && !isNumeric(column) && column.type === 'string',
    );
    if (!campaign)
      throw new AppError('DATA_COLUMN_MISSING', `${file}: no column can name the campaign`, {
        hint: `Fichier : ${file} : aucune colonne ne nomme la campagne. Écrivez un modèle (dimensions.campaign) et passez-le par MODEL_PATH.`,
        details: { file, fileColumns: columns.map((column) => column.name) },
      });
    ambiguities.push(`aucune colonne « campaign » : « ${campaign.name} » est prise comme nom de campagne`);
  }
  used.add(campaign.name);
  reasons.push(
    `campagne : colonne « ${campaign.name} »${isNumeric(campaign) ? ' (identifiants numériques, lus comme texte)' : ''}`,
  );
  let campaignId: string | undefined;
  const idColumn = campaignCandidates.find((column) => column !== campaign && /\bid\b/.test(header(column)));
  if (idColumn) {
    campaignId = idColumn.name;
    used.add(idColumn.name);
    reasons.push(`identifiant de campagne : colonne « ${idColumn.name} »`);
  }

  // Dimensions: the other text columns, named by what they are (the channel becomes `category`).
  const dimensions: ModelDimension[] = [];
  const names = new Set<string>();
  for (const column of columns) {
    if (used.has(column.name)) continue;
    const name = header(column);
    if (
      isNumeric(column) ||
      mostlyNumbers(column, rows) ||
      column.type === 'date' ||
      column.type === 'timestamp' ||
      column.type === 'boolean'
    ) {
      if (!/^(id|row|index)$/.test(name))
        reasons.push(`« ${column.name} » : colonne numérique non reconnue, ignorée`);
      continue;
    }
    if (/\bid\b/.test(name) || /^(currency|devise)$/.test(name)) continue;
    let model = DIMENSION_NAMES.find(([pattern]) => pattern.test(name))?.[1] ?? slug(column.name);
    if (names.has(model)) model = slug(column.name);
    let unique = model;
    for (let n = 2; names.has(unique); n++) unique = `${model}_${n}`;
    names.add(unique);
    const defaults = defaultLabel(unique);
    dimensions.push({
      name: unique,
      column: column.name,
      label: { fr: defaults.fr, en: defaults.en },
      synonyms: defaults.synonyms,
    });
    reasons.push(`dimension ${unique} : colonne « ${column.name} »`);
  }

  const model: SemanticModel = {
    campaign: { column: campaign.name },
    campaignId,
    dimensions,
    measures,
    time,
  };
  const absent = MEASURES.filter((measure) => measures[measure] === null);
  const summary =
    `campagne « ${campaign.name} », ${dimensions.length > 1 ? `${dimensions.length} autres dimensions` : '1 autre dimension'}` +
    `${dimensions.length > 0 ? ` (${dimensions.map((dimension) => dimension.name).join(', ')})` : ''}, ` +
    `${time.kind === 'none' ? 'pas de date' : time.kind === 'date' ? `date « ${time.column} »` : 'date par parties'}` +
    `${absent.length > 0 ? `, mesures absentes : ${absent.join(', ')}` : ''}`;
  return {
    file,
    model,
    reasons,
    ambiguities,
    summary,
    columns: columns.map((column) => ({ name: column.name, type: column.type })),
  };
}

/** What `npm run data -- inspect FILE` shows: the proposed model, its reasons and doubts, and a trial load. */
export interface Inspection extends ModelInference {
  /** The model as it would be written to a file. */
  modelFile: ModelFile;
  yaml: string;
  /** A trial load with the proposed model (in memory): rows and notices, or the refusal in French. */
  trial: { rows: number; notices: string[] } | { error: string; code: string };
}

/** Infers a model for a file on a throw-away in-memory DuckDB, and tries loading the file with it. */
export async function inspectFile(file: string, options: { now?: Date } = {}): Promise<Inspection> {
  const { createDuckDbDriver } = await import('./duckdb.js');
  const { createWarehouse } = await import('./warehouse.js');
  const { loadMarketingData } = await import('./loader.js');
  const { buildKpiTables } = await import('./kpi.js');
  const driver = await createDuckDbDriver({ path: ':memory:' });
  const warehouse = createWarehouse(
    driver,
    { maxRows: 10_000, timeoutMs: 60_000, maintenanceTimeoutMs: 600_000 },
    { logger: silentLogger() },
  );
  try {
    const inference = await inferModel(warehouse, file, options);
    let trial: Inspection['trial'];
    try {
      const loaded = await loadMarketingData(warehouse, file, inference.model, options);
      const kpi = await buildKpiTables(warehouse);
      trial = { rows: loaded.rows, notices: [...loaded.notices, ...kpi.notices] };
    } catch (error) {
      const appError = toAppError(error);
      trial = { error: userMessage(appError), code: appError.code };
    }
    return {
      ...inference,
      modelFile: modelToFile(inference.model),
      yaml: modelToYaml(inference.model),
      trial,
    };
  } finally {
    await warehouse.close();
  }
}

/** The proposal as a commented YAML file (reasons and doubts as comments). */
export function inspectionYaml(inspection: Inspection): string {
  const lines = [
    `# Modèle sémantique proposé pour ${inspection.file} (npm run data -- inspect)`,
    '# Pourquoi :',
    ...inspection.reasons.map((reason) => `#   - ${reason}`),
    ...(inspection.ambiguities.length > 0
      ? ['# À vérifier :', ...inspection.ambiguities.map((doubt) => `#   - ${doubt}`)]
      : []),
    ...('error' in inspection.trial
      ? [`# Essai de chargement refusé : ${inspection.trial.error}`]
      : [
          `# Essai de chargement : ${inspection.trial.rows} lignes.`,
          ...inspection.trial.notices.map((notice) => `#   ! ${notice}`),
        ]),
    inspection.yaml.trimEnd(),
  ];
  return `${lines.join('\n')}\n`;
}
