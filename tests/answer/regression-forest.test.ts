import { RandomForestRegression } from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { fitRegressionForest } from '../../bench/answerer/random-forest.js';
import { forestPrediction, type RegressionForestData } from '../../src/answer/index.js';
import { forestProblem } from '../../src/answer/regression-forest.js';

const NAMES = ['a', 'b'] as const;
const values = (a: number, b: number) => ({ a, b });

/** One tree: a < 0.5 ? (b < 2 ? 0.1 : 0.4) : 0.9; a second tree: 0.5 everywhere. */
const FOREST: RegressionForestData = {
  trees: [
    [0, 0.5, 4, 1, 2, 3, -1, 0.1, -1, -1, 0.4, -1, -1, 0.9, -1],
    [-1, 0.5, -1],
  ],
};

describe('a regression forest', () => {
  it('averages its trees, a value below a split going left', () => {
    expect(forestPrediction(FOREST, NAMES, values(0.2, 1))).toBeCloseTo((0.1 + 0.5) / 2);
    expect(forestPrediction(FOREST, NAMES, values(0.2, 2))).toBeCloseTo((0.4 + 0.5) / 2);
    expect(forestPrediction(FOREST, NAMES, values(0.5, 0))).toBeCloseTo((0.9 + 0.5) / 2);
  });

  it('names what is wrong with a malformed forest', () => {
    expect(forestProblem(FOREST, 2)).toBeNull();
    expect(forestProblem(FOREST, 1)).toMatch(/feature 1 of 1/);
    expect(forestProblem({ trees: [[0, 0.5, 1, -1, 0.1, -1, -1, 0.2, -1]] }, 2)).toMatch(/out of place/);
    expect(forestProblem({ trees: [[0, 0.5, 7, -1, 0.1, -1, -1, 0.2, -1]] }, 2)).toMatch(/out of place/);
    expect(forestProblem({ trees: [[0, 0.5]] }, 2)).toMatch(/three a node/);
    expect(forestProblem({ trees: [[0.5, 0.5, 2, -1, 0.1, -1, -1, 0.2, -1]] }, 2)).toMatch(/feature 0.5/);
  });

  it('predicts what ml-random-forest predicts once trained by it and flattened', () => {
    // Three features, a label that depends on two of them and noise.
    const rows = Array.from({ length: 300 }, (_, i) => [Math.sin(i * 1.7), Math.cos(i * 0.31), (i * 7919) % 101 / 101]);
    const labels = rows.map(([x, y]) => (x + 0.5 * y > 0.2 ? 1 : 0));
    const settings = { trees: 20, featureShare: 0.7, leafRows: 5, seed: 11 };
    const flat = fitRegressionForest(rows, labels, settings);
    const reference = new RandomForestRegression({ nEstimators: 20, maxFeatures: 0.7, replacement: false, seed: 11, noOOB: true, treeOptions: { minNumSamples: 5 } });
    reference.train(rows, labels);
    const expected = reference.predict(rows);
    const named = ['x', 'y', 'z'] as const;
    rows.forEach((r, i) => expect(forestPrediction(flat, named, { x: r[0], y: r[1], z: r[2] })).toBeCloseTo(expected[i], 10));
    // And it learned the rule: the training rows it labels 1 score above those it labels 0.
    const mean = (label: number) => rows.filter((_, i) => labels[i] === label).reduce((s, r) => s + forestPrediction(flat, named, { x: r[0], y: r[1], z: r[2] }), 0) / labels.filter((l) => l === label).length;
    expect(mean(1)).toBeGreaterThan(mean(0) + 0.5);
  });
});
