import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/index.js';
import { PLAIN_HTML, sourceFile } from '../helpers/adversarial.js';
import { testConfig } from '../helpers/fixtures.js';

describe('an .html file without any tags', () => {
  it('is read as text instead of failing ("First argument to Readability constructor…")', () => {
    const prepared = prepareArticle(sourceFile('plain.html', PLAIN_HTML), testConfig().chunking);
    expect('reason' in prepared ? prepared.reason : null).toBeNull();
    if ('reason' in prepared) return;
    expect(prepared.doc.cleanText).toBe('Plain text. The ministry met on Monday.');
    expect(prepared.passages.map((p) => p.text)).toEqual(['Plain text. The ministry met on Monday.']);
  });

  it('keeps paragraphs of a tag-less page and fragments without <html>', () => {
    const fragment = prepareArticle(sourceFile('fragment.html', '<p>The council approved the plan on Friday after a debate.</p><p>Work starts in May next year, officials said.</p>'), testConfig().chunking);
    expect('reason' in fragment ? fragment.reason : fragment.doc.cleanText).toBe('The council approved the plan on Friday after a debate.\n\nWork starts in May next year, officials said.');
  });
});
