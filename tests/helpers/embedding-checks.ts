import { expect } from 'vitest';
import { cosine, type TransformersEmbedder } from '../../src/embed/index.js';

/** Each [anchor, related, unrelated]: the related text is closer to the anchor than the unrelated one, by at least `margin`. */
export async function expectRelatedCloser(embedder: TransformersEmbedder, triples: Array<[string, string, string]>, margin = 0): Promise<void> {
  for (const [anchor, related, unrelated] of triples) {
    const [a, r, u] = await embedder.embed([anchor, related, unrelated], 'passage');
    expect(cosine(a, r), `${anchor} / ${related}`).toBeGreaterThan(cosine(a, u) + margin);
  }
}

/** The embedder's fast path gives the same vectors as the unmodified transformers.js pipeline. */
export async function expectPipelineParity(embedder: TransformersEmbedder, texts: string[]): Promise<void> {
  const fast = await embedder.embed(texts, 'passage');
  const reference = await embedder.embedWithPipeline(texts);
  fast.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(reference[i][j], 5)));
}
