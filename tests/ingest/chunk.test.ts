import { describe, expect, it } from 'vitest';
import { buildDocument, chunkDocument, countWords, readCorpus, splitSentences, type ArticleDocument } from '../../src/ingest/index.js';
import { SEED_CORPUS, testConfig } from '../helpers/fixtures.js';

async function seedDocuments(): Promise<ArticleDocument[]> {
  const { files } = await readCorpus(SEED_CORPUS, 10_000_000);
  return files.map(buildDocument).filter((d): d is ArticleDocument => !('reason' in d));
}

describe('sentence-aware chunking', () => {
  it('records offsets such that cleanText.slice(start, end) === passage.text for every passage', async () => {
    const { chunking } = testConfig();
    const docs = await seedDocuments();
    expect(docs).toHaveLength(5);
    for (const doc of docs) {
      const passages = chunkDocument(doc.docId, doc.cleanText, chunking, doc.lang);
      expect(passages.length).toBeGreaterThan(0);
      for (const p of passages) expect(doc.cleanText.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('keeps passages within the word limits, overlapping by one sentence, never cutting a sentence', async () => {
    const { chunking } = testConfig();
    for (const doc of await seedDocuments()) {
      const passages = chunkDocument(doc.docId, doc.cleanText, chunking, doc.lang);
      const sentenceEnds = new Set<number>();
      const sentenceStarts = new Set<number>();
      for (const para of doc.cleanText.matchAll(/[^\n]+/g)) {
        for (const s of splitSentences(para[0], doc.lang)) {
          sentenceStarts.add((para.index ?? 0) + s.start);
          sentenceEnds.add((para.index ?? 0) + s.end);
        }
      }
      passages.forEach((p, i) => {
        expect(sentenceStarts.has(p.start)).toBe(true);
        expect(sentenceEnds.has(p.end)).toBe(true);
        expect(countWords(p.text)).toBeLessThanOrEqual(chunking.maxWords);
        if (passages.length > 1 && i < passages.length - 1) expect(countWords(p.text)).toBeGreaterThanOrEqual(chunking.minWords);
        // one-sentence overlap, unless the previous passage is a single (long) sentence
        const previous = passages[i - 1];
        if (previous && splitSentences(previous.text, doc.lang).length > 1) expect(p.start).toBeLessThan(previous.end);
      });
      expect(new Set(passages.map((p) => p.chunkId)).size).toBe(passages.length);
    }
  });

  it('does not split after abbreviations, initials or inside quotes', () => {
    const text = 'Prof. Dr. Andreas Stoffers from FOM University explained it. Resolution No. 57-NQ/TW was issued in Dec. 2024. TP. Hồ Chí Minh đã làm.';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['Prof. Dr. Andreas Stoffers from FOM University explained it.', 'Resolution No. 57-NQ/TW was issued in Dec. 2024.', 'TP. Hồ Chí Minh đã làm.']);
  });
});
