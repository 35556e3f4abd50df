import { describe, expect, it } from 'vitest';
import { chunkDocument, prepareArticle } from '../../src/ingest/index.js';
import { sourceFile, unpunctuatedLine } from '../helpers/adversarial.js';
import { testConfig } from '../helpers/fixtures.js';

describe('a 50,000-word line without punctuation', () => {
  it('is cut into passages of at most MAX_PASSAGE_CHARS, at word boundaries, covering every word', () => {
    const { chunking } = testConfig({ MAX_PASSAGE_CHARS: '1500' });
    const content = unpunctuatedLine(50_000);
    expect(content.length).toBeGreaterThan(300_000);
    const prepared = prepareArticle(sourceFile('nopunct.txt', content), chunking);
    if ('reason' in prepared) throw new Error(prepared.reason);
    const { doc, passages } = prepared;
    expect(passages.length).toBeGreaterThan(200);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(1500);
      expect(p.start === 0 || /\s/.test(doc.cleanText[p.start - 1])).toBe(true);
      expect(p.end === doc.cleanText.length || /\s/.test(doc.cleanText[p.end])).toBe(true);
    }
    const covered = passages.reduce((words, p, i) => words + (i === 0 ? p.text : doc.cleanText.slice(passages[i - 1].end, p.end)).split(/\s+/).filter(Boolean).length, 0);
    expect(covered).toBe(doc.cleanText.split(/\s+/).length);
  });

  it('cuts a run without any space too (no passage over the limit)', () => {
    const { chunking } = testConfig({ MAX_PASSAGE_CHARS: '500' });
    const passages = chunkDocument('run.txt', `Token ${'x'.repeat(20_000)} end.`, chunking);
    expect(passages.length).toBeGreaterThanOrEqual(40);
    expect(Math.max(...passages.map((p) => p.text.length))).toBeLessThanOrEqual(500);
  });
});
