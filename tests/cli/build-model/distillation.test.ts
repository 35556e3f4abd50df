import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distillTable, type DistillOptions } from '../../../src/cli/build-model/distill.js';
import { writeModelFolder } from '../../../src/cli/build-model/model-folder.js';
import { dequantizeRow, quantizeRows } from '../../../src/cli/build-model/quantize.js';
import { repairScores } from '../../../src/cli/build-model/vocabulary.js';
import { applyRowWeights, pieceProbabilities, rowWeights } from '../../../src/cli/build-model/weighting.js';
import { TransformersEmbedder } from '../../../src/embed/index.js';
import { tempDir } from '../../helpers/fixtures.js';

const RESERVED = 6;
const VOCAB: Array<[string, number]> = [
  ['<unk>', 0], ['<s>', 0], ['</s>', 0], ['x1', 0], ['x2', 0], ['x3', 0],
  ['▁the', -1], ['▁hello', -4], ['▁world', -5], ['▁a', -1.5], ['s', -2],
];
const ROWS = VOCAB.map((_, i) => Float32Array.from([Math.cos(i), Math.sin(i), (i % 3) - 1, i / 10]));

describe('SIF weighting', () => {
  it('turns log-probabilities into probabilities over non-reserved pieces', () => {
    const p = pieceProbabilities(VOCAB.map(([, s]) => s), RESERVED);
    expect([...p.slice(0, RESERVED)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('down-weights frequent pieces: a / (a + p)', () => {
    const p = pieceProbabilities(VOCAB.map(([, s]) => s), RESERVED);
    const w = rowWeights(p, { kind: 'sif', a: 1e-3 });
    expect(w[6]).toBeCloseTo(1e-3 / (1e-3 + p[6]), 12);
    expect(w[6]).toBeLessThan(w[8]); // "▁the" is more frequent than "▁world"
    expect([...rowWeights(p, { kind: 'none' })].every((x) => x === 1)).toBe(true);
  });

  it('scales rows in place', () => {
    const rows = [Float32Array.from([1, 2]), Float32Array.from([3, 4])];
    applyRowWeights(rows, Float64Array.from([0.5, 2]));
    expect([...rows[0], ...rows[1]]).toEqual([0.5, 1, 6, 8]);
  });
});

describe('vocabulary repair', () => {
  it('replaces broken scores by the mean of their valid neighbours', () => {
    const broken: Array<[string, number]> = [['<unk>', 0], ['a', -1], [':', null as unknown as number], ['b', -3], [':30', 30], ['c', -5]];
    const repaired = repairScores(broken, 1);
    expect(repaired.map(([, s]) => s)).toEqual([0, -1, -2, -3, -4, -5]);
  });
});

describe('int8 quantization', () => {
  it('reconstructs each row within half a quantization step', () => {
    const q = quantizeRows(ROWS);
    ROWS.forEach((row, i) => {
      const back = dequantizeRow(q, i);
      row.forEach((v, j) => expect(Math.abs(back[j] - v)).toBeLessThanOrEqual(q.scales[i] / 2 + 1e-7));
    });
  });
});

describe('export to a transformers.js model folder', () => {
  for (const quantize of ['float32', 'int8'] as const) {
    it(`(${quantize}) embeds a sentence as the normalized mean of its pieces' rows`, async () => {
      const options: DistillOptions = { weighting: { kind: 'none' }, center: false, dims: null, quantize, lowercase: true };
      const table = distillTable(ROWS, VOCAB, RESERVED, options);
      expect([...table[0]]).toEqual([0, 0, 0, 0]); // reserved rows are zero
      const modelsDir = await tempDir();
      await writeModelFolder(join(modelsDir, 'newsdesk', 'tiny'), table, VOCAB, options);
      const embedder = await TransformersEmbedder.load({ modelId: 'newsdesk/tiny', modelsDir });
      const [vector] = await embedder.embed(['Hello World'], 'passage'); // lower-cased: ▁hello ▁world
      const mean = table[7].map((v, j) => (v + table[8][j]) / 2);
      const norm = Math.hypot(...mean);
      const tolerance = quantize === 'int8' ? 2e-2 : 1e-5;
      mean.forEach((v, j) => expect(Math.abs(vector[j] - v / norm)).toBeLessThan(tolerance));
      expect(embedder.dimensions).toBe(4);
    });
  }
});
