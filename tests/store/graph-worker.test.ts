import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder, EmbedKind } from '../../src/embed/index.js';
import { GraphBuilder } from '../../src/store/graph-builder.js';
import { currentVersion, indexPaths, loadIndex, updateIndex } from '../../src/store/index.js';
import { copySeedCorpus, realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();

/** Fails once it has been asked to embed: an ingest that dies while its graph is being built. */
class FailingEmbedder implements Embedder {
  constructor(private readonly inner: Embedder) {}
  get modelId(): string {
    return this.inner.modelId;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  async embed(_texts: string[], _kind: EmbedKind): Promise<Float32Array[]> {
    throw new Error('the model stopped');
  }
}

describe('a whole graph built on a worker thread while embedding', () => {
  let root: string;
  const ingestInto = async (name: string, graphWorkerMinPoints?: number, embedder?: Embedder) =>
    updateIndex({ corpusDir: join(root, 'corpus'), indexDir: join(root, name), embedder: embedder ?? (await realEmbedder()), chunking, maxFileBytes: ingest.maxFileBytes, graphWorkerMinPoints });
  const graphFile = async (name: string) => readFile(indexPaths(join(root, name)).version((await currentVersion(join(root, name)))!).vectors);

  beforeAll(async () => {
    root = await tempDir();
    await copySeedCorpus(join(root, 'corpus'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is the graph the main thread builds, byte for byte, and answers the same', async () => {
    await ingestInto('on-worker', 0);
    await ingestInto('on-main');
    expect((await graphFile('on-worker')).equals(await graphFile('on-main'))).toBe(true);
    const index = await loadIndex(join(root, 'on-worker'));
    const [probe] = index.allPassages();
    expect(index.searchVector(index.vectorOf(probe), 1)[0].passage.chunkId).toBe(probe.chunkId);
  });

  it('compacts a graph with many deleted points the same way (kept points first, then the new ones)', async () => {
    const articles = (await readdir(join(root, 'corpus'))).filter((f) => f.endsWith('.txt')).sort();
    for (const name of articles.slice(0, 3)) await rm(join(root, 'corpus', name));
    await writeFile(join(root, 'corpus', 'velkaro.txt'), 'Harbour at Velkaro to open in March\n\nThe port authority said on Monday that the new deep-water harbour at Velkaro will open on 14 March 2031. It cost 41 million dollars.\n');
    const onWorker = await ingestInto('on-worker', 0);
    const onMain = await ingestInto('on-main');
    expect(onWorker).toMatchObject({ added: 1, removed: 3 });
    expect((await loadIndex(join(root, 'on-worker'))).manifest.graph).toMatchObject({ compacted: true });
    expect((await graphFile('on-worker')).equals(await graphFile('on-main'))).toBe(true);
    expect(onMain).toMatchObject({ added: 1, removed: 3 });
  });

  it('reuses the buffers the worker hands back without mixing their old vectors into new points', async () => {
    const dims = 8;
    const point = (label: number) => Float32Array.from({ length: dims }, (_, d) => Math.sin(label * 7 + d) + (d === label % dims ? 2 : 0));
    const batches = [40, 25, 40, 3, 17, 40, 1].reduce<number[][]>((all, size) => [...all, Array.from({ length: size }, (_, i) => all.flat().length + i)], []);
    const builder = new GraphBuilder({ dimensions: dims, maxElements: 200, m: 16, efConstruction: 100, randomSeed: 100 });
    const reference = new hnswlib.HierarchicalNSW('cosine', dims);
    reference.initIndex({ maxElements: 200, m: 16, efConstruction: 100, randomSeed: 100, allowReplaceDeleted: true });
    for (const labels of batches) {
      builder.add(labels, labels.map(point));
      for (const label of labels) reference.addPoint(Array.from(point(label)), label);
      await new Promise((r) => setTimeout(r, 20)); // the worker hands the buffer back
    }
    const [onWorker, onMain] = [join(root, 'reused.hnsw'), join(root, 'reference.hnsw')];
    await builder.write(onWorker);
    await reference.writeIndex(onMain);
    expect((await readFile(onWorker)).equals(await readFile(onMain))).toBe(true);
  });

  it('writes no graph when a point could not be added', async () => {
    const builder = new GraphBuilder({ dimensions: 4, maxElements: 2, m: 16, efConstruction: 100, randomSeed: 100 });
    builder.add([0, 1, 2], [0, 1, 2].map((i) => Float32Array.from([1, i, 0, 1])));
    const file = join(root, 'partial.hnsw');
    await expect(builder.write(file)).rejects.toThrow(/exceeds|limit/i);
    expect(existsSync(file)).toBe(false);
  });

  it('is stopped when the ingest fails, and the served version is untouched', async () => {
    const before = await currentVersion(join(root, 'on-worker'));
    await rm(join(root, 'fresh'), { recursive: true, force: true });
    await expect(ingestInto('fresh', 0, new FailingEmbedder(await realEmbedder()))).rejects.toThrow('the model stopped');
    expect(await currentVersion(join(root, 'fresh'))).toBeNull();
    expect(await currentVersion(join(root, 'on-worker'))).toBe(before);
  });
});
