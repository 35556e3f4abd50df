import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACTIVE, ExtractiveAnswerer, PASSAGES_CONSIDERED } from '../../src/answer/index.js';
import type { Embedder } from '../../src/embed/index.js';
import type { RetrievalResult, RetrievedPassage } from '../../src/retrieve/index.js';
import { AskRequestSchema } from '../../src/server/schemas.js';

// The answerer's own decision is under test, not a model's: vectors are a constant stand-in.
const constantEmbedder: Embedder = { modelId: 'constant', dimensions: 2, embed: async (texts) => texts.map(() => Float32Array.of(1, 0)) };
const statistics = { idf: () => 1, knows: () => true };

function retrieval(lang: 'en' | 'vi', sentence: (i: number) => string): RetrievalResult {
  const passages = Array.from({ length: 10 }, (_, i): RetrievedPassage => {
    const text = sentence(i);
    return {
      passage: { chunkId: `d${i}#0`, docId: `d${i}`, start: 0, end: text.length, text },
      document: { docId: `d${i}`, title: `Article ${i}`, lang },
      score: 1 / (i + 1),
      lexicalRank: i + 1,
      lexicalScore: 10 - i,
      denseRank: i + 1,
      denseScore: 0.5,
    } as unknown as RetrievedPassage;
  });
  return { passages, searchedText: '', queryVector: Float32Array.of(1, 0), queryModel: 'constant', denseText: '', lang, answerTerms: [], names: [] };
}

const readRanks = async (question: string, r: RetrievalResult) => {
  const { candidates } = await new ExtractiveAnswerer(constantEmbedder, statistics, null).rankSentences(question, r);
  return new Set(candidates.map((c) => c.rank));
};

describe('passages the answerer reads', () => {
  it('reads the best 5 passages for an English question and the best 8 for a Vietnamese one', async () => {
    expect(DEFAULT_EXTRACTIVE.passages).toEqual({ en: 5, vi: 8 });
    const en = await readRanks('When will the harbour open?', retrieval('en', (i) => `The harbour number ${i} will open in March next year.`));
    const vi = await readRanks('Khi nào cảng mở cửa?', retrieval('vi', (i) => `Cảng số ${i} sẽ mở cửa vào tháng Ba năm sau.`));
    expect([...en].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...vi].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('are all retrieved by /ask unless the request sets k', () => {
    expect(AskRequestSchema.parse({ question: 'Khi nào cảng mở cửa?' }).k).toBe(PASSAGES_CONSIDERED);
    expect(PASSAGES_CONSIDERED).toBe(8);
    expect(AskRequestSchema.parse({ question: 'When?', k: 3 }).k).toBe(3);
  });
});
