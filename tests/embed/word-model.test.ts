import { describe, expect, it } from 'vitest';
import { cosine, TransformersEmbedder } from '../../src/embed/index.js';
import { expectPipelineParity, expectRelatedCloser } from '../helpers/embedding-checks.js';
import { testConfig, MODELS_DIR } from '../helpers/fixtures.js';

const load = () => TransformersEmbedder.load({ modelId: testConfig().embedding.sentenceModel, modelsDir: MODELS_DIR });

describe('the answerer’s word model (GloVe, committed under models/)', () => {
  it('is the default sentence model, loads offline and gives 100-dimensional unit vectors', async () => {
    const embedder = await load();
    expect(embedder.modelId).toBe('newsdesk/static-glove-en');
    const [v] = await embedder.embed(['Vietnam will announce its first AI Law.'], 'passage');
    expect(embedder.dimensions).toBe(100);
    expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 5);
  });

  it('places a paraphrase closer to its sentence than an unrelated sentence', async () => {
    await expectRelatedCloser(await load(), [
      ['Which everyday helper will every citizen have?', 'Every person will have a personal digital assistant.', 'The football team lost the match on penalties.'],
      ['What fraction of local firms earn money abroad?', 'About 10% of the companies generate revenue from international markets.', 'The river flooded several villages after heavy rain.'],
      ['Broadband internet reaches almost everyone.', 'Internet access covers 99.8% of the population.', 'She painted the kitchen walls a bright yellow.'],
    ], 0.1);
  });

  it('gives the same vectors as the unmodified transformers.js feature-extraction pipeline', async () => {
    await expectPipelineParity(await load(), ['Short one.', "Vietnam's sci-tech ministry (MOST) hosted the event in Ninh Binh.", 'Việt Nam: ＦＵＬＬＷＩＤＴＨ ﬁgures, café, naïve — “quotes”, 12.5% of $3,400m.']);
  });
});
