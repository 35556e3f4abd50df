import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LENGTH, writeStaticModel } from '../../../src/cli/build-model/model-folder.js';
import { buildWordTokenizerConfig, buildWordTokenizerJson } from '../../../src/cli/build-model/tokenizer-export.js';
import { buildWordTable, type WordVectorSource } from '../../../src/cli/build-model/word-vectors.js';
import { TransformersEmbedder, cosine } from '../../../src/embed/index.js';
import { tempDir } from '../../helpers/fixtures.js';

/** A GloVe-like source: words by frequency, 3-d vectors. */
const VECTORS: Record<string, number[]> = {
  the: [1, 1, 1],
  ',': [1, 0, 1],
  news: [1, 0, 0],
  "'s": [0, 1, 1],
  minister: [0, 2, 0],
  '2025': [0, 0, 3],
  economy: [0, 0, 1],
  growth: [0.1, 0, 1],
};
const SOURCE: WordVectorSource = { words: Object.keys(VECTORS), vectorOf: (w) => VECTORS[w], dims: 3 };

describe('the word table', () => {
  const table = buildWordTable(SOURCE, { size: 10, sifA: 1e-3 });

  it('keeps plain words only: stop words, punctuation and numbers are left to [UNK], a zero row', () => {
    expect(table.words).toEqual(['[UNK]', 'news', 'minister', 'economy', 'growth']);
    expect([...table.rows[0]]).toEqual([0, 0, 0]);
  });

  it('gives each word its unit vector weighted by SIF: frequent words weigh less', () => {
    const norms = table.rows.slice(1).map((r) => Math.hypot(...r));
    expect(norms.every((n, i) => i === 0 || n >= norms[i - 1])).toBe(true);
    expect(norms[0]).toBeLessThan(1);
    expect(table.rows[2][1] / norms[1]).toBeCloseTo(1, 6); // "minister" points where its vector points
  });

  it('stops at the requested number of words', () => {
    expect(buildWordTable(SOURCE, { size: 2, sifA: 1e-3 }).words).toEqual(['[UNK]', 'news', 'minister']);
  });

  it('exports a whole-word transformers.js model: known words are looked up, unknown words add nothing', async () => {
    const modelsDir = await tempDir();
    await writeStaticModel(join(modelsDir, 'newsdesk', 'tiny-words'), {
      rows: table.rows,
      quantize: 'float32',
      tokenizerJson: buildWordTokenizerJson(table.words),
      tokenizerConfig: buildWordTokenizerConfig(table.words, MAX_LENGTH),
      provenance: { test: true },
    });
    const embedder = await TransformersEmbedder.load({ modelId: 'newsdesk/tiny-words', modelsDir });
    const [economy, withNoise, growthy, nothingKnown] = await embedder.embed(['Economy', "the economy's, Zyxq!", 'growth', 'the , zyxq'], 'passage');
    expect(embedder.dimensions).toBe(3);
    expect(cosine(economy, withNoise)).toBeCloseTo(1, 5); // case, punctuation, stop words and unknown words change nothing
    expect(cosine(economy, growthy)).toBeGreaterThan(0.9);
    expect([...nothingKnown]).toEqual([0, 0, 0]);
  });
});
