import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import type { ArticleDocument } from '../ingest/index.js';
import { carrySegment, writeSegment } from './document-segments.js';
import { existsSync } from 'node:fs';
import { indexPaths, versionFiles, type VersionFiles } from './layout.js';
import type { Manifest, StoredPassage } from './manifest.js';
import { writeDelta, type ManifestChange, type VersionDelta } from './version-delta.js';
import type { GraphBuilder } from './graph-builder.js';
import type { HnswIndex } from './passage-index.js';
import { currentVersion } from './read-index.js';
import { fsyncDir, fsyncTree, linkOrCopy, renameSynced, replaceFileDurably, type FsTrace } from './durable-fs.js';

const VERSIONS_KEPT = 3;

export interface IndexVersionData {
  manifest: Manifest;
  /** Segments written by this version, with their documents. */
  newSegments: Map<string, ArticleDocument[]>;
  /** Segments shared with the version this one extends. */
  carried: { fromVersion: string; segments: string[] } | null;
  passages: StoredPassage[];
  graphData: GraphWrite;
  /** How this version differs from the one it extends (deltas/<version>), unless it rebuilt the graph. */
  delta: { graph: VersionDelta; manifest: ManifestChange } | null;
}

/** The graph written whole (held here), already in the staging folder (built by a worker thread, see stageGraph), or the extended version's graph file and deltas shared (hard links). */
export type GraphWrite = { hnsw: HnswIndex } | { staged: true } | { linkFrom: string; deltas: string[] };

/** A sortable, unique version name: build time plus a random suffix. */
export function newVersionName(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Writes a complete version into a temporary folder, fsyncs its files and
 * folders, renames it into place (fsyncing versions/), then atomically and
 * durably repoints CURRENT (temporary file, fsync, rename, fsync index/). A
 * crash or power cut at any point leaves CURRENT naming a complete version;
 * leftovers are removed by the next write.
 */
export async function writeIndexVersion(indexDir: string, data: IndexVersionData, trace?: FsTrace): Promise<void> {
  const paths = indexPaths(indexDir);
  const version = data.manifest.version;
  const staging = stagingFiles(indexDir, version);
  await mkdir(staging.dir, { recursive: true });
  // The graph is written off the main thread while the JSON files are written on it.
  const graph = data.graphData;
  const graphWritten = data.passages.length === 0 || !('hnsw' in graph) ? null : graph.hnsw.writeIndex(staging.vectors);
  graphWritten?.catch(() => undefined);
  if ('linkFrom' in graph) await shareGraph(paths.version(graph.linkFrom), staging, graph.deltas);
  if (data.delta) await writeDelta(staging, version, data.delta.graph, data.delta.manifest);
  for (const [segment, documents] of data.newSegments) await writeSegment(staging, segment, documents);
  const from = data.carried && paths.version(data.carried.fromVersion);
  for (const segment of data.carried?.segments ?? []) await carrySegment(from!, staging, segment);
  await writeFile(staging.passages, JSON.stringify(data.passages));
  await graphWritten;
  await writeFile(staging.manifest, JSON.stringify(data.manifest, null, 2));
  await fsyncTree(staging.dir, trace);
  await renameSynced(staging.dir, paths.version(version).dir, trace);
  await replaceFileDurably(paths.current, `${version}\n`, trace);
  await pruneVersions(indexDir);
  await fsyncDir(paths.versions, trace);
}

/**
 * Writes a graph built on the worker thread into the version's staging folder now, which ends the
 * worker: the rest of the ingest (indexing terms, writing JSON) then runs without the whole graph in
 * memory. Full ingest of the 72k-passage English news archive, where the worker is still adding points
 * when the embedding ends: peak RSS 649 -> 567 MB, time 103 -> 116 s (the main thread waits about
 * 11 s for the worker); of the Vietnamese one, where it is not: 583 -> 554 MB, 151 -> 150 s.
 */
export async function stageGraph(indexDir: string, version: string, builder: GraphBuilder): Promise<GraphWrite> {
  const staging = stagingFiles(indexDir, version);
  await mkdir(staging.dir, { recursive: true });
  await builder.write(staging.vectors);
  return { staged: true };
}

function stagingFiles(indexDir: string, version: string): VersionFiles {
  return versionFiles(`${indexPaths(indexDir).versions}/.staging-${version}`);
}

async function shareGraph(from: VersionFiles, to: VersionFiles, deltas: readonly string[]): Promise<void> {
  if (existsSync(from.vectors)) await linkOrCopy(from.vectors, to.vectors);
  if (deltas.length > 0) await mkdir(to.deltas, { recursive: true });
  for (const name of deltas) {
    await linkOrCopy(from.delta(name), to.delta(name));
    await linkOrCopy(from.deltaVectors(name), to.deltaVectors(name));
  }
}

/** Keeps the newest versions (a running server may still be loading one) and removes crash leftovers. */
async function pruneVersions(indexDir: string): Promise<void> {
  const paths = indexPaths(indexDir);
  const current = await currentVersion(indexDir);
  const entries = (await readdir(paths.versions)).sort();
  const finished = entries.filter((e) => !e.startsWith('.'));
  const keep = new Set([...finished.slice(-VERSIONS_KEPT), current]);
  const stale = entries.filter((e) => (e.startsWith('.staging-') && !e.endsWith(current ?? '')) || (!e.startsWith('.') && !keep.has(e)));
  await Promise.all(stale.map((e) => rm(`${paths.versions}/${e}`, { recursive: true, force: true })));
}
