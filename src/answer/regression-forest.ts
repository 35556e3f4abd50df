import { z } from 'zod';

/**
 * A regression forest over named features: the mean of its trees' leaves. The abstainer is one, fitted on
 * 0/1 labels (answerable or not), so its output is a probability.
 *
 * Each tree is its nodes in depth-first order, the root first. A split node is `[feature, threshold, right]`:
 * a value below the threshold goes on to the next node (its left child), any other to node `right`. A leaf
 * is `[value]`.
 */
const NodeSchema = z.union([z.tuple([z.number().int().min(0), z.number(), z.number().int()]), z.tuple([z.number()])]);
export const RegressionForestSchema = z.object({ trees: z.array(z.array(NodeSchema).min(1)).min(1) });

export type RegressionForestData = z.infer<typeof RegressionForestSchema>;
export type ForestNode = z.infer<typeof NodeSchema>;

/** Why the forest cannot be read with `featureCount` features (a split on a feature it lacks, a child out of place), or null. */
export function forestProblem(forest: RegressionForestData, featureCount: number): string | null {
  for (const [t, nodes] of forest.trees.entries()) {
    for (const [i, node] of nodes.entries()) {
      if (node.length === 1) continue;
      const [feature, , right] = node;
      if (feature >= featureCount) return `tree ${t} splits on feature ${feature} of ${featureCount}`;
      if (i + 1 >= nodes.length || right <= i + 1 || right >= nodes.length) return `tree ${t} node ${i} has a child out of place`;
    }
  }
  return null;
}

/** The forest's output for the features `values`, read in the order of `names`. */
export function forestPrediction<N extends string>(forest: RegressionForestData, names: readonly N[], values: Record<N, number>): number {
  const row = names.map((n) => values[n]);
  let sum = 0;
  for (const nodes of forest.trees) {
    let node = nodes[0];
    let i = 0;
    while (node.length === 3) {
      i = row[node[0]] < node[1] ? i + 1 : node[2];
      node = nodes[i];
    }
    sum += node[0];
  }
  return sum / forest.trees.length;
}
