import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/index.js';
import { longLine, sourceFile } from '../helpers/adversarial.js';
import { testConfig } from '../helpers/fixtures.js';

describe('a long single-line article', () => {
  // Before: 400 KB took 21.3 s as one line; 2 MB did not finish in 180 s (Intl.Segmenter on whole paragraphs):
  // the super-linear case now fails by the test's time-out; docs/robustness.md has the measured times.
  it.each([400_000, 2_000_000])('%i characters on one line ingest completely into bounded passages', (bytes) => {
    const { chunking } = testConfig();
    const prepared = prepareArticle(sourceFile(`line-${bytes}.txt`, longLine(bytes)), chunking);
    if ('reason' in prepared) throw new Error(prepared.reason);
    const { doc, passages } = prepared;
    expect(doc.cleanText.length).toBeGreaterThan(bytes * 0.99);
    expect(Math.max(...passages.map((p) => p.text.length))).toBeLessThanOrEqual(chunking.maxChars);
    expect(passages.every((p) => p.text.split(/\s+/).length <= chunking.maxWords)).toBe(true);
    // every part of the text is in some passage
    expect(passages[0].start).toBeLessThanOrEqual(doc.cleanText.indexOf('The orchestra'));
    expect(passages[passages.length - 1].end).toBe(doc.cleanText.length);
    for (let i = 1; i < passages.length; i++) expect(passages[i].start).toBeLessThanOrEqual(passages[i - 1].end + 1);
  });
});
