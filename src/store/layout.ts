import { join } from 'node:path';

/**
 * index/
 *   CURRENT            name of the version being served (replaced atomically by rename)
 *   ingest.lock        present while an ingest runs
 *   versions/<v>/      manifest.json, passages.json, vectors.hnsw,
 *                      documents/<segment>.json (unchanged segments are hard links shared between versions)
 */
export const indexPaths = (indexDir: string) => ({
  current: join(indexDir, 'CURRENT'),
  lock: join(indexDir, 'ingest.lock'),
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
});

export type VersionFiles = ReturnType<typeof versionFiles>;
