import { RandomForestRegression } from 'ml-random-forest';
import { z } from 'zod';
import { LEAF, NODE_SIZE, type RegressionForestData } from '../../src/answer/regression-forest.js';

export interface ForestSettings {
  trees: number;
  /** Share of the features each tree is grown on (ml-random-forest draws them per tree). */
  featureShare: number;
  /** A node with at most this many rows is a leaf. */
  leafRows: number;
  seed: number;
}

/**
 * A random forest of regression trees on 0/1 labels (ml-random-forest: bagged rows, a random share of the
 * features per tree), flattened to the product's format (src/answer/regression-forest.ts).
 */
export function fitRegressionForest(rows: readonly number[][], labels: readonly number[], settings: ForestSettings): RegressionForestData {
  const forest = new RandomForestRegression({
    nEstimators: settings.trees,
    maxFeatures: settings.featureShare,
    replacement: false,
    seed: settings.seed,
    noOOB: true,
    treeOptions: { minNumSamples: settings.leafRows },
  });
  forest.train(rows.map((r) => [...r]), [...labels]);
  const model = FittedForestSchema.parse(forest.toJSON());
  return { trees: model.baseModel.estimators.map((tree, i) => flatten(tree.root, model.baseModel.indexes[i])) };
}

/** A tree node as ml-random-forest's toJSON writes it: a split (column of the tree's own features) or a leaf. */
interface FittedNode {
  splitColumn?: number;
  splitValue?: number;
  left?: FittedNode;
  right?: FittedNode;
  distribution?: number;
}

const FittedNodeSchema: z.ZodType<FittedNode> = z.lazy(() =>
  z.object({
    splitColumn: z.number().int().optional(),
    splitValue: z.number().optional(),
    left: FittedNodeSchema.optional(),
    right: FittedNodeSchema.optional(),
    distribution: z.number().optional(),
  }),
);

const FittedForestSchema = z.object({
  baseModel: z.object({
    /** For each tree, the features it was grown on: its columns. */
    indexes: z.array(z.array(z.number().int())),
    estimators: z.array(z.object({ root: FittedNodeSchema })),
  }),
});

/** Depth-first, the left child next, three numbers a node, as src/answer/regression-forest.ts reads it; columns mapped back to features. */
function flatten(root: FittedNode, features: readonly number[]): number[] {
  const tree: number[] = [];
  const visit = (node: FittedNode): void => {
    if (node.left && node.right && node.splitColumn !== undefined && node.splitValue !== undefined) {
      const at = tree.length;
      tree.push(features[node.splitColumn], node.splitValue, -1);
      visit(node.left);
      tree[at + 2] = tree.length / NODE_SIZE;
      visit(node.right);
    } else {
      if (node.distribution === undefined) throw new Error('ml-random-forest wrote a leaf without a value');
      tree.push(LEAF, node.distribution, LEAF);
    }
  };
  visit(root);
  return tree;
}
