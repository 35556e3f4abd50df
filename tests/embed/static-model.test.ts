import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cosine, TransformersEmbedder } from '../../src/embed/index.js';
import { ModelNotFoundError } from '../../src/errors.js';
import { expectPipelineParity, expectRelatedCloser } from '../helpers/embedding-checks.js';
import { DEFAULT_MODEL, MODELS_DIR, realEmbedder, tempDir } from '../helpers/fixtures.js';

describe('the default static model, through the Embedder seam', () => {
  it('returns unit-length vectors of the dimension its config declares', async () => {
    const embedder = await realEmbedder();
    const config = JSON.parse(await readFile(join(MODELS_DIR, DEFAULT_MODEL, 'config.json'), 'utf8')) as { hidden_size: number };
    const vectors = await embedder.embed(['Vietnam will announce its first AI Law.', 'Hello', ''], 'passage');
    expect(embedder.dimensions).toBe(config.hidden_size);
    for (const v of vectors.slice(0, 2)) {
      expect(v).toHaveLength(config.hidden_size);
      expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('scores related sentences above unrelated ones', async () => {
    await expectRelatedCloser(await realEmbedder(), [
      ['The minister met the UN envoy in Hanoi.', 'Vietnam’s science minister held talks with a United Nations official.', 'Add two cups of flour and a pinch of salt.'],
      ['Broadband internet reaches almost everyone in the country.', 'Internet access covers 99.8% of the population.', 'The football team lost the final on penalties.'],
      ['The government will spend more on artificial intelligence.', 'A national fund will allocate 40% of its budget to AI projects.', 'The river flooded several villages after heavy rain.'],
      ['A law on AI will be passed by the end of the year.', 'Vietnam will announce its first AI Law by the end of 2025.', 'She painted the kitchen walls a bright yellow.'],
    ]);
  });

  it('gives the same vectors as the unmodified transformers.js feature-extraction pipeline', async () => {
    // The static model's text is tokenized by tokenizers.js, not transformers.js: the same ids, so the same vectors.
    await expectPipelineParity(await realEmbedder(), [
      'Short one.',
      'A much longer sentence about the National AI Strategy and the first AI Law in Vietnam.',
      'Việt Nam sẽ công bố Luật Trí tuệ nhân tạo đầu tiên trước cuối năm 2025, Bộ trưởng cho biết tại Hà Nội.',
      'ＦＵＬＬＷＩＤＴＨ ﬁgures, café, naïve — “quotes” and 12.5% of $3,400m',
    ]);
  });

  it('names the model, the folders searched and the fix when a model is missing', async () => {
    const empty = await tempDir();
    const error = await TransformersEmbedder.load({ modelId: 'Xenova/all-MiniLM-L6-v2', modelsDir: empty }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain('Xenova/all-MiniLM-L6-v2');
    expect(message).toContain(join(empty, 'Xenova/all-MiniLM-L6-v2'));
    expect(message).toMatch(/ALLOW_REMOTE_MODELS=true/);
    expect((error as ModelNotFoundError).code).toBe('MODEL_NOT_FOUND');
  });
});
