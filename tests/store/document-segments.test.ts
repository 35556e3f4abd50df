import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentVersion, indexPaths, loadIndex, updateIndex, whyIndexIsNeeded } from '../../src/store/index.js';
import { copySeedCorpus, realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();

const article = (i: number, fact: string) => `Regional desk report number ${i}\n\nProvincial officials said on Monday that ${fact}. The plan was discussed with local businesses and universities during a meeting in the provincial capital.\n`;

describe('document texts stored in segments shared between index versions', () => {
  let root: string;
  let corpusDir: string;
  let indexDir: string;
  const ingestNow = async () => updateIndex({ corpusDir, indexDir, embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes });
  const versionDir = async () => indexPaths(indexDir).version((await currentVersion(indexDir))!);

  beforeAll(async () => {
    root = await tempDir();
    corpusDir = join(root, 'corpus');
    indexDir = join(root, 'index');
    await copySeedCorpus(corpusDir);
    await ingestNow();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('adding an article writes one small segment and shares the existing one, unchanged, with the previous version', async () => {
    const before = await versionDir();
    const [seedSegment] = await readdir(before.segments);
    await writeFile(join(corpusDir, 'desk-1.txt'), article(1, '40 new fibre-optic links will reach mountain villages by 2027'));
    await ingestNow();
    const after = await versionDir();
    expect((await readdir(after.segments)).sort()).toEqual([seedSegment, `${(await loadIndex(indexDir)).manifest.version}.json`].sort());
    const [old, shared] = await Promise.all([stat(join(before.segments, seedSegment)), stat(join(after.segments, seedSegment))]);
    expect(shared.ino).toBe(old.ino);
    const index = await loadIndex(indexDir);
    expect(index.document('desk-1.txt')!.cleanText).toContain('fibre-optic links');
    expect([...index.documents()]).toHaveLength(6);
  });

  it('serves the new text of a changed article, never its old copy left in an older segment', async () => {
    await writeFile(join(corpusDir, 'desk-1.txt'), article(1, '55 new fibre-optic links will reach mountain villages by 2028'));
    await ingestNow();
    const index = await loadIndex(indexDir);
    expect(index.document('desk-1.txt')!.cleanText).toContain('55 new fibre-optic links');
    expect(index.allPassages().filter((p) => p.docId === 'desk-1.txt').map((p) => p.text).join(' ')).not.toContain('40 new');
  });

  it('merges segments once many of their copies are replaced, and every document still loads', async () => {
    for (let round = 0; round < 6; round++) {
      await writeFile(join(corpusDir, 'desk-1.txt'), article(1, `${60 + round} new fibre-optic links will reach mountain villages`));
      await writeFile(join(corpusDir, 'desk-2.txt'), article(2, `${70 + round} new bus routes will link the industrial parks`));
      await writeFile(join(corpusDir, `desk-${round + 3}.txt`), article(round + 3, `${round + 3} new district clinics will open this year`));
      await ingestNow();
    }
    const index = await loadIndex(indexDir);
    const segments = await readdir((await versionDir()).segments);
    expect(Object.keys(index.manifest.segments).sort()).toEqual(segments.map((s) => s.replace(/\.json$/, '')).sort());
    const stored = Object.values(index.manifest.segments).reduce((a, b) => a + b, 0);
    expect(stored - Object.keys(index.manifest.documents).length).toBeLessThanOrEqual(0.3 * stored);
    expect([...index.documents()]).toHaveLength(13);
    for (const p of index.allPassages()) expect(index.document(p.docId)!.cleanText.slice(p.start, p.end)).toBe(p.text);
    expect(index.document('desk-1.txt')!.cleanText).toContain('65 new fibre-optic links');
  });

  it('rebuilds an index written in an older format, saying why, and npm start notices it before serving', async () => {
    const files = await versionDir();
    const manifest = JSON.parse(await readFile(files.manifest, 'utf8')) as Record<string, unknown>;
    await writeFile(files.manifest, JSON.stringify({ ...manifest, schemaVersion: 1 }));
    expect(await whyIndexIsNeeded(indexDir)).toMatch(/cannot be used \(it was written in index format 1/);
    const summary = await ingestNow();
    expect(summary.rebuildReason).toMatch(/index format 1, this version reads format 2/);
    expect(await whyIndexIsNeeded(indexDir)).toBeNull();
    expect([...(await loadIndex(indexDir)).documents()]).toHaveLength(13);
  });
});
