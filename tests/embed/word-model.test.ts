import { describe, expect, it } from 'vitest';
import { cosine, TransformersEmbedder } from '../../src/embed/index.js';
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
    const embedder = await load();
    const cases: Array<[string, string, string]> = [
      ['Which everyday helper will every citizen have?', 'Every person will have a personal digital assistant.', 'The football team lost the match on penalties.'],
      ['What fraction of local firms earn money abroad?', 'About 10% of the companies generate revenue from international markets.', 'The river flooded several villages after heavy rain.'],
      ['Broadband internet reaches almost everyone.', 'Internet access covers 99.8% of the population.', 'She painted the kitchen walls a bright yellow.'],
    ];
    for (const [question, paraphrase, unrelated] of cases) {
      const [q, p, u] = await embedder.embed([question, paraphrase, unrelated], 'passage');
      expect(cosine(q, p)).toBeGreaterThan(cosine(q, u) + 0.1);
    }
  });

  it('gives the same vectors as the unmodified transformers.js feature-extraction pipeline', async () => {
    const embedder = await load();
    const texts = ['Short one.', "Vietnam's sci-tech ministry (MOST) hosted the event in Ninh Binh."];
    const fast = await embedder.embed(texts, 'passage');
    const reference = await embedder.embedWithPipeline(texts);
    fast.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(reference[i][j], 5)));
  });
});
