// The ML service the tools call: reads the training rows through the named ML queries, trains (or reuses)
// the revenue model of the scope, and runs predictions, budget simulations and segmentation. Inputs are
// checked here, so every caller gets the same French errors (no silent clamping).
import { AppError } from '../core/errors.js';
import type { Row, SqlValue } from '../core/rows.js';
import { requireMetric } from '../warehouse/availability.js';
import type { CatalogProvider } from '../warehouse/catalog.js';
import type { Statement } from '../warehouse/guard.js';
import { mlCampaignKpisQuery, mlTotalsQuery, mlTrainingRowsQuery } from '../warehouse/ml-queries.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import {
  BUDGET_CHANGE_RANGE,
  type BudgetSimulation,
  baselineTotals,
  DEFAULT_VOLUME_ELASTICITY,
  simulateBudget,
} from './budget-simulation.js';
import { type CampaignDay, campaignDaysFrom, datasetVersion } from './features.js';
import { createModelCache, type ModelCache } from './model-cache.js';
import {
  type Prediction,
  predictRevenue,
  type RevenueModel,
  type RevenueModelOptions,
} from './revenue-model.js';
import type { CampaignKpis, Segmentation } from './segmentation.js';
import { createInProcessSegmenter, type Segmenter } from './segmenter.js';
import { createInProcessTrainer, type ModelTrainer } from './trainer.js';

export const ALL = 'all';

export interface QueryTrace {
  name: string;
  sql: string;
  params: readonly SqlValue[];
  rowCount: number;
  ms: number;
}

export interface ModelSummary {
  scope: string;
  version: string;
  trainedRows: number;
  holdoutR2: number | null;
  holdoutR2Log: number | null;
  oobR2Log: number | null;
  trainingMs: number;
  fromCache: boolean;
}

export interface MlResultBase {
  queries: QueryTrace[];
  warnings: string[];
  ms: number;
}

export interface PredictRevenueResult extends MlResultBase {
  category: string;
  budget: number;
  prediction: Prediction;
  model: ModelSummary;
}

export interface SimulateBudgetResult extends MlResultBase {
  simulation: BudgetSimulation;
  model: ModelSummary;
}

export interface SegmentCampaignsResult extends MlResultBase {
  segmentation: Segmentation;
}

export interface MlService {
  predictRevenue(args: {
    budget: number;
    category?: string;
    impressions?: number;
    clicks?: number;
  }): Promise<PredictRevenueResult>;
  simulateBudget(args: {
    budgetIncreasePct: number;
    category?: string;
    volumeElasticity?: number;
  }): Promise<SimulateBudgetResult>;
  segmentCampaigns(args?: { k?: number }): Promise<SegmentCampaignsResult>;
  /** The scope's model (trained or cached) and how it was read: for the benchmark and diagnostics. */
  model(category?: string): Promise<{ model: RevenueModel; summary: ModelSummary; queries: QueryTrace[] }>;
}

export interface MlSettings {
  /** LIMIT of the training query: at most the warehouse row cap (QUERY_MAX_ROWS). */
  maxTrainingRows: number;
  currency: string;
  seed?: number;
  model?: Partial<RevenueModelOptions>;
}

export interface MlDeps {
  warehouse: Warehouse;
  catalog: CatalogProvider;
  trainer?: ModelTrainer;
  cache?: ModelCache;
  /** Where segmentations run (default in-process; the app passes the worker one, off the event loop). */
  segmenter?: Segmenter;
}

const VOLUME_ELASTICITY_RANGE = { min: 0, max: 1 } as const;

export function createMlService(settings: MlSettings, deps: MlDeps): MlService {
  const trainer = deps.trainer ?? createInProcessTrainer();
  const segmenter = deps.segmenter ?? createInProcessSegmenter();
  // Segmentations per catalog (replaced after every data load or KPI build) and k: computed once per KPI build.
  const segmentations = new WeakMap<
    object,
    Map<string, Promise<{ segmentation: Segmentation; traces: QueryTrace[] }>>
  >();
  const cache = deps.cache ?? createModelCache();
  const seed = settings.seed ?? 42;
  // The baseline of a simulation depends only on the model (whose version fixes its training rows, which are
  // the simulated rows): computed once per model, half the work of every later simulation.
  const baselines = new WeakMap<RevenueModel, Float64Array>();

  async function select(statement: Statement, traces: QueryTrace[]): Promise<Row[]> {
    const result = await deps.warehouse.select(statement);
    traces.push({
      name: statement.name,
      sql: statement.sql,
      params: statement.params,
      rowCount: result.rows.length,
      ms: result.ms,
    });
    return result.rows;
  }

  /** 'all' (or nothing) → undefined; a known category → its spelling in the data; else CATEGORY_NOT_FOUND. */
  async function resolveScope(category: string | undefined): Promise<string | undefined> {
    if (category === undefined || category.trim().toLowerCase() === ALL) return undefined;
    const { categories } = await deps.catalog.get();
    const found = categories.find((known) => known.toLowerCase() === category.trim().toLowerCase());
    if (found) return found;
    throw new AppError('CATEGORY_NOT_FOUND', `unknown category ${JSON.stringify(category)}`, {
      hint: `Catégories disponibles : ${ALL}, ${categories.join(', ')}.`,
      details: { categories },
    });
  }

  // Training rows per scope, kept while the catalog object lives: it is replaced after every data load or KPI
  // build, so a cached simulation neither re-reads nor re-hashes thousands of rows (the 100 ms budget).
  const rowsByCatalog = new WeakMap<
    object,
    Map<string, { rows: CampaignDay[]; version: string; total: number }>
  >();

  async function trainingRows(
    category: string | undefined,
    traces: QueryTrace[],
  ): Promise<{ rows: CampaignDay[]; version: string; total: number }> {
    const catalog = await deps.catalog.get();
    let byScope = rowsByCatalog.get(catalog);
    if (!byScope) {
      byScope = new Map();
      rowsByCatalog.set(catalog, byScope);
    }
    const scope = category ?? ALL;
    let entry = byScope.get(scope);
    if (!entry) {
      const raw = await select(mlTrainingRowsQuery({ category, limit: settings.maxTrainingRows }), traces);
      const rows = campaignDaysFrom(raw);
      entry = { rows, version: datasetVersion(rows), total: Number(raw[0]?.total_rows ?? rows.length) };
      byScope.set(scope, entry);
    }
    return entry;
  }

  async function loadModel(category: string | undefined, traces: QueryTrace[], warnings: string[]) {
    // A revenue model needs revenue and spend: without them the data cannot say what a budget brings.
    requireMetric(await deps.catalog.get(), 'roi');
    const { rows, version, total } = await trainingRows(category, traces);
    if (total > rows.length) {
      warnings.push(
        `Modèle appris sur un échantillon uniforme de ${rows.length} jours-campagne sur ${total} (un sur ${Math.ceil(total / settings.maxTrainingRows)}, toutes périodes ; limite QUERY_MAX_ROWS).`,
      );
    }
    const scope = category ?? ALL;
    const fromCache = cache.has({ version, scope });
    const model = await cache.get({ version, scope }, () =>
      trainer.train({ rows, scope, version, options: { seed, ...settings.model } }),
    );
    const summary: ModelSummary = {
      scope,
      version,
      trainedRows: model.trainedRows,
      holdoutR2: model.holdout.r2,
      holdoutR2Log: model.holdout.r2Log,
      oobR2Log: model.oobR2Log,
      trainingMs: model.trainingMs,
      fromCache,
    };
    return { model, rows, summary };
  }

  return {
    async model(category) {
      const traces: QueryTrace[] = [];
      const { model, summary } = await loadModel(await resolveScope(category), traces, []);
      return { model, summary, queries: traces };
    },

    async predictRevenue(args) {
      const started = performance.now();
      checkPositive('budget', args.budget, 'Le budget doit être un montant positif.');
      if (args.impressions !== undefined)
        checkPositive(
          'impressions',
          args.impressions,
          'Les impressions doivent être un nombre positif.',
          true,
        );
      if (args.clicks !== undefined)
        checkPositive('clicks', args.clicks, 'Les clics doivent être un nombre positif.', true);
      if (args.clicks !== undefined && args.impressions !== undefined && args.clicks > args.impressions) {
        throw new AppError('ML_INPUT_INVALID', 'clicks > impressions', {
          hint: 'Il ne peut pas y avoir plus de clics que d’impressions.',
        });
      }
      const category = await resolveScope(args.category);
      const traces: QueryTrace[] = [];
      const warnings: string[] = [];
      const { model, summary } = await loadModel(category, traces, warnings);
      const prediction = predictRevenue(model, {
        budget: args.budget,
        category,
        impressions: args.impressions,
        clicks: args.clicks,
      });
      if (prediction.outOfRange.length > 0) {
        warnings.push(
          `Entrée hors de la plage apprise (${prediction.outOfRange.join(', ')}) : une forêt aléatoire n’extrapole pas, ` +
            'la prévision reste celle du bord de la plage.',
        );
      }
      return {
        category: category ?? ALL,
        budget: args.budget,
        prediction,
        model: summary,
        queries: traces,
        warnings,
        ms: Math.round(performance.now() - started),
      };
    },

    async simulateBudget(args) {
      const started = performance.now();
      const pct = args.budgetIncreasePct;
      if (!Number.isFinite(pct) || pct < BUDGET_CHANGE_RANGE.min || pct > BUDGET_CHANGE_RANGE.max) {
        throw new AppError('BUDGET_CHANGE_OUT_OF_RANGE', `budget_increase_pct ${pct}`, {
          hint: `Valeur reçue : ${Number.isFinite(pct) ? `${pct} %` : String(pct)}.`,
          details: { value: pct, ...BUDGET_CHANGE_RANGE },
        });
      }
      const elasticity = args.volumeElasticity ?? DEFAULT_VOLUME_ELASTICITY;
      if (
        !Number.isFinite(elasticity) ||
        elasticity < VOLUME_ELASTICITY_RANGE.min ||
        elasticity > VOLUME_ELASTICITY_RANGE.max
      ) {
        throw new AppError('ML_INPUT_INVALID', `volume_elasticity ${elasticity}`, {
          hint: `L’élasticité des volumes au budget doit être entre ${VOLUME_ELASTICITY_RANGE.min} et ${VOLUME_ELASTICITY_RANGE.max} (reçu : ${elasticity}).`,
        });
      }
      const category = await resolveScope(args.category);
      const traces: QueryTrace[] = [];
      const warnings: string[] = [];
      const { model, rows, summary } = await loadModel(category, traces, warnings);
      const [totals] = await select(mlTotalsQuery({ category }), traces);
      let baseTotals = baselines.get(model);
      if (!baseTotals) {
        baseTotals = baselineTotals(model, rows);
        baselines.set(model, baseTotals);
      }
      const simulation = simulateBudget({
        model,
        rows,
        baseTotals,
        totals: { budget: Number(totals?.mark_spent ?? 0), revenue: Number(totals?.revenue ?? 0) },
        category: category ?? ALL,
        budgetIncreasePct: pct,
        volumeElasticity: elasticity,
        currency: settings.currency,
      });
      return {
        simulation,
        model: summary,
        queries: traces,
        warnings: [...warnings, ...simulation.warnings],
        ms: Math.round(performance.now() - started),
      };
    },

    async segmentCampaigns(args = {}) {
      const started = performance.now();
      const catalog = await deps.catalog.get();
      requireMetric(catalog, 'roi');
      let byK = segmentations.get(catalog);
      if (!byK) {
        byK = new Map();
        segmentations.set(catalog, byK);
      }
      const key = String(args.k ?? 'auto');
      let pending = byK.get(key);
      if (!pending) {
        pending = (async () => {
          const traces: QueryTrace[] = [];
          const rows = await select(mlCampaignKpisQuery({ limit: settings.maxTrainingRows }), traces);
          const campaigns: CampaignKpis[] = rows.map((row) => ({
            campaign_name: String(row.campaign_name),
            category: String(row.category ?? ''),
            impressions: Number(row.impressions),
            clicks: Number(row.clicks),
            leads: Number(row.leads),
            orders: Number(row.orders),
            mark_spent: Number(row.mark_spent),
            revenue: Number(row.revenue),
          }));
          const segmentation = await segmenter.segment(campaigns, {
            k: args.k,
            seed,
            currency: settings.currency,
          });
          return { segmentation, traces };
        })();
        pending.catch(() => byK?.delete(key)); // a failure is not cached
        byK.set(key, pending);
      }
      const { segmentation, traces } = await pending;
      return { segmentation, queries: traces, warnings: [], ms: Math.round(performance.now() - started) };
    },
  };
}

function checkPositive(field: string, value: number, hint: string, allowZero = false): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new AppError('ML_INPUT_INVALID', `${field} ${value}`, { hint: `${hint} (reçu : ${value})` });
  }
}
