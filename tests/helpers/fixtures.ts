import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { TransformersEmbedder, type Embedder, type EmbedKind } from '../../src/embed/index.js';
import { updateIndex } from '../../src/store/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEED_CORPUS = join(ROOT, 'corpus');
export const MODELS_DIR = join(ROOT, 'models');
export const DEFAULT_MODEL = 'newsdesk/static-use-en';

let shared: Promise<TransformersEmbedder> | null = null;

/** The real default model, loaded once per test file. */
export function realEmbedder(): Promise<TransformersEmbedder> {
  shared ??= TransformersEmbedder.load({ modelId: DEFAULT_MODEL, modelsDir: MODELS_DIR });
  return shared;
}

/** Wraps an embedder and counts the texts it was asked to embed. */
export class CountingEmbedder implements Embedder {
  texts = 0;
  calls = 0;
  constructor(private readonly inner: Embedder, readonly modelId = inner.modelId) {}
  get dimensions(): number {
    return this.inner.dimensions;
  }
  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    this.calls++;
    this.texts += texts.length;
    return this.inner.embed(texts, kind);
  }
}

export async function tempDir(prefix = 'newsdesk-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function copySeedCorpus(dir: string): Promise<void> {
  await cp(SEED_CORPUS, dir, { recursive: true });
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ MODELS_DIR, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...overrides });
}

/**
 * A copy of the seed corpus and an index folder (not built yet) in a temporary folder, made before
 * the tests of the file that calls this and removed after them; `ready` receives their paths.
 */
export function useSeedCorpusFolders(ready: (folders: { corpusDir: string; indexDir: string }) => void): void {
  let root = '';
  beforeAll(async () => {
    root = await tempDir();
    await copySeedCorpus(join(root, 'corpus'));
    ready({ corpusDir: join(root, 'corpus'), indexDir: join(root, 'index') });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));
}

/** A fresh index of the seed corpus in a temporary folder, built with the real model. */
export async function buildSeedIndex(): Promise<{ indexDir: string; corpusDir: string; cleanup: () => Promise<void> }> {
  const root = await tempDir();
  const corpusDir = join(root, 'corpus');
  const indexDir = join(root, 'index');
  await copySeedCorpus(corpusDir);
  const config = testConfig();
  await updateIndex({ corpusDir, indexDir, embedder: await realEmbedder(), chunking: config.chunking, maxFileBytes: config.ingest.maxFileBytes });
  return { indexDir, corpusDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
