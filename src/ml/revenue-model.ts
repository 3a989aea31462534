// The revenue model: a random forest on campaign-days (features.ts), trained twice: on 80 % of the rows to
// measure a holdout R², then on every row for use. It is plain data (no closures), so it is cached and sent
// across a worker boundary as is. Predictions come with the spread of the trees (10th–90th percentile) and a
// flag when an input lies outside the range the model has seen (a random forest cannot extrapolate).
import { AppError } from '../core/errors.js';
import {
  type CampaignDay,
  featureNames,
  featureRow,
  fromTarget,
  inputOf,
  type ModelInput,
  toTarget,
} from './features.js';
import {
  DEFAULT_FOREST_OPTIONS,
  type Forest,
  type ForestOptions,
  predictForest,
  trainForest,
} from './forest.js';
import { quantile, rSquared, seededRandom, shuffled } from './random.js';

export const MIN_TRAINING_ROWS = 10;

export interface RevenueModelOptions {
  seed: number;
  holdoutFraction: number;
  forest: Partial<ForestOptions>;
  /** The prediction interval: these quantiles of the trees' predictions. */
  interval: { low: number; high: number };
}

export const DEFAULT_MODEL_OPTIONS: RevenueModelOptions = {
  seed: 42,
  holdoutFraction: 0.2,
  forest: {},
  interval: { low: 0.1, high: 0.9 },
};

export type RangeField = 'spend' | 'impressions' | 'clicks';

export interface Volumes {
  /** Observed Σ impressions / Σ spend. */
  impressionsPerSpend: number;
  /** Observed Σ clicks / Σ impressions (CTR). */
  clicksPerImpression: number;
}

export interface RevenueModel {
  /** 'all' or the category the model was trained on. */
  scope: string;
  /** Fingerprint of the training rows. */
  version: string;
  /** One-hot order of the category feature (empty for a one-category model). */
  categories: string[];
  /** Share of training rows per category (mixes the categories when a prediction names none). */
  categoryShares: Record<string, number>;
  featureNames: string[];
  forest: Forest;
  trainedRows: number;
  holdout: { rows: number; r2: number | null; r2Log: number | null };
  /** Out-of-bag R² of the final forest on the log target. */
  oobR2Log: number | null;
  ranges: Record<RangeField, { min: number; max: number }>;
  /** Observed volumes per category ('*' = all): how missing impressions/clicks are estimated from a budget. */
  volumes: Record<string, Volumes>;
  interval: { low: number; high: number };
  trainingMs: number;
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

function volumesOf(rows: readonly CampaignDay[]): Volumes {
  let spend = 0;
  let impressions = 0;
  let clicks = 0;
  for (const row of rows) {
    spend += row.mark_spent;
    impressions += row.impressions;
    clicks += row.clicks;
  }
  return {
    impressionsPerSpend: spend > 0 ? impressions / spend : 0,
    clicksPerImpression: impressions > 0 ? clicks / impressions : 0,
  };
}

function rangeOf(values: number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function trainRevenueModel(
  rows: readonly CampaignDay[],
  meta: { scope: string; version: string },
  overrides: Partial<RevenueModelOptions> = {},
): RevenueModel {
  const options = { ...DEFAULT_MODEL_OPTIONS, ...overrides };
  if (rows.length < MIN_TRAINING_ROWS) {
    throw new AppError('INSUFFICIENT_DATA', `${rows.length} training rows for ${meta.scope}`, {
      hint: `Il faut au moins ${MIN_TRAINING_ROWS} lignes campagne × jour pour apprendre ; il y en a ${rows.length}${meta.scope === 'all' ? '' : ` pour « ${meta.scope} »`}.`,
      details: { rows: rows.length, scope: meta.scope },
    });
  }
  const started = performance.now();
  const distinct = [...new Set(rows.map((row) => row.category))].sort();
  const categories = distinct.length > 1 ? distinct : [];
  const x = rows.map((row) => featureRow(inputOf(row), categories));
  const y = rows.map((row) => toTarget(row.revenue));
  const forestOptions = { ...DEFAULT_FOREST_OPTIONS, ...options.forest, seed: options.seed };

  // Holdout: a seeded 80/20 split; the measuring forest never sees the held-out rows.
  const { held, kept } = holdoutSplit(rows.length, options.seed, options.holdoutFraction);
  const measuring = trainForest(
    kept.map((i) => x[i]!),
    kept.map((i) => y[i]!),
    forestOptions,
  );
  const heldLog = held.map((i) => predictForest(measuring, x[i]!));
  const heldRevenue = held.map((i) => meanRevenue(measuring, x[i]!));
  const holdout = {
    rows: held.length,
    r2: finiteOrNull(
      rSquared(
        held.map((i) => rows[i]!.revenue),
        heldRevenue,
      ),
    ),
    r2Log: finiteOrNull(
      rSquared(
        held.map((i) => y[i]!),
        heldLog,
      ),
    ),
  };

  const forest = trainForest(x, y, forestOptions);
  const volumes: Record<string, Volumes> = { '*': volumesOf(rows) };
  const categoryShares: Record<string, number> = {};
  for (const category of distinct) {
    const members = rows.filter((row) => row.category === category);
    volumes[category] = volumesOf(members);
    categoryShares[category] = members.length / rows.length;
  }
  return {
    scope: meta.scope,
    version: meta.version,
    categories,
    categoryShares,
    featureNames: featureNames(categories),
    forest,
    trainedRows: rows.length,
    holdout,
    oobR2Log: forest.oobR2,
    ranges: {
      spend: rangeOf(rows.map((row) => row.mark_spent)),
      impressions: rangeOf(rows.map((row) => row.impressions)),
      clicks: rangeOf(rows.map((row) => row.clicks)),
    },
    volumes,
    interval: options.interval,
    trainingMs: Math.round(performance.now() - started),
  };
}

/** The seeded split of row indices behind the holdout R² (the benchmark reuses it for other learners). */
export function holdoutSplit(
  rows: number,
  seed: number,
  fraction: number,
): { held: number[]; kept: number[] } {
  const order = shuffled(
    Array.from({ length: rows }, (_, i) => i),
    seededRandom(seed ^ 0x9e3779b9),
  );
  const size = Math.max(2, Math.round(rows * fraction));
  return { held: order.slice(0, size), kept: order.slice(size) };
}

/** The forest's revenue for one feature row: the mean over trees of each tree's revenue. */
function meanRevenue(forest: Forest, row: readonly number[]): number {
  let sum = 0;
  for (const tree of forest.trees) {
    let node = 0;
    while (tree.feature[node]! >= 0)
      node = row[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
    sum += fromTarget(tree.value[node]!);
  }
  return sum / forest.trees.length;
}

export interface WeightedInput {
  input: ModelInput;
  weight: number;
}

/** Σ weight × revenue over the inputs, once per tree: a distribution of totals with one value per tree. */
export function treeTotals(model: RevenueModel, inputs: readonly WeightedInput[]): Float64Array {
  const width = model.featureNames.length;
  const matrix = new Float64Array(inputs.length * width); // row-major, one allocation
  inputs.forEach(({ input }, r) => {
    matrix.set(featureRow(input, model.categories), r * width);
  });
  const totals = new Float64Array(model.forest.trees.length);
  model.forest.trees.forEach((tree, t) => {
    const { feature, threshold, left, right, value } = tree;
    const revenue = value.map(fromTarget);
    let total = 0;
    for (let r = 0, offset = 0; r < inputs.length; r++, offset += width) {
      let node = 0;
      let f = feature[0]!;
      while (f >= 0) {
        node = matrix[offset + f]! <= threshold[node]! ? left[node]! : right[node]!;
        f = feature[node]!;
      }
      total += inputs[r]!.weight * revenue[node]!;
    }
    totals[t] = total;
  });
  return totals;
}

export const mean = (values: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
};

/** The point estimate (mean of the trees) and its interval, widened if needed so it always contains the point. */
export function summarize(values: ArrayLike<number>, interval: { low: number; high: number }) {
  const list = Array.from(values);
  const expected = mean(list);
  return {
    expected,
    low: Math.min(quantile(list, interval.low), expected),
    high: Math.max(quantile(list, interval.high), expected),
  };
}

export interface PredictionQuery {
  budget: number;
  category?: string;
  impressions?: number;
  clicks?: number;
}

export interface Prediction {
  expected: number;
  low: number;
  high: number;
  /** The inputs used, per category mixed in (impressions/clicks estimated when not given). */
  inputs: WeightedInput[];
  estimated: ('impressions' | 'clicks')[];
  /** Inputs outside the training range (the forest answers with its edge value there). */
  outOfRange: RangeField[];
}

/** Expected revenue of one campaign-day with `budget` spent; without a category, categories mixed by share. */
export function predictRevenue(model: RevenueModel, query: PredictionQuery): Prediction {
  const mix: [string, number][] = query.category
    ? [[query.category, 1]]
    : model.categories.length > 0
      ? Object.entries(model.categoryShares)
      : [[model.scope, 1]];
  const estimated: ('impressions' | 'clicks')[] = [];
  if (query.impressions === undefined) estimated.push('impressions');
  if (query.clicks === undefined) estimated.push('clicks');
  const inputs = mix.map(([category, weight]) => {
    const volumes = model.volumes[category] ?? model.volumes['*']!;
    const impressions = query.impressions ?? query.budget * volumes.impressionsPerSpend;
    const clicks =
      query.clicks ??
      (query.impressions ?? query.budget * volumes.impressionsPerSpend) * volumes.clicksPerImpression;
    return { input: { spend: query.budget, impressions, clicks, category }, weight };
  });
  const outOfRange = (['spend', 'impressions', 'clicks'] as const).filter((field) =>
    inputs.some(
      ({ input }) => input[field] < model.ranges[field].min || input[field] > model.ranges[field].max,
    ),
  );
  return { ...summarize(treeTotals(model, inputs), model.interval), inputs, estimated, outOfRange };
}
