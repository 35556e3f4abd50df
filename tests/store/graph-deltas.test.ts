import { copyFile, rename, stat, rm, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/retrieve/index.js';
import { currentVersion, indexPaths, loadIndex, loadVersion, updateIndex, whyIndexIsNeeded, type PassageIndex } from '../../src/store/index.js';
import { CountingEmbedder, realEmbedder, testConfig, useSeedCorpusFolders } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();
const ARTICLE = 'Harbour at Velkaro to open in March\n\nThe port authority said on Monday that the new deep-water harbour at Velkaro will open on 14 March 2031. It cost 41 million dollars.\n';

describe('a new article costs a delta, not a new copy of the archive', () => {
  let corpusDir: string;
  let indexDir: string;
  useSeedCorpusFolders((folders) => ({ corpusDir, indexDir } = folders));
  beforeAll(async () => {
    await ingestNow(new CountingEmbedder(await realEmbedder()));
  });

  const ingestNow = (embedder: CountingEmbedder) => updateIndex({ corpusDir, indexDir, embedder, chunking, maxFileBytes: ingest.maxFileBytes });
  const versionFiles = async () => indexPaths(indexDir).version((await currentVersion(indexDir))!);
  const velkaro = (index: PassageIndex) => index.allPassages().filter((p) => p.text.includes('Velkaro'));

  it('shares the graph file with the previous version and records the change as a delta', async () => {
    const before = await versionFiles();
    await writeFile(join(corpusDir, 'velkaro.txt'), ARTICLE);
    const summary = await ingestNow(new CountingEmbedder(await realEmbedder()));
    const after = await versionFiles();
    expect((await stat(after.vectors)).ino).toBe((await stat(before.vectors)).ino);
    const index = await loadIndex(indexDir);
    expect(index.manifest.graph).toMatchObject({ deltas: [summary.version], compacted: false });
    const [added] = velkaro(index);
    expect(index.searchVector(index.vectorOf(added), 1)[0].passage.chunkId).toBe(added.chunkId);
    expect((await LexicalIndex.forStore(index).query('Velkaro harbour', 1))[0].passage.chunkId).toBe(added.chunkId);
  });

  it('lets a server apply the delta to the version it serves, with the same result as reading the new version whole', async () => {
    const served = await loadIndex(indexDir);
    await writeFile(join(corpusDir, 'velkaro.txt'), ARTICLE.replace('14 March', '21 March'));
    await rm(join(corpusDir, '001_ecbe5cd89bc95efb.txt'));
    const { version } = await ingestNow(new CountingEmbedder(await realEmbedder()));
    const applied = await loadVersion(indexDir, version, served);
    const whole = await loadVersion(indexDir, version);
    expect(applied.hnsw).toBe(served.hnsw); // extended in place, not read again
    expect(applied.manifest).toEqual(whole.manifest);
    expect(applied.allPassages().map((p) => p.chunkId).sort()).toEqual(whole.allPassages().map((p) => p.chunkId).sort());
    expect(applied.document('001_ecbe5cd89bc95efb.txt')).toBeUndefined();
    const [changed] = velkaro(applied);
    expect(changed.text).toContain('21 March');
    expect(applied.searchVector(whole.vectorOf(changed), 1)[0].passage.chunkId).toBe(changed.chunkId);
    const hits = (await LexicalIndex.forStore(applied).query('Velkaro harbour', 3));
    expect(hits.map((h) => h.passage.text).filter((t) => t.includes('14 March'))).toEqual([]);
    expect(hits[0].passage.text).toContain('21 March');
  });

  it('gives an index without its database (lexical index and document texts) one at the next ingest, without embedding anything again', async () => {
    const database = indexPaths(indexDir).database;
    for (const suffix of ['', '-wal', '-shm']) await rm(`${database}${suffix}`, { force: true });
    expect(await whyIndexIsNeeded(indexDir)).toMatch(/lexical index/);
    const embedder = new CountingEmbedder(await realEmbedder());
    await ingestNow(embedder);
    expect(embedder.texts).toBe(0);
    expect(await whyIndexIsNeeded(indexDir)).toBeNull();
    const index = await loadIndex(indexDir);
    expect((await LexicalIndex.forStore(index).query('Velkaro harbour', 1))[0].passage.text).toContain('Velkaro');
    expect(index.document('velkaro.txt')?.cleanText).toContain('21 March');
  });

  it('rebuilds a database written in an older format (after an upgrade changed the text analysis) at the next ingest, without embedding anything again', async () => {
    const database = indexPaths(indexDir).database;
    const older = `${database}.older`;
    await copyFile(database, older);
    const connection = new Database(older);
    connection.pragma('user_version = 3');
    connection.close();
    for (const suffix of ['', '-wal', '-shm']) await rm(`${database}${suffix}`, { force: true });
    await rename(older, database);
    expect(await whyIndexIsNeeded(indexDir)).toMatch(/lexical index/);
    const embedder = new CountingEmbedder(await realEmbedder());
    await ingestNow(embedder);
    expect(embedder.texts).toBe(0);
    expect(await whyIndexIsNeeded(indexDir)).toBeNull();
    expect((await LexicalIndex.forStore(await loadIndex(indexDir)).query('Velkaro harbour', 1))[0].passage.text).toContain('Velkaro');
  });
});
