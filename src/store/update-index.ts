import hnswlib from 'hnswlib-node';
import type { ChunkingSettings } from '../config.js';
import type { Embedder } from '../embed/index.js';
import { NothingIndexedError } from '../errors.js';
import { buildDocument, chunkDocument, readCorpus, type ArticleDocument, type Passage, type SkippedFile } from '../ingest/index.js';
import { indexPaths } from './layout.js';
import { acquireIngestLock } from './lock.js';
import { SCHEMA_VERSION, type Manifest, type StoredPassage } from './manifest.js';
import type { HnswIndex, PassageIndex } from './passage-index.js';
import { currentVersion, loadVersion } from './read-index.js';
import { newVersionName, writeIndexVersion } from './write-index.js';

export const HNSW_SETTINGS = { m: 16, efConstruction: 200, efSearch: 256 };
/** Compact the graph when more than this share of its labels are deleted. */
const MAX_DELETED_SHARE = 0.3;

export interface UpdateIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  chunking: ChunkingSettings;
  maxFileBytes: number;
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
  const previous = await loadPrevious(options);
  const { documents, skipped } = await readDocuments(options, previous.index);
  for (const s of skipped) options.onWarning?.(`Skipped ${s.path}: ${s.reason}`);
  if (documents.length === 0) throw new NothingIndexedError(options.corpusDir, skipped.length > 0 ? `all ${skipped.length} files were skipped` : 'no .txt, .md or .html files were found');

  const rebuildReason = previous.index ? incompatibility(previous.index.manifest, options) : previous.reason;
  const base = rebuildReason === null ? previous.index : null;
  const plan = planChanges(documents, base);
  if (base && plan.toEmbed.length === 0 && plan.removed.length === 0) {
    return summary(base.manifest.version, null, plan, skipped, base.passages.length, 0, started, true);
  }

  const fresh = plan.toEmbed.flatMap((doc) => chunkDocument(doc.docId, doc.cleanText, options.chunking, doc.lang).map((p) => ({ doc, p })));
  const vectors = await embedPassages(options, fresh.map(({ doc, p }) => `${doc.title}\n${p.text}`));
  const data = assembleVersion(options, base, plan, fresh.map((f) => f.p), vectors);
  await writeIndexVersion(options.indexDir, data);
  return summary(data.manifest.version, rebuildReason, plan, skipped, data.passages.length, fresh.length, started, false);
}

/** Reads and cleans new or modified files; files whose size and mtime match the previous index are taken from it. */
async function readDocuments(options: UpdateIndexOptions, previous: PassageIndex | null): Promise<{ documents: ArticleDocument[]; skipped: SkippedFile[] }> {
  const isUnchanged = (path: string, size: number, mtimeMs: number) => {
    const known = previous?.document(path);
    return known !== undefined && known.size === size && known.mtimeMs === mtimeMs;
  };
  const { files, skipped, unchanged } = await readCorpus(options.corpusDir, options.maxFileBytes, isUnchanged);
  const documents: ArticleDocument[] = unchanged.map((path) => previous!.document(path)!);
  for (const file of files) {
    const built = buildDocument(file);
    if ('reason' in built) skipped.push(built);
    else documents.push(built);
  }
  return { documents, skipped };
}

async function loadPrevious(options: UpdateIndexOptions): Promise<{ index: PassageIndex | null; reason: string | null }> {
  const version = await currentVersion(options.indexDir);
  if (version === null) return { index: null, reason: 'no index exists yet' };
  try {
    return { index: await loadVersion(options.indexDir, version), reason: null };
  } catch (error) {
    return { index: null, reason: `the existing index could not be read (${error instanceof Error ? error.message : error})` };
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
  return null;
}

interface ChangePlan {
  documents: ArticleDocument[];
  toEmbed: ArticleDocument[];
  unchanged: ArticleDocument[];
  removed: string[];
  added: number;
  changed: number;
}

function planChanges(documents: ArticleDocument[], base: PassageIndex | null): ChangePlan {
  const known = base?.manifest.documents ?? {};
  const current = new Set(documents.map((d) => d.docId));
  const unchanged = documents.filter((d) => known[d.docId]?.hash === d.hash);
  const toEmbed = documents.filter((d) => known[d.docId]?.hash !== d.hash);
  return {
    documents,
    toEmbed,
    unchanged,
    removed: Object.keys(known).filter((id) => !current.has(id)),
    added: toEmbed.filter((d) => !(d.docId in known)).length,
    changed: toEmbed.filter((d) => d.docId in known).length,
  };
}

async function embedPassages(options: UpdateIndexOptions, texts: string[]): Promise<Float32Array[]> {
  const step = 1024;
  const vectors: Float32Array[] = [];
  options.onProgress?.(0, texts.length);
  for (let from = 0; from < texts.length; from += step) {
    vectors.push(...(await options.embedder.embed(texts.slice(from, from + step), 'passage')));
    options.onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}

function assembleVersion(options: UpdateIndexOptions, base: PassageIndex | null, plan: ChangePlan, fresh: Passage[], vectors: Float32Array[]) {
  const dims = options.embedder.dimensions;
  const kept = keptPassages(base, plan);
  const replaced = base ? base.manifest.passages - kept.length : 0;
  const deletedBefore = base?.manifest.deletedLabels ?? 0;
  const compact = !base || (deletedBefore + replaced) / Math.max(1, base.manifest.nextLabel + fresh.length) > MAX_DELETED_SHARE;
  const { hnsw, passages, nextLabel } = compact
    ? buildGraph(dims, kept.map((p) => ({ p, vector: base!.vectorOf(asPassage(p)) })), fresh, vectors)
    : extendGraph(base!, kept, fresh, vectors);
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    version: newVersionName(),
    model: options.embedder.modelId,
    dimensions: dims,
    chunking: { ...options.chunking },
    builtAt: new Date().toISOString(),
    documents: documentEntries(plan.documents, passages),
    passages: passages.length,
    nextLabel,
    deletedLabels: compact ? 0 : deletedBefore + replaced,
    hnsw: HNSW_SETTINGS,
  };
  return { manifest, documents: plan.documents, passages, hnsw };
}

function documentEntries(documents: ArticleDocument[], passages: StoredPassage[]): Manifest['documents'] {
  const chunkIds = new Map<string, string[]>();
  for (const p of passages) chunkIds.set(p.docId, [...(chunkIds.get(p.docId) ?? []), p.chunkId]);
  return Object.fromEntries(documents.map((d) => [d.docId, { hash: d.hash, chunkIds: chunkIds.get(d.docId) ?? [] }]));
}

function keptPassages(base: PassageIndex | null, plan: ChangePlan): StoredPassage[] {
  if (!base) return [];
  const keepDocs = new Set(plan.unchanged.map((d) => d.docId));
  return base.passages.filter((p) => keepDocs.has(p.docId)).map((p) => ({ chunkId: p.chunkId, docId: p.docId, start: p.start, end: p.end, label: base.labelFor(p.chunkId) ?? -1 }));
}

function asPassage(p: StoredPassage): Passage {
  return { chunkId: p.chunkId, docId: p.docId, start: p.start, end: p.end, text: '' };
}

function buildGraph(dims: number, kept: Array<{ p: StoredPassage; vector: Float32Array }>, fresh: Passage[], vectors: Float32Array[]) {
  const total = kept.length + fresh.length;
  const hnsw: HnswIndex = new hnswlib.HierarchicalNSW('cosine', dims);
  hnsw.initIndex({ maxElements: Math.max(1, total), m: HNSW_SETTINGS.m, efConstruction: HNSW_SETTINGS.efConstruction, randomSeed: 100, allowReplaceDeleted: true });
  const passages: StoredPassage[] = [];
  const add = (p: Omit<StoredPassage, 'label'>, vector: Float32Array) => {
    const label = passages.length;
    hnsw.addPoint(Array.from(vector), label);
    passages.push({ chunkId: p.chunkId, docId: p.docId, start: p.start, end: p.end, label });
  };
  kept.forEach(({ p, vector }) => add(p, vector));
  fresh.forEach((p, i) => add(p, vectors[i]));
  return { hnsw, passages, nextLabel: passages.length };
}

function extendGraph(base: PassageIndex, kept: StoredPassage[], fresh: Passage[], vectors: Float32Array[]) {
  const hnsw = base.hnswIndex;
  const keptLabels = new Set(kept.map((p) => p.label));
  for (const p of base.passages) {
    const label = base.labelFor(p.chunkId);
    if (label !== undefined && !keptLabels.has(label)) hnsw.markDelete(label);
  }
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
    unchanged: plan.unchanged.length,
    skipped,
    passages,
    embeddedPassages: embedded,
    seconds,
    passagesPerSecond: embedded / Math.max(seconds, 1e-9),
    upToDate,
  };
}
