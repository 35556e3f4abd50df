import { describe, expect, it } from 'vitest';
import { prepareArticle, type SourceFile } from '../../src/ingest/index.js';
import { sourceFile } from '../helpers/adversarial.js';
import { testConfig } from '../helpers/fixtures.js';

const ARTICLE = 'Ferry terminal approved\n\nThe harbour authority approved the new ferry terminal on Tuesday after a long review.\n';

describe('one file that fails or runs out of time', () => {
  it('is skipped with a reason naming the file and the cause, not thrown', () => {
    const broken: SourceFile = Object.defineProperty({ ...sourceFile('broken.html', '') }, 'content', {
      get() {
        throw new Error('boom while reading');
      },
    });
    const result = prepareArticle(broken, testConfig().chunking);
    expect(result).toMatchObject({ relativePath: 'broken.html', reason: expect.stringContaining('boom while reading') });
  });

  it('is skipped once over INGEST_FILE_TIMEOUT_MS, saying so', () => {
    let now = 0;
    const slowClock = () => (now += 40); // every stage "takes" 40 ms
    const result = prepareArticle(sourceFile('slow.txt', ARTICLE), testConfig().chunking, { timeoutMs: 50, htmlBudget: { maxDepth: 150, maxChars: 1e6, maxElements: 2e4 } }, slowClock);
    expect(result).toMatchObject({ relativePath: 'slow.txt', reason: expect.stringContaining('INGEST_FILE_TIMEOUT_MS (50 ms)') });
    expect(prepareArticle(sourceFile('fast.txt', ARTICLE), testConfig().chunking)).toHaveProperty('doc');
  });
});
