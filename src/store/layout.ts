import { join } from 'node:path';

/**
 * index/
 *   CURRENT            name of the version being served (replaced atomically by rename)
 *   ingest.lock        present while an ingest runs
 *   index.sqlite       the BM25 index (FTS5, by HNSW label) and the documents (by id and file hash) of recent versions
 *   versions/<v>/      manifest.json, passages.json,
 *                      vectors.hnsw (the graph as of the last checkpoint, a hard link when unchanged),
 *                      deltas/<version>.json + .f32 (changes since: removed labels, added passages and vectors),
 *                      documents/<segment>.json (unchanged segments are hard links shared between versions)
 */
export const indexPaths = (indexDir: string) => ({
  current: join(indexDir, 'CURRENT'),
  lock: join(indexDir, 'ingest.lock'),
  database: join(indexDir, 'index.sqlite'),
  versions: join(indexDir, 'versions'),
  version: (v: string) => versionFiles(join(indexDir, 'versions', v)),
});

export const versionFiles = (dir: string) => ({
  dir,
  manifest: join(dir, 'manifest.json'),
  segments: join(dir, 'documents'),
  segment: (name: string) => join(dir, 'documents', `${name}.json`),
  passages: join(dir, 'passages.json'),
  vectors: join(dir, 'vectors.hnsw'),
  deltas: join(dir, 'deltas'),
  delta: (name: string) => join(dir, 'deltas', `${name}.json`),
  deltaVectors: (name: string) => join(dir, 'deltas', `${name}.f32`),
});

export type VersionFiles = ReturnType<typeof versionFiles>;
