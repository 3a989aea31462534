// A compact random-forest regressor with histogram splits. Why not ml-random-forest: its split search sorts
// every candidate threshold at every node (quadratic in the rows), which takes minutes on 10,000 rows; here
// each feature is cut once into ≤ `bins` quantile bins and a node's best split is one pass over a histogram,
// so a tree costs O(rows × features × depth). Same ideas as scikit-learn's RandomForestRegressor (bootstrap,
// variance-reduction splits, all features by default, out-of-bag score) and deterministic for a given seed.
// A trained forest is plain data (typed arrays): it crosses a worker boundary and predicts without the rows.
import { type Random, randomInt, rSquared, seededRandom } from './random.js';

export interface ForestOptions {
  trees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Share of the features tried at each split (1 = all, scikit-learn's regression default). */
  maxFeatures: number;
  /** Histogram bins per feature (≤ 256). */
  bins: number;
  /** Bootstrap sample size as a share of the rows. */
  sampleFraction: number;
  seed: number;
}

export const DEFAULT_FOREST_OPTIONS: ForestOptions = {
  trees: 100,
  maxDepth: 18,
  minSamplesLeaf: 2,
  maxFeatures: 1,
  bins: 64,
  sampleFraction: 1,
  seed: 42,
};

/** One tree in flat arrays; `feature[node] < 0` marks a leaf whose prediction is `value[node]`. */
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

export interface Forest {
  features: number;
  trees: Tree[];
  /** R² of the out-of-bag predictions on the training target (null when no row was ever out of bag). */
  oobR2: number | null;
}

interface Binned {
  /** bins[f][i]: the bin of row i on feature f. */
  bins: Uint8Array[];
  /** edges[f][b]: the largest value of bin b (a row goes left of split b when value ≤ edges[f][b]). */
  edges: Float64Array[];
}

function binFeatures(x: readonly (readonly number[])[], features: number, maxBins: number): Binned {
  const bins: Uint8Array[] = [];
  const edges: Float64Array[] = [];
  for (let f = 0; f < features; f++) {
    const values = x.map((row) => row[f]!);
    const unique = [...new Set(values)].sort((a, b) => a - b);
    let cuts: number[];
    if (unique.length <= maxBins) cuts = unique.slice(0, -1);
    else {
      const sorted = [...values].sort((a, b) => a - b);
      const picked = new Set<number>();
      for (let q = 1; q < maxBins; q++) picked.add(sorted[Math.floor((q * sorted.length) / maxBins)]!);
      picked.delete(unique.at(-1)!);
      cuts = [...picked].sort((a, b) => a - b);
    }
    const featureEdges = Float64Array.from(cuts);
    const featureBins = new Uint8Array(values.length);
    values.forEach((value, i) => {
      let lo = 0;
      let hi = featureEdges.length; // first edge ≥ value, or edges.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (featureEdges[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      featureBins[i] = lo;
    });
    bins.push(featureBins);
    edges.push(featureEdges);
  }
  return { bins, edges };
}

function growTree(
  data: Binned,
  y: Float64Array,
  sample: Int32Array,
  options: ForestOptions,
  random: Random,
): Tree {
  const featureCount = data.bins.length;
  const tryCount = Math.max(1, Math.round(featureCount * Math.min(1, options.maxFeatures)));
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const sums = new Float64Array(256);
  const counts = new Int32Array(256);
  const order = Array.from({ length: featureCount }, (_, f) => f);

  const newNode = () => {
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(0);
    return feature.length - 1;
  };
  const stack: { node: number; start: number; end: number; depth: number }[] = [
    { node: newNode(), start: 0, end: sample.length, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, start, end, depth } = stack.pop()!;
    const n = end - start;
    let total = 0;
    let totalSquares = 0;
    for (let i = start; i < end; i++) {
      const target = y[sample[i]!]!;
      total += target;
      totalSquares += target * target;
    }
    value[node] = total / n;
    const variance = totalSquares / n - (total / n) ** 2;
    if (depth >= options.maxDepth || n < 2 * options.minSamplesLeaf || variance <= 1e-12) continue;

    // Partial Fisher–Yates: the first tryCount entries of `order` are this node's candidate features.
    if (tryCount < featureCount) {
      for (let i = 0; i < tryCount; i++) {
        const j = i + randomInt(random, featureCount - i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    const parentScore = (total * total) / n;
    let bestScore = parentScore + 1e-9 * Math.abs(parentScore) + 1e-12;
    let bestFeature = -1;
    let bestBin = -1;
    for (let t = 0; t < tryCount; t++) {
      const f = order[t]!;
      const featureBins = data.bins[f]!;
      const binCount = data.edges[f]!.length + 1;
      if (binCount < 2) continue;
      sums.fill(0, 0, binCount);
      counts.fill(0, 0, binCount);
      for (let i = start; i < end; i++) {
        const row = sample[i]!;
        const b = featureBins[row]!;
        sums[b]! += y[row]!;
        counts[b]!++;
      }
      let leftSum = 0;
      let leftCount = 0;
      for (let b = 0; b < binCount - 1; b++) {
        leftSum += sums[b]!;
        leftCount += counts[b]!;
        const rightCount = n - leftCount;
        if (leftCount < options.minSamplesLeaf) continue;
        if (rightCount < options.minSamplesLeaf) break;
        const rightSum = total - leftSum;
        const score = (leftSum * leftSum) / leftCount + (rightSum * rightSum) / rightCount;
        if (score > bestScore) {
          bestScore = score;
          bestFeature = f;
          bestBin = b;
        }
      }
    }
    if (bestFeature < 0) continue;

    // Partition sample[start:end) in place: bin ≤ bestBin first.
    const featureBins = data.bins[bestFeature]!;
    let middle = start;
    for (let i = start; i < end; i++) {
      if (featureBins[sample[i]!]! <= bestBin) {
        const swap = sample[i]!;
        sample[i] = sample[middle]!;
        sample[middle] = swap;
        middle++;
      }
    }
    feature[node] = bestFeature;
    threshold[node] = data.edges[bestFeature]![bestBin]!;
    const leftNode = newNode();
    const rightNode = newNode();
    left[node] = leftNode;
    right[node] = rightNode;
    stack.push({ node: rightNode, start: middle, end, depth: depth + 1 });
    stack.push({ node: leftNode, start, end: middle, depth: depth + 1 });
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}

export function predictTree(tree: Tree, row: readonly number[]): number {
  let node = 0;
  let f = tree.feature[0]!;
  while (f >= 0) {
    node = row[f]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
    f = tree.feature[node]!;
  }
  return tree.value[node]!;
}

/** Each tree's prediction for one row (the spread gives the prediction interval). */
export function predictTrees(forest: Forest, row: readonly number[]): number[] {
  return forest.trees.map((tree) => predictTree(tree, row));
}

export function predictForest(forest: Forest, row: readonly number[]): number {
  let sum = 0;
  for (const tree of forest.trees) sum += predictTree(tree, row);
  return sum / forest.trees.length;
}

/** Trains a forest on rows `x` (numbers only, no NaN) and target `y`. */
export function trainForest(
  x: readonly (readonly number[])[],
  y: readonly number[],
  overrides: Partial<ForestOptions> = {},
): Forest {
  const options = { ...DEFAULT_FOREST_OPTIONS, ...overrides };
  if (x.length === 0 || x.length !== y.length)
    throw new Error('trainForest: rows and target differ in length');
  const features = x[0]!.length;
  const data = binFeatures(x, features, Math.min(256, Math.max(2, options.bins)));
  const target = Float64Array.from(y);
  const random = seededRandom(options.seed);
  const n = x.length;
  const sampleSize = Math.max(1, Math.round(n * options.sampleFraction));
  const oobSum = new Float64Array(n);
  const oobCount = new Int32Array(n);
  const inBag = new Uint8Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < options.trees; t++) {
    inBag.fill(0);
    const sample = new Int32Array(sampleSize);
    for (let i = 0; i < sampleSize; i++) {
      const row = randomInt(random, n);
      sample[i] = row;
      inBag[row] = 1;
    }
    const tree = growTree(data, target, sample, options, random);
    trees.push(tree);
    for (let i = 0; i < n; i++) {
      if (inBag[i]) continue;
      oobSum[i]! += predictTree(tree, x[i]!);
      oobCount[i]!++;
    }
  }
  const actual: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < n; i++) {
    if (oobCount[i]! === 0) continue;
    actual.push(y[i]!);
    predicted.push(oobSum[i]! / oobCount[i]!);
  }
  const oob = actual.length > 1 ? rSquared(actual, predicted) : Number.NaN;
  return { features, trees, oobR2: Number.isFinite(oob) ? oob : null };
}
