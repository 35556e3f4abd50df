import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { ChunkingSettings } from '../config.js';
import type { Embedder } from '../embed/index.js';
import { IndexCorruptError, IngestTimeoutError, NothingIndexedError } from '../errors.js';
import { DEFAULT_FILE_LIMITS, listArticlePaths, prepareArticle, readCorpus, type ArticleDocument, type FileLimits, type Passage, type SkippedFile } from '../ingest/index.js';
import { readSegment, segmentsOf } from './document-segments.js';
import type { FsTrace } from './durable-fs.js';
import { indexPaths } from './layout.js';
import { acquireIngestLock } from './lock.js';
import { SCHEMA_VERSION, type DocumentEntry, type FailedFile, type Manifest, type StoredPassage } from './manifest.js';
import type { HnswIndex } from './passage-index.js';
import { currentVersion, loadSkeleton, type IndexSkeleton } from './read-index.js';
import { newVersionName, writeIndexVersion, type IndexVersionData } from './write-index.js';

export const HNSW_SETTINGS = { m: 16, efConstruction: 200, efSearch: 256 };
/** Compact the graph when more than this share of its labels are deleted. */
const MAX_DELETED_SHARE = 0.3;
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
  // The corpus is listed while the previous index loads: both are I/O-bound.
  const listing = listArticlePaths(options.corpusDir);
  listing.catch(() => undefined);
  const previous = await loadPrevious(options);
  const rebuildReason = previous.index ? incompatibility(previous.index.manifest, options) : previous.reason;
  const base = rebuildReason === null ? previous.index : null;
  const { read, passagesOf, unchanged, skipped } = await readChangedDocuments(options, base?.manifest ?? null, listing, checkDeadline);
  for (const s of skipped) options.onWarning?.(`Skipped ${s.path}: ${s.reason}`);
  if (read.length + unchanged.length === 0) throw new NothingIndexedError(options.corpusDir, skipped.length > 0 ? `all ${skipped.length} files were skipped (${skipped.slice(0, 3).map((s) => `${s.relativePath ?? s.path}: ${s.reason}`).join('; ')})` : 'no .txt, .md or .html files were found');

  const plan = planChanges(read, unchanged, base);
  const failed = failedFiles(skipped);
  if (base && plan.toEmbed.length === 0 && plan.removed.length === 0 && sameFailures(base.manifest.failed ?? {}, failed)) {
    return summary(base.manifest.version, null, plan, skipped, base.passages.length, 0, started, true);
  }

  const fresh = plan.toEmbed.flatMap((doc) => (passagesOf.get(doc.docId) ?? []).map((p) => ({ doc, p })));
  const vectors = await embedPassages(options, fresh.map(({ doc, p }) => `${doc.title}\n${p.text}`), checkDeadline);
  const data = await assembleVersion(options, base, plan, fresh.map((f) => f.p), vectors);
  data.manifest.failed = failed;
  checkDeadline('writing the index');
  await writeIndexVersion(options.indexDir, data, options.fsTrace);
  return summary(data.manifest.version, rebuildReason, plan, skipped, data.passages.length, fresh.length, started, false);
}

/**
 * Reads and cleans new or modified files. Files whose size and modification
 * time match the manifest are not opened: their passages are kept as they are.
 */
async function readChangedDocuments(options: UpdateIndexOptions, manifest: Manifest | null, listing: Promise<string[]>, checkDeadline: (stage: string) => void) {
  const known = manifest?.documents ?? {};
  const failedBefore = manifest?.failed ?? {};
  const same = (entry: { size?: number; mtimeMs?: number } | undefined, size: number, mtimeMs: number) => entry !== undefined && entry.size === size && entry.mtimeMs === mtimeMs;
  const isUnchanged = (path: string, size: number, mtimeMs: number) => same(known[path], size, mtimeMs) || same(failedBefore[path], size, mtimeMs);
  const { files, skipped, unchanged: untouched } = await readCorpus(options.corpusDir, options.maxFileBytes, isUnchanged, listing);
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

async function loadPrevious(options: UpdateIndexOptions): Promise<{ index: IndexSkeleton | null; reason: string | null }> {
  const version = await currentVersion(options.indexDir);
  if (version === null) return { index: null, reason: 'no index exists yet' };
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

async function embedPassages(options: UpdateIndexOptions, texts: string[], checkDeadline: (stage: string) => void): Promise<Float32Array[]> {
  const step = 1024;
  const vectors: Float32Array[] = [];
  options.onProgress?.(0, texts.length);
  for (let from = 0; from < texts.length; from += step) {
    checkDeadline('embedding passages');
    vectors.push(...(await options.embedder.embed(texts.slice(from, from + step), 'passage')));
    options.onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}

async function assembleVersion(options: UpdateIndexOptions, base: IndexSkeleton | null, plan: ChangePlan, fresh: Passage[], vectors: Float32Array[]): Promise<IndexVersionData> {
  const dims = options.embedder.dimensions;
  const version = newVersionName();
  const kept = base ? base.passages.filter((p) => plan.kept.has(p.docId)) : [];
  const replaced = base ? base.manifest.passages - kept.length : 0;
  const deletedBefore = base?.manifest.deletedLabels ?? 0;
  const compact = !base || (deletedBefore + replaced) / Math.max(1, base.manifest.nextLabel + fresh.length) > MAX_DELETED_SHARE;
  const { hnsw, passages, nextLabel } = compact
    ? buildGraph(dims, kept.map((p) => ({ p, vector: base!.hnsw.getPoint(p.label) })), fresh, vectors)
    : extendGraph(base!, kept, fresh, vectors);
  const segments = await planSegments(options.indexDir, base, plan, version);
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    version,
    model: options.embedder.modelId,
    dimensions: dims,
    chunking: { ...options.chunking },
    builtAt: new Date().toISOString(),
    documents: documentEntries(plan, passages, segments.segmentOf, version),
    segments: segments.counts,
    passages: passages.length,
    nextLabel,
    deletedLabels: compact ? 0 : deletedBefore + replaced,
    hnsw: HNSW_SETTINGS,
  };
  return { manifest, newSegments: segments.newSegments, carried: segments.carried, passages, hnsw };
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

function documentEntries(plan: ChangePlan, passages: StoredPassage[], segmentOf: (entry: DocumentEntry) => string, newSegment: string): Manifest['documents'] {
  const chunkIds = new Map<string, string[]>();
  for (const p of passages) {
    const ids = chunkIds.get(p.docId);
    if (ids) ids.push(p.chunkId);
    else chunkIds.set(p.docId, [p.chunkId]);
  }
  const entries: Manifest['documents'] = {};
  for (const [docId, entry] of plan.kept) entries[docId] = { ...entry, segment: segmentOf(entry), chunkIds: chunkIds.get(docId) ?? [] };
  for (const d of plan.toEmbed) entries[d.docId] = { hash: d.hash, chunkIds: chunkIds.get(d.docId) ?? [], segment: newSegment, size: d.size, mtimeMs: d.mtimeMs, addedAt: d.addedAt };
  return entries;
}

function buildGraph(dims: number, kept: Array<{ p: StoredPassage; vector: number[] }>, fresh: Passage[], vectors: Float32Array[]) {
  const total = kept.length + fresh.length;
  const hnsw: HnswIndex = new hnswlib.HierarchicalNSW('cosine', dims);
  hnsw.initIndex({ maxElements: Math.max(1, total), m: HNSW_SETTINGS.m, efConstruction: HNSW_SETTINGS.efConstruction, randomSeed: 100, allowReplaceDeleted: true });
  const passages: StoredPassage[] = [];
  const add = (p: Omit<StoredPassage, 'label'>, vector: number[]) => {
    const label = passages.length;
    hnsw.addPoint(vector, label);
    passages.push({ chunkId: p.chunkId, docId: p.docId, start: p.start, end: p.end, label });
  };
  kept.forEach(({ p, vector }) => add(p, vector));
  fresh.forEach((p, i) => add(p, Array.from(vectors[i])));
  return { hnsw, passages, nextLabel: passages.length };
}

function extendGraph(base: IndexSkeleton, kept: StoredPassage[], fresh: Passage[], vectors: Float32Array[]) {
  const hnsw = base.hnsw;
  const keptLabels = new Set(kept.map((p) => p.label));
  for (const p of base.passages) if (!keptLabels.has(p.label)) hnsw.markDelete(p.label);
  let nextLabel = base.manifest.nextLabel;
  const needed = nextLabel + fresh.length;
  if (needed > hnsw.getMaxElements()) hnsw.resizeIndex(Math.max(needed, Math.ceil(hnsw.getMaxElements() * 1.5)));
  const passages = [...kept];
  fresh.forEach((p, i) => {
    hnsw.addPoint(Array.from(vectors[i]), nextLabel);
    passages.push({ chunkId: p.chunkId, docId: p.docId, start: p.start, end: p.end, label: nextLabel++ });
  });
  return { hnsw, passages, nextLabel };
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
