import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSkeleton, currentVersion, updateIndex } from '../../src/store/index.js';
import { copySeedCorpus, realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';

let root = '';
afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

describe('a file that fails to ingest', () => {
  it('is reported with its reason, remembered in the index, and not read again until it changes', async () => {
    root = await tempDir();
    const corpusDir = join(root, 'corpus');
    const indexDir = join(root, 'index');
    await copySeedCorpus(corpusDir);
    await writeFile(join(corpusDir, 'menu.html'), '<html><body><nav><a href="/">Home</a></nav><ul><li>Menu</li></ul></body></html>');
    const { chunking, ingest } = testConfig();
    const embedder = await realEmbedder();
    const ingestOnce = () => updateIndex({ corpusDir, indexDir, embedder, chunking, maxFileBytes: ingest.maxFileBytes });

    const first = await ingestOnce();
    expect(first.added).toBe(5);
    expect(first.skipped).toEqual([expect.objectContaining({ relativePath: 'menu.html', reason: expect.stringContaining('no article text') })]);
    const manifest = (await loadSkeleton(indexDir, (await currentVersion(indexDir))!)).manifest;
    expect(manifest.failed?.['menu.html']?.reason).toContain('no article text');

    const second = await ingestOnce();
    expect(second.upToDate).toBe(true);
    expect(second.skipped).toEqual([expect.objectContaining({ relativePath: 'menu.html', reason: expect.stringContaining('not read again') })]);

    await writeFile(join(corpusDir, 'menu.html'), '<html><body><p>The harbour authority approved the new ferry terminal on Tuesday after a long review.</p></body></html>');
    const third = await ingestOnce();
    expect(third.added).toBe(1);
    expect(third.skipped).toEqual([]);
    expect((await loadSkeleton(indexDir, third.version)).manifest.failed).toEqual({});
  });
});
