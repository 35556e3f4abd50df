import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentVersion, indexPaths, loadIndex, updateIndex } from '../../src/store/index.js';
import { copySeedCorpus, realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();
const HEADED = (fact: string) =>
  `Title: Mekong desk report\nDate: 2025-01-14\nURL: https://www.vietnamplus.vn/mekong.vnp\n\nProvincial officials said on Monday that ${fact}. The plan was discussed with local businesses and universities during a meeting in the provincial capital.\n`;

describe('article metadata in the index', () => {
  let root: string;
  let corpusDir: string;
  let indexDir: string;
  const ingestNow = async () => updateIndex({ corpusDir, indexDir, embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes });

  beforeAll(async () => {
    root = await tempDir();
    corpusDir = join(root, 'corpus');
    indexDir = join(root, 'index');
    await copySeedCorpus(corpusDir);
    await writeFile(join(corpusDir, 'mekong.txt'), HEADED('40 new fibre-optic links will reach mountain villages'));
    await ingestNow();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stores the URL and the source, and dates each document by when it was first indexed', async () => {
    const index = await loadIndex(indexDir);
    expect(index.document('mekong.txt')).toMatchObject({ title: 'Mekong desk report', published: '2025-01-14', source: null, url: 'https://www.vietnamplus.vn/mekong.vnp' });
    expect(index.document('004_317cefc0f26178b1.txt')).toMatchObject({ source: 'VNA', url: null });
    for (const doc of index.documents()) expect(Date.parse(doc.addedAt)).not.toBeNaN();
  });

  it('keeps addedAt when the index is rebuilt around an unchanged or a changed document', async () => {
    const first = (await loadIndex(indexDir)).document('mekong.txt')!.addedAt;
    await writeFile(join(corpusDir, 'new.txt'), HEADED('12 district clinics will open this year'));
    await ingestNow();
    expect((await loadIndex(indexDir)).document('mekong.txt')!.addedAt).toBe(first);
    await writeFile(join(corpusDir, 'mekong.txt'), HEADED('55 new fibre-optic links will reach mountain villages'));
    await ingestNow();
    const index = await loadIndex(indexDir);
    expect(index.document('mekong.txt')!.cleanText).toContain('55 new');
    expect(index.document('mekong.txt')!.addedAt).toBe(first);
    expect(index.document('new.txt')!.addedAt >= first).toBe(true);
  });

  it('finds an indexed article by its clean text, and the date range, among the copies of this version only', async () => {
    const before = await loadIndex(indexDir);
    const oldCopy = before.documentInfo('mekong.txt')!;
    await writeFile(join(corpusDir, 'mekong.txt'), HEADED('70 new fibre-optic links will reach mountain villages'));
    await writeFile(join(corpusDir, 'dated.txt'), `Title: An older report\nDate: 1999-03-02\n\nProvincial officials said the bridge would open in the spring after two years of work on its foundations.\n`);
    await ingestNow();
    const index = await loadIndex(indexDir);
    const copy = index.documentInfo('mekong.txt')!;
    expect(copy.cleanHash).not.toBe(oldCopy.cleanHash);
    expect(index.documentWithCleanHash(copy.cleanHash)?.docId).toBe('mekong.txt');
    expect(index.documentWithCleanHash(oldCopy.cleanHash)).toBeUndefined(); // the previous version's copy, still stored
    expect(before.documentWithCleanHash(oldCopy.cleanHash)?.docId).toBe('mekong.txt');
    const dates = index.documents().flatMap((d) => (d.published ? [d.published] : [])).sort();
    expect(index.dateRange()).toEqual({ first: dates[0], last: dates.at(-1) });
    expect(index.dateRange()?.first).toBe('1999-03-02');
    expect(before.dateRange()?.first).not.toBe('1999-03-02');
    expect(index.documentInfo('not-indexed.txt')).toBeUndefined();
    expect(index.passagesOf('dated.txt').map((p) => p.text).join(' ')).toContain('bridge would open');
  });

  it('loads an index written before url and addedAt existed, without the file name or a bare URL as a source', async () => {
    const files = indexPaths(indexDir).version((await currentVersion(indexDir))!);
    const manifest = JSON.parse(await readFile(files.manifest, 'utf8')) as { builtAt: string; documents: Record<string, Record<string, unknown>> };
    for (const entry of Object.values(manifest.documents)) delete entry.addedAt;
    await writeFile(files.manifest, JSON.stringify(manifest));
    for (const segment of await readdir(files.segments)) {
      const docs = JSON.parse(await readFile(join(files.segments, segment), 'utf8')) as Array<Record<string, unknown>>;
      const old = docs.map(({ url, addedAt, ...doc }) => ({ ...doc, source: doc.source ?? url ?? doc.path }));
      await writeFile(join(files.segments, segment), JSON.stringify(old));
    }
    const index = await loadIndex(indexDir);
    expect(index.document('000_232b39a335cc49bd.txt')).toMatchObject({ source: null, url: null, addedAt: manifest.builtAt });
    expect(index.document('mekong.txt')).toMatchObject({ source: null, url: 'https://www.vietnamplus.vn/mekong.vnp' });
    expect(index.document('004_317cefc0f26178b1.txt')).toMatchObject({ source: 'VNA', url: null });
  });
});
