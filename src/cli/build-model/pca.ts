import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface ProjectionOptions {
  center: boolean;
  /** Target dimensions; null keeps all (a rotation, useful only with centring). */
  dims: number | null;
}

/**
 * Centres rows (removing the direction every piece shares, which otherwise
 * dominates mean-pooled sentence vectors) and optionally projects them onto
 * their top principal components. Rows listed in `skip` (reserved ids) are
 * left out of the statistics and stay zero.
 */
export function centerAndProject(rows: Float32Array[], options: ProjectionOptions, skip: ReadonlySet<number>): Float32Array[] {
  const width = rows[0]?.length ?? 0;
  const used = rows.filter((_, i) => !skip.has(i));
  const mean = options.center ? meanRow(used, width) : new Float64Array(width);
  const centred = rows.map((row, i) => (skip.has(i) ? new Float32Array(width) : subtract(row, mean)));
  if (options.dims === null || options.dims >= width) return centred;
  const basis = principalAxes(centred.filter((_, i) => !skip.has(i)), options.dims);
  return centred.map((row, i) => (skip.has(i) ? new Float32Array(options.dims ?? 0) : project(row, basis)));
}

function meanRow(rows: Float32Array[], width: number): Float64Array {
  const mean = new Float64Array(width);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j] += row[j];
  return mean.map((v) => v / Math.max(1, rows.length));
}

function subtract(row: Float32Array, mean: Float64Array): Float32Array {
  return row.map((v, j) => v - mean[j]);
}

/** Top-`dims` eigenvectors of the covariance, each signed so its largest entry is positive (determinism). */
export function principalAxes(rows: Float32Array[], dims: number): Float64Array[] {
  const width = rows[0].length;
  const cov = new Matrix(width, width);
  for (const row of rows) {
    for (let a = 0; a < width; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = a; b < width; b++) cov.set(a, b, cov.get(a, b) + ra * row[b]);
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) cov.set(a, b, cov.get(b, a));
  const eig = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const vectors = eig.eigenvectorMatrix;
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]).slice(0, dims);
  return order.map(([, col]) => {
    const axis = Float64Array.from(vectors.getColumn(col));
    let peak = 0;
    for (const v of axis) if (Math.abs(v) > Math.abs(peak)) peak = v;
    return peak < 0 ? axis.map((v) => -v) : axis;
  });
}

function project(row: Float32Array, basis: Float64Array[]): Float32Array {
  return Float32Array.from(basis, (axis) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j] * axis[j];
    return sum;
  });
}
