import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestLockedError, NothingIndexedError } from '../../src/errors.js';
import { acquireIngestLock, currentVersion, indexPaths, loadIndex, updateIndex } from '../../src/store/index.js';
import { CountingEmbedder, realEmbedder, tempDir, testConfig, useSeedCorpusFolders } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();

describe('incremental re-indexing of the seed corpus', () => {
  let corpusDir: string;
  let indexDir: string;
  useSeedCorpusFolders((folders) => ({ corpusDir, indexDir } = folders));

  const run = async (embedder: CountingEmbedder) => updateIndex({ corpusDir, indexDir, embedder, chunking, maxFileBytes: ingest.maxFileBytes });

  it('builds everything the first time and stores everything needed to answer', async () => {
    const embedder = new CountingEmbedder(await realEmbedder());
    const summary = await run(embedder);
    expect(summary).toMatchObject({ added: 5, changed: 0, removed: 0, unchanged: 0, rebuildReason: 'no index exists yet' });
    expect(embedder.texts).toBe(summary.passages);
    const index = await loadIndex(indexDir);
    expect(index.manifest).toMatchObject({ model: 'newsdesk/static-use-en', dimensions: embedder.dimensions, passages: summary.passages, chunking });
    expect(Object.keys(index.manifest.documents)).toHaveLength(5);
    for (const p of index.allPassages()) expect(index.document(p.docId)!.cleanText.slice(p.start, p.end)).toBe(p.text);
    const [hit] = index.searchVector(index.vectorOf(index.allPassages()[3]), 1);
    expect(hit.passage.chunkId).toBe(index.allPassages()[3].chunkId);
  });

  it('embeds nothing when nothing changed', async () => {
    const embedder = new CountingEmbedder(await realEmbedder());
    const before = await currentVersion(indexDir);
    const summary = await run(embedder);
    expect(summary.upToDate).toBe(true);
    expect(embedder.texts).toBe(0);
    expect(await currentVersion(indexDir)).toBe(before);
  });

  it('embeds only the passages of a new document and keeps the others untouched', async () => {
    const before = await loadIndex(indexDir);
    await writeFile(join(corpusDir, 'new-article.txt'), 'Hanoi launches a semiconductor training programme\n\nThe Ministry of Education said on Monday that 50,000 engineers will be trained in chip design by 2030. The programme brings together twelve universities and several foreign companies. Officials expect the first graduates next year.\n');
    const embedder = new CountingEmbedder(await realEmbedder());
    const summary = await run(embedder);
    const after = await loadIndex(indexDir);
    expect(summary).toMatchObject({ added: 1, changed: 0, removed: 0, unchanged: 5, rebuildReason: null });
    expect(embedder.texts).toBe(after.passagesOf('new-article.txt').length);
    for (const [docId, entry] of Object.entries(before.manifest.documents)) expect(after.manifest.documents[docId]).toEqual(entry);
    const old = before.allPassages()[0];
    expect([...after.vectorOf(old)]).toEqual([...before.vectorOf(old)]);
  });

  it('re-embeds a changed document and drops the passages of a deleted one', async () => {
    await writeFile(join(corpusDir, 'new-article.txt'), 'Hanoi launches a semiconductor training programme\n\nThe Ministry of Education said on Tuesday that 60,000 engineers will be trained in chip design by 2030. It is the largest programme of its kind so far.\n');
    await rm(join(corpusDir, '001_ecbe5cd89bc95efb.txt'));
    const embedder = new CountingEmbedder(await realEmbedder());
    const summary = await run(embedder);
    const index = await loadIndex(indexDir);
    expect(summary).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: 4 });
    expect(embedder.texts).toBe(index.allPassages().filter((p) => p.docId === 'new-article.txt').length);
    expect(index.allPassages().some((p) => p.docId === '001_ecbe5cd89bc95efb.txt')).toBe(false);
    expect(index.allPassages().find((p) => p.docId === 'new-article.txt')!.text).toContain('60,000');
    expect(index.searchVector(index.vectorOf(index.allPassages()[0]), 100).every((h) => h.passage.docId !== '001_ecbe5cd89bc95efb.txt')).toBe(true);
  });

  it('rebuilds everything, saying why, when the chunking settings or the model change', async () => {
    const embedder = new CountingEmbedder(await realEmbedder());
    const summary = await updateIndex({ corpusDir, indexDir, embedder, chunking: { ...chunking, targetWords: chunking.targetWords + 20 }, maxFileBytes: ingest.maxFileBytes });
    expect(summary.rebuildReason).toMatch(/chunking settings changed/);
    expect(embedder.texts).toBe(summary.passages);
    const renamed = new CountingEmbedder(await realEmbedder(), 'newsdesk/another-model');
    const again = await updateIndex({ corpusDir, indexDir, embedder: renamed, chunking, maxFileBytes: ingest.maxFileBytes });
    expect(again.rebuildReason).toMatch(/embedding model changed from "newsdesk\/static-use-en" to "newsdesk\/another-model"/);
    expect((await loadIndex(indexDir)).manifest.model).toBe('newsdesk/another-model');
  });

  it('skips bad files with a warning and still indexes the rest; refuses when nothing is usable', async () => {
    await writeFile(join(corpusDir, 'broken.txt'), Buffer.from([0, 1, 2, 3]));
    const warnings: string[] = [];
    const summary = await updateIndex({ corpusDir, indexDir, embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes, onWarning: (w) => warnings.push(w) });
    expect(summary.skipped.map((s) => s.path)).toEqual([join(corpusDir, 'broken.txt')]);
    expect(warnings.join('\n')).toContain(`${join(corpusDir, 'broken.txt')}: file looks binary`);
    const empty = join(indexDir, '..', 'empty-corpus');
    await mkdir(empty);
    await expect(updateIndex({ corpusDir: empty, indexDir, embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes })).rejects.toBeInstanceOf(NothingIndexedError);
    expect((await loadIndex(indexDir)).passageCount).toBe(summary.passages);
  });
});

describe('safety of the index on disk', () => {
  it('refuses a second ingest while one holds the lock, and takes over a stale lock', async () => {
    const indexDir = await tempDir();
    const lock = await acquireIngestLock(indexPaths(indexDir).lock, 'test holder');
    await expect(acquireIngestLock(indexPaths(indexDir).lock)).rejects.toBeInstanceOf(IngestLockedError);
    await lock.release();
    await writeFile(indexPaths(indexDir).lock, JSON.stringify({ pid: 2 ** 22 + 12345, owner: 'dead process' }));
    const taken = await acquireIngestLock(indexPaths(indexDir).lock);
    await taken.release();
  });
});
