import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { IndexCorruptError, IndexNotReadyError } from '../errors.js';
import { indexPaths } from './layout.js';
import { ManifestSchema, StoredDocumentSchema, StoredPassageSchema } from './manifest.js';
import { PassageIndex } from './passage-index.js';

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

export async function loadVersion(indexDir: string, version: string): Promise<PassageIndex> {
  const files = indexPaths(indexDir).version(version);
  if (!existsSync(files.manifest)) throw new IndexCorruptError(files.dir, 'its manifest is missing');
  try {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(files.manifest, 'utf8')));
    const documents = z.array(StoredDocumentSchema).parse(JSON.parse(await readFile(files.documents, 'utf8')));
    const passages = z.array(StoredPassageSchema).parse(JSON.parse(await readFile(files.passages, 'utf8')));
    const hnsw = new hnswlib.HierarchicalNSW('cosine', manifest.dimensions);
    if (passages.length > 0 || existsSync(files.vectors)) await hnsw.readIndex(files.vectors, true);
    else hnsw.initIndex({ maxElements: 1, m: manifest.hnsw.m, efConstruction: manifest.hnsw.efConstruction, allowReplaceDeleted: true });
    hnsw.setEf(manifest.hnsw.efSearch);
    return new PassageIndex(manifest, documents, passages, hnsw);
  } catch (error) {
    if (error instanceof IndexCorruptError) throw error;
    throw new IndexCorruptError(files.dir, error instanceof Error ? error.message.slice(0, 200) : String(error));
  }
}
