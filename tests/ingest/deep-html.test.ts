import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/index.js';
import { nestedDivs, sourceFile } from '../helpers/adversarial.js';
import { testConfig } from '../helpers/fixtures.js';

describe('deeply nested HTML', () => {
  // Before: 500 levels took 1.4 s, 1,000 took 9–21 s, 2,000 took 32 s, 20,000 threw "Maximum call stack size exceeded".
  it.each([500, 1000, 2000, 20_000])('%i nested <div> are read, in bounded time, with their text kept', (depth) => {
    const html = nestedDivs(depth);
    if (depth === 2000) expect(html.length).toBeGreaterThan(20_000); // the 22 KB file of the report
    const started = performance.now();
    const prepared = prepareArticle(sourceFile(`nested-${depth}.html`, html), testConfig().chunking);
    const seconds = (performance.now() - started) / 1000;
    expect('reason' in prepared ? prepared.reason : null).toBeNull();
    if ('reason' in prepared) return;
    expect(prepared.doc.cleanText).toContain('The harbour authority approved the new ferry terminal on Tuesday');
    expect(prepared.doc.title).toBe(`Nested ${depth}`);
    expect(seconds).toBeLessThan(5); // generous: only the super-linear case (seconds to minutes) fails this
  });

  it('still uses Readability for ordinary pages (navigation dropped)', () => {
    const page = `<html><head><title>Port news</title></head><body><nav><a href="/">Home</a> <a href="/world">World news and more links here</a></nav>
      <article><h1>Port news</h1><p>The harbour authority approved the new ferry terminal on Tuesday after a long review by the city council.</p>
      <p>Construction is expected to begin next spring and to take two years, the authority said in a statement.</p></article></body></html>`;
    const prepared = prepareArticle(sourceFile('page.html', page), testConfig().chunking);
    if ('reason' in prepared) throw new Error(prepared.reason);
    expect(prepared.doc.cleanText).not.toContain('World news');
    expect(prepared.doc.cleanText).toContain('Construction is expected to begin next spring');
  });
});
