// The histogram random forest on its own: it learns, it is deterministic for a seed, it exposes one prediction
// per tree, and (like every random forest) it does not extrapolate beyond the training range.
import { describe, expect, test } from '@jest/globals';
import { predictForest, predictTrees, trainForest } from '../../src/ml/forest.js';
import { quantile, rSquared, seededRandom } from '../../src/ml/random.js';

function dataset(n: number, seed: number) {
  const random = seededRandom(seed);
  const x = Array.from({ length: n }, () => [random() * 10, random() * 10, random()]);
  const y = x.map(([a, b]) => 3 * a! + Math.sin(b!) * 5); // the third feature is noise
  return { x, y };
}

describe('trainForest', () => {
  const train = dataset(600, 1);
  const test_ = dataset(200, 2);

  test('learns a smooth function (holdout R² > 0.9) and reports an out-of-bag R²', () => {
    const forest = trainForest(train.x, train.y, { trees: 40, seed: 7 });
    const predicted = test_.x.map((row) => predictForest(forest, row));
    expect(rSquared(test_.y, predicted)).toBeGreaterThan(0.9);
    expect(forest.oobR2).not.toBeNull();
    expect(forest.oobR2!).toBeGreaterThan(0.85);
  });

  test('is deterministic for a seed and differs with another seed', () => {
    const a = trainForest(train.x, train.y, { trees: 10, seed: 3 });
    const b = trainForest(train.x, train.y, { trees: 10, seed: 3 });
    const c = trainForest(train.x, train.y, { trees: 10, seed: 4 });
    const probe = test_.x.slice(0, 20);
    expect(probe.map((row) => predictTrees(a, row))).toEqual(probe.map((row) => predictTrees(b, row)));
    expect(probe.map((row) => predictForest(a, row))).not.toEqual(probe.map((row) => predictForest(c, row)));
  });

  test('gives one prediction per tree; the forest prediction is their mean', () => {
    const forest = trainForest(train.x, train.y, { trees: 25, seed: 5 });
    const perTree = predictTrees(forest, [5, 5, 0.5]);
    expect(perTree).toHaveLength(25);
    const mean = perTree.reduce((sum, value) => sum + value, 0) / perTree.length;
    expect(predictForest(forest, [5, 5, 0.5])).toBeCloseTo(mean, 10);
    expect(quantile(perTree, 0.1)).toBeLessThanOrEqual(quantile(perTree, 0.9));
  });

  test('cannot extrapolate: far beyond the range it answers like at the edge', () => {
    const forest = trainForest(train.x, train.y, { trees: 20, seed: 5 });
    expect(predictForest(forest, [1000, 5, 0.5])).toBeCloseTo(predictForest(forest, [10, 5, 0.5]), 10);
    expect(predictForest(forest, [1000, 5, 0.5])).toBeLessThan(3 * 10 + 6);
  });

  test('a constant target gives that constant', () => {
    const forest = trainForest(
      train.x,
      train.x.map(() => 4.2),
      { trees: 5 },
    );
    expect(predictForest(forest, [1, 2, 3])).toBeCloseTo(4.2, 10);
    expect(forest.trees[0]!.feature).toEqual(Int32Array.from([-1]));
  });
});

describe('helpers', () => {
  test('quantile interpolates like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.1)).toBeCloseTo(1, 12);
  });

  test('rSquared of a perfect fit is 1 and of the mean is 0', () => {
    expect(rSquared([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(rSquared([1, 2, 3], [2, 2, 2])).toBe(0);
  });

  test('seededRandom repeats its sequence for a seed', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
