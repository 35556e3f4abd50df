import type { Embedder } from '../../src/embed/index.js';
import type { AnswerTerm, RetrievalResult, RetrievedPassage } from '../../src/retrieve/index.js';

/** Where the answerer's own decisions are under test, not a model's: every vector the same. */
export const constantEmbedder: Embedder = { modelId: 'constant', dimensions: 2, embed: async (texts) => texts.map(() => Float32Array.of(1, 0)) };

/** A retrieved passage `d<i>#0` holding the whole of `text`, ranked i + 1 by every ranker. */
export function retrievedPassage(i: number, lang: 'en' | 'vi', text: string, title = `Article ${i}`): RetrievedPassage {
  return {
    passage: { chunkId: `d${i}#0`, docId: `d${i}`, start: 0, end: text.length, text },
    document: { docId: `d${i}`, title, lang },
    score: 1 / (i + 1),
    lexicalRank: i + 1,
    lexicalScore: 10 - i,
    denseRank: i + 1,
    denseScore: 0.5,
  } as unknown as RetrievedPassage;
}

/** A retrieval result of these passages, as the constant embedder would leave it. */
export function retrievalOf(passages: RetrievedPassage[], lang: 'en' | 'vi', question = '', answerTerms: AnswerTerm[] = []): RetrievalResult {
  return { passages, searchedText: question, queryVector: Float32Array.of(1, 0), queryModel: 'constant', denseText: '', lang, answerTerms, names: [] };
}
