import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestTimeoutError } from '../../src/errors.js';
import { currentVersion, updateIndex } from '../../src/store/index.js';
import { copySeedCorpus, realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';

let root = '';
afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

describe('the ingest job time limit', () => {
  it('stops an ingest past INGEST_JOB_TIMEOUT_MS without writing anything, and releases the lock', async () => {
    root = await tempDir();
    const corpusDir = join(root, 'corpus');
    const indexDir = join(root, 'index');
    await copySeedCorpus(corpusDir);
    const { chunking, ingest } = testConfig();
    const embedder = await realEmbedder();
    const slow = { modelId: embedder.modelId, dimensions: embedder.dimensions, embed: async (texts: string[]) => { await new Promise((r) => setTimeout(r, 300)); return embedder.embed(texts, 'passage'); } };
    await expect(updateIndex({ corpusDir, indexDir, embedder: slow, chunking, maxFileBytes: ingest.maxFileBytes, jobTimeoutMs: 100 })).rejects.toThrow(IngestTimeoutError);
    expect(await currentVersion(indexDir)).toBeNull();
    const summary = await updateIndex({ corpusDir, indexDir, embedder, chunking, maxFileBytes: ingest.maxFileBytes, jobTimeoutMs: 60_000 });
    expect(summary.added).toBe(5);
  });
});
