import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACTIVE, ExtractiveAnswerer, PASSAGES_CONSIDERED } from '../../src/answer/index.js';
import type { RetrievalResult } from '../../src/retrieve/index.js';
import { AskRequestSchema } from '../../src/server/schemas.js';
import { constantEmbedder, retrievalOf, retrievedPassage } from '../helpers/retrieval.js';

const statistics = { idf: () => 1, knows: () => true };

function retrieval(lang: 'en' | 'vi', sentence: (i: number) => string): RetrievalResult {
  return retrievalOf(Array.from({ length: 10 }, (_, i) => retrievedPassage(i, lang, sentence(i))), lang);
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
