import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import hnswlib from 'hnswlib-node';
import type { ChunkingSettings } from '../config.js';
import type { Embedder } from '../embed/index.js';
import { IndexCorruptError, IngestTimeoutError, NothingIndexedError } from '../errors.js';
import { DEFAULT_FILE_LIMITS, listArticlePaths, prepareArticle, readCorpus, type ArticleDocument, type FileLimits, type Passage, type SkippedFile } from '../ingest/index.js';
import { readDocuments, readSegment, segmentsOf } from './document-segments.js';
import { documentKey } from './document-table.js';
import { openIndexDatabase, type IndexDatabase } from './index-database.js';
import type { LexicalRow } from './lexical-store.js';
import type { FsTrace } from './durable-fs.js';
import { indexPaths } from './layout.js';
import { acquireIngestLock } from './lock.js';
import { SCHEMA_VERSION, type DocumentEntry, type FailedFile, type GraphLayout, type Manifest, type StoredPassage } from './manifest.js';
import type { HnswIndex } from './passage-index.js';
import { currentVersion, loadSkeleton, skeletonOf, type IndexSkeleton } from './read-index.js';
import { applyDelta, manifestChange, type VersionDelta } from './version-delta.js';
import { GraphBuilder } from './graph-builder.js';
import { HNSW_SETTINGS } from './graph-settings.js';
import { newVersionName, stageGraph, writeIndexVersion, type GraphWrite, type IndexVersionData } from './write-index.js';

const GRAPH_SEED = 100;
/** Below this many points a whole graph is built on the main thread: starting a worker would cost more than it saves. */
const GRAPH_WORKER_MIN_POINTS = 5000;
/** Compact the graph when more than this share of its points are deleted. */
const MAX_DELETED_SHARE = 0.3;
/**
 * Write the graph whole once more deltas than this wait to be replayed on loading, or more points
 * than the larger of MIN_PENDING_POINTS and this share of the graph (replaying costs about as much
 * per point as building: 1 % of 72k passages is about 0.2 s of start-up).
 */
const MAX_GRAPH_DELTAS = 32;
const MIN_PENDING_POINTS = 500;
const MAX_PENDING_SHARE = 0.01;
/** Merge document segments when there would be more than this many, or when this share of their copies is replaced. */
const MAX_SEGMENTS = 24;
const MAX_REPLACED_DOCUMENT_SHARE = 0.3;

export interface UpdateIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  chunking: ChunkingSettings;
  maxFileBytes: number;
  /** Per-file time budget and HTML budget (defaults: 20 s, depth 150). */
  fileLimits?: FileLimits;
  /** The whole ingest is stopped (IngestTimeoutError, nothing written) past this many milliseconds. */
  jobTimeoutMs?: number;
  /** Observes every fsync and rename of the write (tests check their order). */
  fsTrace?: FsTrace;
  onProgress?: (embedded: number, total: number) => void;
  onWarning?: (message: string) => void;
  lockOwner?: string;
  /**
   * Only these corpus files (relative paths) may have changed, been added or removed: the others are
   * not even listed. What the server passes for an upload or a delete; absent, the corpus is scanned.
   */
  paths?: readonly string[];
  /** Keeps the version written last in memory for the next run in the same process (the server's ingest process). */
  cache?: SkeletonCache;
  /** A whole graph of at least this many points is built on a worker thread while embedding (default GRAPH_WORKER_MIN_POINTS; tests lower it). */
  graphWorkerMinPoints?: number;
}

/** The last version an ingest wrote (its manifest and passages; the graph stays on disk). */
export interface SkeletonCache {
  skeleton: IndexSkeleton | null;
}

export interface IngestSummary {
  version: string;
  /** Why everything was rebuilt, when it was. */
  rebuildReason: string | null;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: SkippedFile[];
  passages: number;
  embeddedPassages: number;
  seconds: number;
  passagesPerSecond: number;
  upToDate: boolean;
}

/**
 * Brings the index in line with the corpus: only new or changed documents are
 * chunked and embedded, removed ones are dropped, unchanged ones keep their
 * passages and vectors. A change of model, dimensions or chunking rebuilds all.
 */
export async function updateIndex(options: UpdateIndexOptions): Promise<IngestSummary> {
  const lock = await acquireIngestLock(indexPaths(options.indexDir).lock, options.lockOwner);
  try {
    return await runUpdate(options);
  } finally {
    await lock.release();
  }
}

async function runUpdate(options: UpdateIndexOptions): Promise<IngestSummary> {
  const started = performance.now();
  const deadline = options.jobTimeoutMs === undefined ? Infinity : started + options.jobTimeoutMs;
  const checkDeadline = (stage: string) => {
    if (performance.now() > deadline) throw new IngestTimeoutError(options.jobTimeoutMs ?? 0, stage);
  };
  const previous = await loadPrevious(options);
  const targeted = options.paths && previous.index ? new Set(options.paths) : null;
  const listing = targeted ? existingPaths(options.corpusDir, targeted) : listArticlePaths(options.corpusDir);
  const rebuildReason = previous.index ? incompatibility(previous.index.manifest, options) : previous.reason;
  const base = rebuildReason === null ? previous.index : null;
  const { read, passagesOf, unchanged, skipped } = await readChangedDocuments(options, base?.manifest ?? null, listing, checkDeadline, targeted);
  for (const s of skipped) options.onWarning?.(`Skipped ${s.path}: ${s.reason}`);
  if (read.length + unchanged.length === 0) throw new NothingIndexedError(options.corpusDir, skipped.length > 0 ? `all ${skipped.length} files were skipped (${skipped.slice(0, 3).map((s) => `${s.relativePath ?? s.path}: ${s.reason}`).join('; ')})` : 'no .txt, .md or .html files were found');

  const plan = planChanges(read, unchanged, base);
  const failed = failedFiles(skipped);
  const database = openIndexDatabase(indexPaths(options.indexDir).database);
  if (base && plan.toEmbed.length === 0 && plan.removed.length === 0 && sameFailures(base.manifest.failed ?? {}, failed)) {
    // An index written before the database existed gets its rows now.
    await indexRows(options.indexDir, database, base, { manifest: base.manifest, passages: base.passages, documents: [] }, [], Infinity);
    return summary(base.manifest.version, null, plan, skipped, base.passages.length, 0, started, true);
  }

  const fresh = plan.toEmbed.flatMap((doc) => (passagesOf.get(doc.docId) ?? []).map((p) => ({ doc, p })));
  // Labels are never reused, not even after a crash left rows of a version that was never switched to.
  const firstLabel = Math.max(previous.index?.manifest.nextLabel ?? 0, database.lexical.maxLabel() + 1);
  const kept = base ? base.passages.filter((p) => plan.kept.has(p.docId)) : [];
  const builder = await graphBuilderFor(options, base, kept, fresh.length);
  try {
    // The vectors a worker builds the graph from are not kept here too (a rebuilt graph writes no delta).
    const vectors: Float32Array[] = [];
    const keep = (from: number, batch: Float32Array[]) => (builder ? builder.add(batch.map((_, i) => firstLabel + from + i), batch) : vectors.push(...batch));
    await embedPassages(options, fresh.length, (i) => `${fresh[i].doc.title}\n${fresh[i].p.text}`, checkDeadline, keep);
    const data = await assembleVersion(options, base, plan, kept, fresh.map((f) => f.p), vectors, firstLabel, failed, builder);
    checkDeadline('indexing terms');
    await indexRows(options.indexDir, database, previous.index, { ...data, documents: plan.toEmbed }, fresh, firstLabel);
    checkDeadline('writing the index');
    await writeIndexVersion(options.indexDir, data, options.fsTrace);
    if (options.cache) options.cache.skeleton = skeletonOf(options.indexDir, data.manifest, data.passages);
    return summary(data.manifest.version, rebuildReason, plan, skipped, data.passages.length, fresh.length, started, false);
  } finally {
    await builder?.stop();
  }
}

/**
 * Reads and cleans new or modified files. Files whose size and modification
 * time match the manifest are not opened: their passages are kept as they are.
 */
async function readChangedDocuments(options: UpdateIndexOptions, manifest: Manifest | null, listing: Promise<string[]>, checkDeadline: (stage: string) => void, targeted: Set<string> | null) {
  const known = manifest?.documents ?? {};
  const failedBefore = manifest?.failed ?? {};
  const same = (entry: { size?: number; mtimeMs?: number } | undefined, size: number, mtimeMs: number) => entry !== undefined && entry.size === size && entry.mtimeMs === mtimeMs;
  const isUnchanged = (path: string, size: number, mtimeMs: number) => same(known[path], size, mtimeMs) || same(failedBefore[path], size, mtimeMs);
  const { files, skipped, unchanged: untouched } = await readCorpus(options.corpusDir, options.maxFileBytes, isUnchanged, listing);
  // A targeted run takes every file it was not told about as unchanged.
  if (targeted) untouched.push(...[...Object.keys(known), ...Object.keys(failedBefore)].filter((path) => !targeted.has(path)));
  // A file that failed before and has not changed since is not read again: it is reported as skipped, for the same reason.
  const unchanged: string[] = [];
  for (const path of untouched) {
    const failure = known[path] === undefined ? failedBefore[path] : undefined;
    if (failure) skipped.push({ path: join(options.corpusDir, ...path.split('/')), relativePath: path, size: failure.size, mtimeMs: failure.mtimeMs, reason: `${failure.reason} (unchanged since; not read again)` });
    else unchanged.push(path);
  }
  const read: ArticleDocument[] = [];
  const passagesOf = new Map<string, Passage[]>();
  for (const file of files) {
    checkDeadline(`reading ${file.relativePath}`);
    const prepared = prepareArticle(file, options.chunking, options.fileLimits ?? DEFAULT_FILE_LIMITS);
    if ('reason' in prepared) {
      skipped.push(prepared);
      continue;
    }
    read.push(prepared.doc);
    passagesOf.set(prepared.doc.docId, prepared.passages);
  }
  return { read, passagesOf, unchanged, skipped };
}

const NOT_READ_AGAIN = / \(unchanged since; not read again\)$/;

/** The skipped files worth remembering: those with a known size and modification time. */
function failedFiles(skipped: readonly SkippedFile[]): Record<string, FailedFile> {
  const failed: Record<string, FailedFile> = {};
  for (const s of skipped) {
    if (s.relativePath !== undefined && s.size !== undefined && s.mtimeMs !== undefined) failed[s.relativePath] = { size: s.size, mtimeMs: s.mtimeMs, reason: s.reason.replace(NOT_READ_AGAIN, '') };
  }
  return failed;
}

function sameFailures(a: Record<string, FailedFile>, b: Record<string, FailedFile>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && b[k].size === a[k].size && b[k].mtimeMs === a[k].mtimeMs);
}

/** Reads the current version's skeleton into the cache (an ingest process getting ready for its first run). */
export async function primeSkeletonCache(indexDir: string, cache: SkeletonCache): Promise<void> {
  const version = await currentVersion(indexDir);
  if (version !== null && cache.skeleton?.manifest.version !== version) cache.skeleton = await loadSkeleton(indexDir, version);
}

/** The targeted files that exist, as absolute paths (a removed one is simply absent). */
async function existingPaths(corpusDir: string, paths: Set<string>): Promise<string[]> {
  const absolute = [...paths].map((p) => join(corpusDir, ...p.split('/')));
  return absolute.filter((path) => existsSync(path));
}

async function loadPrevious(options: UpdateIndexOptions): Promise<{ index: IndexSkeleton | null; reason: string | null }> {
  const version = await currentVersion(options.indexDir);
  if (version === null) return { index: null, reason: 'no index exists yet' };
  const cached = options.cache?.skeleton;
  if (cached?.manifest.version === version) return { index: cached, reason: null };
  try {
    return { index: await loadSkeleton(options.indexDir, version), reason: null };
  } catch (error) {
    const why = error instanceof IndexCorruptError ? `${error.reason}: ${error.path}` : error instanceof Error ? error.message : String(error);
    return { index: null, reason: `the existing index could not be read (${why})` };
  }
}

/** Why the existing index cannot be extended with the current settings, or null when it can. */
function incompatibility(manifest: Manifest, options: UpdateIndexOptions): string | null {
  const { modelId: model, dimensions } = options.embedder;
  if (manifest.model !== model) return `the embedding model changed from "${manifest.model}" to "${model}"`;
  if (manifest.dimensions !== dimensions) return `the embedding dimensions changed from ${manifest.dimensions} to ${dimensions}`;
  const c = options.chunking;
  const m = manifest.chunking;
  if (m.minWords !== c.minWords || m.targetWords !== c.targetWords || m.maxWords !== c.maxWords) {
    return `the chunking settings changed from ${m.minWords}/${m.targetWords}/${m.maxWords} to ${c.minWords}/${c.targetWords}/${c.maxWords} words`;
  }
  if (m.maxChars !== c.maxChars) return `the longest passage changed from ${m.maxChars === undefined ? 'unlimited' : `${m.maxChars}`} to ${c.maxChars} characters`;
  return null;
}

interface ChangePlan {
  toEmbed: ArticleDocument[];
  /** Documents whose passages and vectors are kept, with their manifest entries (size and mtime refreshed). */
  kept: Map<string, DocumentEntry>;
  removed: string[];
  added: number;
  changed: number;
}

function planChanges(read: ArticleDocument[], unchanged: string[], base: IndexSkeleton | null): ChangePlan {
  const known = base?.manifest.documents ?? {};
  // Indexes written before addedAt was recorded date their documents by that build.
  const addedAt = (entry: DocumentEntry) => entry.addedAt ?? base?.manifest.builtAt;
  const kept = new Map(unchanged.map((id) => [id, { ...known[id], addedAt: addedAt(known[id]) }]));
  const toEmbed: ArticleDocument[] = [];
  for (const doc of read) {
    const entry = known[doc.docId];
    if (entry?.hash === doc.hash) kept.set(doc.docId, { ...entry, size: doc.size, mtimeMs: doc.mtimeMs, addedAt: addedAt(entry) });
    else toEmbed.push(entry ? { ...doc, addedAt: addedAt(entry) ?? doc.addedAt } : doc);
  }
  const present = new Set([...kept.keys(), ...toEmbed.map((d) => d.docId)]);
  return {
    toEmbed,
    kept,
    removed: Object.keys(known).filter((id) => !present.has(id)),
    added: toEmbed.filter((d) => !(d.docId in known)).length,
    changed: toEmbed.filter((d) => d.docId in known).length,
  };
}

/**
 * Embeds `count` texts 1,024 at a time (each text made when its batch is, not all held at once),
 * handing each batch's vectors to `keep` with the position of its first text. Between batches the
 * event loop runs, so that the graph worker's replies (buffers to reuse) are read as they come.
 */
async function embedPassages(options: UpdateIndexOptions, count: number, textAt: (i: number) => string, checkDeadline: (stage: string) => void, keep: (from: number, vectors: Float32Array[]) => void): Promise<void> {
  const step = 1024;
  options.onProgress?.(0, count);
  for (let from = 0; from < count; from += step) {
    checkDeadline('embedding passages');
    const texts = Array.from({ length: Math.min(step, count - from) }, (_, i) => textAt(from + i));
    const batch = await options.embedder.embed(texts, 'passage');
    keep(from, batch);
    options.onProgress?.(from + batch.length, count);
    await setImmediate();
  }
}

/**
 * Brings the index database in line with the new version, in one transaction committed before CURRENT
 * moves: rows of the new passages and documents are added; rows neither the previous version (which
 * a server may still serve) nor the new one holds are removed; rows the new version lacks (an index
 * written before the database existed) are added from the stored documents.
 */
async function indexRows(indexDir: string, database: IndexDatabase, previous: IndexSkeleton | null, next: { manifest: Manifest; passages: StoredPassage[]; documents: ArticleDocument[] }, fresh: Array<{ doc: ArticleDocument; p: Passage }>, firstLabel: number): Promise<void> {
  const storedLabels = database.lexical.labels();
  const labelsInUse = new Set([...(previous?.passages ?? []), ...next.passages].map((p) => p.label));
  const terms: LexicalRow[] = next.passages.filter((p) => p.label >= firstLabel).map((p, i) => lexicalRow(p.label, fresh[i].doc, fresh[i].p));
  const storedKeys = database.documents.keys();
  const keysInUse = new Set([...documentKeys(previous?.manifest), ...documentKeys(next.manifest)]);
  const freshDocuments = new Set(next.documents.map((d) => d.docId));
  const documents = [...next.documents];
  const missingTerms = next.passages.filter((p) => p.label < firstLabel && !storedLabels.has(p.label));
  const missingDocuments = Object.entries(next.manifest.documents).filter(([docId, e]) => !freshDocuments.has(docId) && !storedKeys.has(documentKey(docId, e.hash)));
  if ((missingTerms.length > 0 || missingDocuments.length > 0) && previous) {
    const stored = new Map((await readDocuments(indexPaths(indexDir).version(previous.manifest.version), previous.manifest)).map((d) => [d.docId, d]));
    terms.push(...missingTerms.flatMap((p) => termsOf(p, stored.get(p.docId))));
    documents.push(...missingDocuments.flatMap(([docId]) => (stored.has(docId) ? [stored.get(docId)!] : [])));
  }
  database.transaction(() => {
    database.lexical.update(terms, [...storedLabels].filter((label) => !labelsInUse.has(label)));
    database.documents.update(documents, [...storedKeys].filter((key) => !keysInUse.has(key)));
  });
  if (database.lexical.worthOptimizing(terms.length)) database.lexical.optimize();
}

function documentKeys(manifest: Manifest | undefined): string[] {
  return Object.entries(manifest?.documents ?? {}).map(([docId, entry]) => documentKey(docId, entry.hash));
}

function termsOf(p: StoredPassage, doc: ArticleDocument | undefined): LexicalRow[] {
  return doc ? [lexicalRow(p.label, doc, p)] : [];
}

/** A passage's lexical row, with its source: the document's stored copy (see DocumentTable) and the passage's offsets. */
function lexicalRow(label: number, doc: ArticleDocument, p: Pick<Passage, 'start' | 'end'>): LexicalRow {
  return { label, title: doc.title, text: doc.cleanText.slice(p.start, p.end), source: { docKey: documentKey(doc.docId, doc.hash), start: p.start, end: p.end } };
}

async function assembleVersion(options: UpdateIndexOptions, base: IndexSkeleton | null, plan: ChangePlan, kept: StoredPassage[], fresh: Passage[], vectors: Float32Array[], firstLabel: number, failed: Record<string, FailedFile>, builder: GraphBuilder | null): Promise<IndexVersionData> {
  const version = newVersionName();
  const added = fresh.map((p, i) => ({ chunkId: p.chunkId, docId: p.docId, start: p.start, end: p.end, label: firstLabel + i }));
  const passages = [...kept, ...added];
  const delta: VersionDelta = { removedLabels: base ? removedLabels(base.passages, kept) : [], added, vectors };
  const { graph, written } = await planGraph(options, base, kept, delta, version, builder);
  const segments = await planSegments(options.indexDir, base, plan, version);
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    version,
    model: options.embedder.modelId,
    dimensions: options.embedder.dimensions,
    chunking: { ...options.chunking },
    builtAt: new Date().toISOString(),
    documents: documentEntries(plan, segments.segmentOf, version),
    segments: segments.counts,
    passages: passages.length,
    nextLabel: firstLabel + fresh.length,
    deletedLabels: graph.compacted ? 0 : (base?.manifest.deletedLabels ?? 0) + delta.removedLabels.length,
    hnsw: HNSW_SETTINGS,
    graph,
    failed,
  };
  const change = base && !graph.compacted ? { graph: delta, manifest: manifestChange(base.manifest, manifest) } : null;
  return { manifest, newSegments: segments.newSegments, carried: segments.carried, passages, graphData: written, delta: change };
}

function removedLabels(before: readonly StoredPassage[], kept: readonly StoredPassage[]): number[] {
  const keptLabels = new Set(kept.map((p) => p.label));
  return before.filter((p) => !keptLabels.has(p.label)).map((p) => p.label);
}

/**
 * How the new version stores its graph. Usually as the previous graph file (linked) plus one more
 * delta, so that adding an article does not read or rewrite the graph. The graph is written whole
 * when there is none yet, when too many of its points are deleted (compacted: rebuilt without
 * them), or when the deltas since it was written grow long or large (loading would replay them).
 */
async function planGraph(options: UpdateIndexOptions, base: IndexSkeleton | null, kept: StoredPassage[], delta: VersionDelta, version: string, builder: GraphBuilder | null): Promise<{ graph: GraphLayout; written: GraphWrite }> {
  const before = base?.manifest.graph ?? { deltas: [], elements: base?.manifest.nextLabel ?? 0 };
  const elements = before.elements + delta.added.length;
  if (!base || compacts(base, delta.added.length, delta.removedLabels.length)) {
    const layout = { base: base?.manifest.version ?? null, deltas: [], elements: kept.length + delta.added.length, pendingPoints: 0, compacted: true };
    if (builder) return { graph: layout, written: await stageGraph(options.indexDir, version, builder) };
    const graph = await base?.graph();
    const hnsw = buildGraph(options.embedder.dimensions, kept.map((p) => ({ label: p.label, vector: graph!.getPoint(p.label) })), delta);
    return { graph: layout, written: { hnsw } };
  }
  const pending = before.deltas.length + 1;
  const pendingPoints = (base.manifest.graph?.pendingPoints ?? 0) + delta.added.length;
  const graph = { base: base.manifest.version, elements, compacted: false };
  if (pending <= MAX_GRAPH_DELTAS && pendingPoints <= Math.max(MIN_PENDING_POINTS, elements * MAX_PENDING_SHARE)) {
    return { graph: { ...graph, deltas: [...before.deltas, version], pendingPoints }, written: { linkFrom: base.manifest.version, deltas: before.deltas } };
  }
  const hnsw = await base.graph();
  applyDelta(hnsw, delta);
  return { graph: { ...graph, deltas: [], pendingPoints: 0 }, written: { hnsw } };
}

/** Whether the new version's graph is rebuilt without its deleted points: too many of them. */
function compacts(base: IndexSkeleton, added: number, removed: number): boolean {
  const elements = (base.manifest.graph?.elements ?? base.manifest.nextLabel) + added;
  return (base.manifest.deletedLabels + removed) / Math.max(1, elements) > MAX_DELETED_SHARE;
}

/**
 * A worker thread building the whole graph while the passages are embedded, when the graph is rebuilt
 * and large enough for it to pay: fed the kept points now, the new ones batch by batch, in the order
 * buildGraph adds them.
 */
async function graphBuilderFor(options: UpdateIndexOptions, base: IndexSkeleton | null, kept: StoredPassage[], added: number): Promise<GraphBuilder | null> {
  if (added === 0 || kept.length + added < (options.graphWorkerMinPoints ?? GRAPH_WORKER_MIN_POINTS)) return null;
  if (base && !compacts(base, added, removedLabels(base.passages, kept).length)) return null;
  const builder = new GraphBuilder({ dimensions: options.embedder.dimensions, maxElements: kept.length + added, m: HNSW_SETTINGS.m, efConstruction: HNSW_SETTINGS.efConstruction, randomSeed: GRAPH_SEED });
  if (kept.length > 0) {
    const graph = await base!.graph();
    builder.add(kept.map((p) => p.label), kept.map((p) => Float32Array.from(graph.getPoint(p.label))));
  }
  return builder;
}

/**
 * New and changed documents go into one new segment named after the version;
 * kept documents stay in their segments, which are shared with the previous
 * version. Too many segments, or too many replaced copies in them, and the
 * kept documents are rewritten into the new segment too.
 */
async function planSegments(indexDir: string, base: IndexSkeleton | null, plan: ChangePlan, version: string) {
  const carriedNames = segmentsOf(plan.kept.values());
  const stored = carriedNames.reduce((sum, s) => sum + (base?.manifest.segments[s] ?? 0), 0);
  const merge = carriedNames.length + 1 > MAX_SEGMENTS || (stored - plan.kept.size) / Math.max(1, stored) > MAX_REPLACED_DOCUMENT_SHARE;
  const newDocuments = [...plan.toEmbed];
  if (merge && base) {
    const files = indexPaths(indexDir).version(base.manifest.version);
    for (const s of carriedNames) for (const d of await readSegment(files, base.manifest, s)) if (plan.kept.has(d.docId)) newDocuments.push(d);
  }
  const carried = merge ? [] : carriedNames;
  const counts: Record<string, number> = Object.fromEntries(carried.map((s) => [s, base!.manifest.segments[s] ?? 0]));
  if (newDocuments.length > 0) counts[version] = newDocuments.length;
  return {
    newSegments: new Map(newDocuments.length > 0 ? [[version, newDocuments]] : []),
    carried: base && carried.length > 0 ? { fromVersion: base.manifest.version, segments: carried } : null,
    counts,
    segmentOf: (entry: DocumentEntry) => (merge ? version : entry.segment),
  };
}

function documentEntries(plan: ChangePlan, segmentOf: (entry: DocumentEntry) => string, newSegment: string): Manifest['documents'] {
  const entries: Manifest['documents'] = {};
  for (const [docId, { chunkIds: _unused, ...entry }] of plan.kept) entries[docId] = { ...entry, segment: segmentOf(entry) };
  for (const d of plan.toEmbed) entries[d.docId] = { hash: d.hash, segment: newSegment, size: d.size, mtimeMs: d.mtimeMs, addedAt: d.addedAt };
  return entries;
}

/** A new graph of the kept points (under their labels) and the delta's added ones. */
function buildGraph(dims: number, kept: Array<{ label: number; vector: number[] }>, delta: VersionDelta): HnswIndex {
  const hnsw: HnswIndex = new hnswlib.HierarchicalNSW('cosine', dims);
  hnsw.initIndex({ maxElements: Math.max(1, kept.length + delta.added.length), m: HNSW_SETTINGS.m, efConstruction: HNSW_SETTINGS.efConstruction, randomSeed: GRAPH_SEED, allowReplaceDeleted: true });
  for (const { label, vector } of kept) hnsw.addPoint(vector, label);
  applyDelta(hnsw, { ...delta, removedLabels: [] });
  return hnsw;
}

function summary(version: string, rebuildReason: string | null, plan: ChangePlan, skipped: SkippedFile[], passages: number, embedded: number, started: number, upToDate: boolean): IngestSummary {
  const seconds = (performance.now() - started) / 1000;
  return {
    version,
    rebuildReason,
    added: plan.added,
    changed: plan.changed,
    removed: plan.removed.length,
    unchanged: plan.kept.size,
    skipped,
    passages,
    embeddedPassages: embedded,
    seconds,
    passagesPerSecond: embedded / Math.max(seconds, 1e-9),
    upToDate,
  };
}
