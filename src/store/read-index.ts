import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { IndexCorruptError, IndexNotReadyError } from '../errors.js';
import { readDocuments } from './document-segments.js';
import { indexPaths } from './layout.js';
import { ManifestSchema, SCHEMA_VERSION, StoredPassageSchema, type Manifest, type StoredPassage } from './manifest.js';
import { PassageIndex, type HnswIndex } from './passage-index.js';

/** Name of the version CURRENT points at, or null when no index was built yet. */
export async function currentVersion(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(indexPaths(indexDir).current, 'utf8')).trim();
    return name === '' ? null : name;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Loads the current index version into memory. */
export async function loadIndex(indexDir: string): Promise<PassageIndex> {
  const version = await currentVersion(indexDir);
  if (version === null) throw new IndexNotReadyError(indexDir);
  return loadVersion(indexDir, version);
}

/** A version without its document texts: what re-indexing needs to extend it. */
export interface IndexSkeleton {
  manifest: Manifest;
  passages: StoredPassage[];
  hnsw: HnswIndex;
}

export async function loadVersion(indexDir: string, version: string): Promise<PassageIndex> {
  const files = indexPaths(indexDir).version(version);
  const skeleton = await loadSkeleton(indexDir, version);
  const documents = await readingVersion(files.dir, () => readDocuments(files, skeleton.manifest));
  return new PassageIndex(skeleton.manifest, documents, skeleton.passages, skeleton.hnsw);
}

export async function loadSkeleton(indexDir: string, version: string): Promise<IndexSkeleton> {
  const files = indexPaths(indexDir).version(version);
  if (!existsSync(files.manifest)) throw new IndexCorruptError(files.dir, 'its manifest is missing');
  return readingVersion(files.dir, async () => {
    const manifest = await readManifestFile(files.manifest);
    const hnsw = new hnswlib.HierarchicalNSW('cosine', manifest.dimensions);
    // The graph is read off the main thread while the passages are parsed on it.
    const hasGraph = existsSync(files.vectors);
    const readPassages = async () => z.array(StoredPassageSchema).parse(JSON.parse(await readFile(files.passages, 'utf8')));
    const [passages] = await Promise.all([readPassages(), hasGraph ? hnsw.readIndex(files.vectors, true) : null]);
    if (!hasGraph && passages.length > 0) throw new Error('its vectors file is missing');
    if (!hasGraph) hnsw.initIndex({ maxElements: 1, m: manifest.hnsw.m, efConstruction: manifest.hnsw.efConstruction, allowReplaceDeleted: true });
    hnsw.setEf(manifest.hnsw.efSearch);
    return { manifest, passages, hnsw };
  });
}

/**
 * Why `npm start` must index before serving: no index yet, or one it cannot
 * read (another index format, a damaged manifest). Null when it can serve.
 */
export async function whyIndexIsNeeded(indexDir: string): Promise<string | null> {
  const version = await currentVersion(indexDir);
  if (version === null) return `No index in ${indexDir} yet`;
  const files = indexPaths(indexDir).version(version);
  try {
    await readManifestFile(files.manifest);
    return null;
  } catch (error) {
    return `The index in ${indexDir} cannot be used (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
  }
}

async function readManifestFile(path: string): Promise<Manifest> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  const schema = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (schema !== SCHEMA_VERSION) throw new Error(`it was written in index format ${String(schema)}, this version reads format ${SCHEMA_VERSION}`);
  return ManifestSchema.parse(json);
}

/** Any failure while reading a version becomes one IndexCorruptError naming the folder and the reason. */
async function readingVersion<T>(dir: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof IndexCorruptError) throw error;
    throw new IndexCorruptError(dir, error instanceof Error ? error.message.slice(0, 200) : String(error));
  }
}
