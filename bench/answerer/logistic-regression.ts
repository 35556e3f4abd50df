import { Matrix, solve } from 'ml-matrix';

export interface LogisticFit {
  bias: number;
  weights: number[];
  iterations: number;
}

/**
 * L2-regularized logistic regression fitted by Newton's method (iteratively
 * reweighted least squares), on standardized features with an unpenalized
 * intercept. ml-matrix does the linear algebra. Converges in under ten
 * iterations on the answer-selection rows (see models/newsdesk/answer-selector/README.md
 * for why not ml-logistic-regression's fixed-step gradient descent). A row's
 * `rowWeights` entry (default 1) scales its share of the log-likelihood.
 */
export function fitLogistic(rows: readonly number[][], labels: readonly number[], l2 = 1, maxIterations = 25, rowWeights?: readonly number[]): LogisticFit {
  const n = rows.length;
  const d = rows[0].length + 1;
  const x = new Matrix(rows.map((r) => [1, ...r]));
  let beta = new Array<number>(d).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Matrix.zeros(d, d);
    for (let i = 0; i < n; i++) {
      const xi = x.getRow(i);
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j] * xi[j];
      const p = 1 / (1 + Math.exp(-z));
      const r = rowWeights?.[i] ?? 1;
      const w = r * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        gradient[j] += r * (labels[i] - p) * xi[j];
        for (let k = j; k < d; k++) hessian.set(j, k, hessian.get(j, k) + w * xi[j] * xi[k]);
      }
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hessian.set(j, k, hessian.get(k, j));
    for (let j = 1; j < d; j++) {
      gradient[j] -= l2 * beta[j];
      hessian.set(j, j, hessian.get(j, j) + l2);
    }
    const step = solve(hessian, Matrix.columnVector(gradient)).to1DArray();
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { bias: beta[0], weights: beta.slice(1), iterations: iterations + 1 };
}

/**
 * Conditional logit (softmax over each question's candidate sentences), fitted by
 * Newton's method with an L2 penalty: it learns what makes one sentence the answer
 * rather than another of the same question, so question-level traits cancel out.
 * Groups without a positive carry no such information and are skipped.
 */
export function fitConditionalLogit(groups: ReadonlyArray<{ rows: readonly number[][]; labels: readonly number[] }>, l2 = 1, maxIterations = 30): { weights: number[]; iterations: number } {
  const used = groups.filter((g) => g.labels.some((y) => y > 0) && g.rows.length > 1);
  const d = used[0]?.rows[0]?.length ?? 0;
  let beta = new Array<number>(d).fill(0);
  let loss = conditionalLoss(used, beta, l2);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = beta.map((b) => -l2 * b);
    const hessian = Matrix.eye(d, d).mul(l2);
    for (const { rows, labels } of used) {
      const p = softmaxOf(rows.map((r) => dot(r, beta)));
      const positives = labels.reduce((a, b) => a + b, 0);
      const mean = new Array<number>(d).fill(0);
      rows.forEach((r, i) => r.forEach((v, j) => (mean[j] += p[i] * v)));
      rows.forEach((r, i) => {
        const target = labels[i] / positives;
        for (let j = 0; j < d; j++) {
          gradient[j] += (target - p[i]) * r[j];
          const dj = r[j] - mean[j];
          for (let k = j; k < d; k++) hessian.set(j, k, hessian.get(j, k) + p[i] * dj * (r[k] - mean[k]));
        }
      });
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hessian.set(j, k, hessian.get(k, j));
    const step = solve(hessian, Matrix.columnVector(gradient)).to1DArray();
    // Backtracking: halve the Newton step until the penalized loss falls.
    let size = 1;
    let next = beta.map((b, j) => b + step[j]);
    let nextLoss = conditionalLoss(used, next, l2);
    while (nextLoss > loss && size > 1e-4) {
      size /= 2;
      next = beta.map((b, j) => b + size * step[j]);
      nextLoss = conditionalLoss(used, next, l2);
    }
    const moved = Math.max(...step.map((v) => Math.abs(v * size)));
    beta = next;
    const improvement = loss - nextLoss;
    loss = nextLoss;
    if (moved < 1e-6 || improvement < 1e-9) break;
  }
  return { weights: beta, iterations: iterations + 1 };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function softmaxOf(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Cross-entropy of the groups' (normalized) labels under the softmax, plus the L2 penalty. */
function conditionalLoss(groups: ReadonlyArray<{ rows: readonly number[][]; labels: readonly number[] }>, beta: readonly number[], l2: number): number {
  let loss = (l2 / 2) * dot(beta, beta);
  for (const { rows, labels } of groups) {
    const p = softmaxOf(rows.map((r) => dot(r, beta)));
    const positives = labels.reduce((a, b) => a + b, 0);
    labels.forEach((y, i) => {
      if (y > 0) loss -= (y / positives) * Math.log(Math.max(p[i], 1e-300));
    });
  }
  return loss;
}
