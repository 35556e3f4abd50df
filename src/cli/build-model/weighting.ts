/**
 * Frequency weighting of vocabulary rows. Frequent pieces ("▁the", ",") carry
 * little meaning, so SIF scales each row by a / (a + p(piece)), with p taken
 * from the teacher's own unigram log-probabilities.
 */
export type Weighting = { kind: 'none' } | { kind: 'sif'; a: number };

/** Unigram probabilities from SentencePiece log-probabilities; reserved ids get 0. */
export function pieceProbabilities(logProbs: readonly number[], reserved: number): Float64Array {
  const probs = new Float64Array(logProbs.length);
  let total = 0;
  for (let i = reserved; i < logProbs.length; i++) {
    probs[i] = Math.exp(logProbs[i]);
    total += probs[i];
  }
  if (total > 0) for (let i = reserved; i < probs.length; i++) probs[i] /= total;
  return probs;
}

export function rowWeights(probs: Float64Array, weighting: Weighting): Float64Array {
  if (weighting.kind === 'none') return new Float64Array(probs.length).fill(1);
  const { a } = weighting;
  return probs.map((p) => a / (a + p));
}

/** Multiplies row i of `rows` by `weights[i]`, in place. */
export function applyRowWeights(rows: Float32Array[], weights: Float64Array): void {
  rows.forEach((row, i) => {
    const w = weights[i];
    for (let j = 0; j < row.length; j++) row[j] *= w;
  });
}
