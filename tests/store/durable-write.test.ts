import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentVersion, updateIndex, type FsStep } from '../../src/store/index.js';
import { copySeedCorpus, realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';

let root = '';
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  if (root) await rm(root, { recursive: true, force: true });
});

describe('writing an index version durably', () => {
  it('fsyncs every file and folder of the new version before CURRENT is switched, and the folders after', async () => {
    root = await tempDir();
    const corpusDir = join(root, 'corpus');
    const indexDir = join(root, 'index');
    await copySeedCorpus(corpusDir);
    const steps: FsStep[] = [];
    const { chunking, ingest } = testConfig();
    await updateIndex({ corpusDir, indexDir, embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes, fsTrace: (s) => steps.push(s) });
    const version = (await currentVersion(indexDir))!;
    const versionDir = join(indexDir, 'versions', version);
    const at = (predicate: (s: FsStep) => boolean) => steps.findIndex(predicate);

    const placed = at((s) => s.op === 'rename' && s.to === versionDir);
    const switched = at((s) => s.op === 'rename' && s.to === join(indexDir, 'CURRENT'));
    expect(placed).toBeGreaterThan(-1);
    expect(switched).toBeGreaterThan(placed);

    // every file of the version was fsynced (in its staging folder) before the folder was renamed into place
    const files = (await readdir(versionDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(versionDir.length));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const staging = (steps[placed] as { path: string }).path;
    for (const file of files) {
      const synced = at((s) => s.op === 'fsync' && s.path === staging + file);
      expect(synced, file).toBeGreaterThan(-1);
      expect(synced, file).toBeLessThan(placed);
    }
    expect(at((s) => s.op === 'fsyncDir' && s.path === staging)).toBeLessThan(placed);
    expect(at((s) => s.op === 'fsyncDir' && s.path === join(staging, 'documents'))).toBeLessThan(placed);
    // the new version's name is durable before CURRENT names it
    const versionsSynced = at((s) => s.op === 'fsyncDir' && s.path === join(indexDir, 'versions'));
    expect(versionsSynced).toBeGreaterThan(placed);
    expect(versionsSynced).toBeLessThan(switched);
    // CURRENT's new content is on disk before the rename, and the rename is made durable after it
    const pointer = (steps[switched] as { path: string }).path;
    expect(at((s) => s.op === 'fsync' && s.path === pointer)).toBeLessThan(switched);
    expect(steps.slice(switched + 1).some((s) => s.op === 'fsyncDir' && s.path === indexDir)).toBe(true);
  });
});
