import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../src/retrieve/index.js';
import { loadIndex, type PassageIndex } from '../../src/store/index.js';
import { buildSeedIndex, realEmbedder } from '../helpers/fixtures.js';

// The retriever over a real index of the seed corpus: a misspelled word is searched and answered as the articles spell it.

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let store: PassageIndex;
let retriever: HybridRetriever;

beforeAll(async () => {
  seed = await buildSeedIndex();
  store = await loadIndex(seed.indexDir);
  retriever = new HybridRetriever(store, await realEmbedder());
});
afterAll(async () => {
  await seed.cleanup();
});

describe('misspelled words in retrieval', () => {
  it('searches the question as corrected and says what it corrected', async () => {
    const result = await retriever.retrieve({ question: 'Who is Amandep Singh Gill?', k: 3 });
    expect(result.corrections).toEqual([{ word: 'Amandep', correction: 'Amandeep' }]);
    expect(result.question).toBe('Who is Amandeep Singh Gill?');
    expect(result.searchedText).toContain('Amandeep');
  });

  it('searches a follow-up with its earlier question as corrected', async () => {
    const result = await retriever.retrieve({ question: 'Where?', k: 3, history: [{ role: 'user', content: 'When does the Internatonal Digital Week open?' }] });
    expect(result.searchedText).toContain('International Digital Week');
    expect(result.corrections).toEqual([]); // the follow-up itself had nothing to correct
  });
});
