import { z } from 'zod';

/**
 * A regression forest over named features: the mean of its trees' leaves. The abstainer's is fitted on 0/1
 * labels (answerable or not), so its output is a probability.
 *
 * Each tree is one flat list of numbers, three a node, its nodes in depth-first order and the root first. A split
 * node is `feature, threshold, right`: a value below the threshold goes on to the next node (its left child), any
 * other to node `right`. A leaf is `-1, value, -1`. Start-up reads the model: with a list per node, each checked by
 * zod, that took 78–90 ms for the abstainers' 18,500 nodes; as flat lists checked whole, 15–24 ms (7–12 ms for the
 * model before it had a forest).
 */
export const RegressionForestSchema = z.object({ trees: z.array(z.custom<number[]>(isNumberList, 'a tree is a list of numbers')).min(1) });

// One check of a whole tree rather than zod's per number: it is most of the model's loading time at start-up.
function isNumberList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'number');
}

export type RegressionForestData = z.infer<typeof RegressionForestSchema>;

/** Numbers per node. */
export const NODE_SIZE = 3;
/** The `feature` of a leaf. */
export const LEAF = -1;

/** Why the forest cannot be read with `featureCount` features (a split on a feature it lacks, a child out of place), or null. */
export function forestProblem(forest: RegressionForestData, featureCount: number): string | null {
  for (const [t, tree] of forest.trees.entries()) {
    const nodes = tree.length / NODE_SIZE;
    if (!Number.isInteger(nodes) || nodes === 0) return `tree ${t} has ${tree.length} numbers, not three a node`;
    for (let i = 0; i < nodes; i++) {
      const feature = tree[i * NODE_SIZE];
      const right = tree[i * NODE_SIZE + 2];
      if (feature === LEAF) continue;
      if (!Number.isInteger(feature) || feature < 0 || feature >= featureCount) return `tree ${t} splits on feature ${feature} of ${featureCount}`;
      if (!Number.isInteger(right) || i + 1 >= nodes || right <= i + 1 || right >= nodes) return `tree ${t} node ${i} has a child out of place`;
    }
  }
  return null;
}

/** The forest's output for the features `values`, read in the order of `names`. */
export function forestPrediction<N extends string>(forest: RegressionForestData, names: readonly N[], values: Record<N, number>): number {
  const row = names.map((n) => values[n]);
  let sum = 0;
  for (const tree of forest.trees) {
    let at = 0;
    while (tree[at] !== LEAF) at = NODE_SIZE * (row[tree[at]] < tree[at + 1] ? at / NODE_SIZE + 1 : tree[at + 2]);
    sum += tree[at + 1];
  }
  return sum / forest.trees.length;
}
