import { centerAndProject } from './pca.js';
import { applyRowWeights, pieceProbabilities, rowWeights, type Weighting } from './weighting.js';
import type { Vocabulary } from './tokenizer-export.js';

export interface DistillOptions {
  weighting: Weighting;
  center: boolean;
  dims: number | null;
  quantize: 'float32' | 'int8';
  lowercase: boolean;
}

/** The choices that measured best on the project's question set (see the model card). */
export const DEFAULT_DISTILL_OPTIONS: DistillOptions = {
  weighting: { kind: 'sif', a: 1e-4 },
  center: true,
  // PCA from the teacher's 512: the index's vectors take three quarters of the memory (37 MB less on the
  // 72k-passage English archive) for the same retrieval on the seed and squad2-en (models/newsdesk/static-use-en).
  dims: 384,
  quantize: 'int8',
  lowercase: true,
};

/**
 * Turns the teacher's per-piece vectors into the static embedding table:
 * centre / project, then frequency-weight. Reserved ids stay zero rows so
 * that unknown characters add nothing to a sentence vector.
 */
export function distillTable(pieceVectors: Float32Array[], vocab: Vocabulary, reserved: number, options: DistillOptions): Float32Array[] {
  const skip = new Set(Array.from({ length: reserved }, (_, i) => i));
  const rows = centerAndProject(pieceVectors, { center: options.center, dims: options.dims }, skip);
  const probs = pieceProbabilities(vocab.map(([, logProb]) => logProb), reserved);
  applyRowWeights(rows, rowWeights(probs, options.weighting));
  for (const id of skip) rows[id].fill(0);
  return rows;
}

export function describeOptions(o: DistillOptions): string {
  const weighting = o.weighting.kind === 'sif' ? `SIF a=${o.weighting.a}` : 'unweighted';
  return `${weighting}, ${o.center ? 'centred' : 'not centred'}, ${o.dims ?? 'all'} dims, ${o.quantize}, ${o.lowercase ? 'lowercased' : 'cased'}`;
}
