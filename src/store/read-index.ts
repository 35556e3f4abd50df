import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { IndexCorruptError, IndexNotReadyError } from '../errors.js';
import { applyDelta, manifestAfter, passagesAfter, readDelta } from './version-delta.js';
import { indexPaths, type VersionFiles } from './layout.js';
import { HNSW_SETTINGS } from './graph-settings.js';
import { documentKey } from './document-table.js';
import { openIndexDatabase, type IndexDatabase } from './index-database.js';
import { parseManifest, parseStoredPassages, SCHEMA_VERSION, type Manifest, type StoredPassage } from './manifest.js';
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
  /** The graph, every delta applied: read on the first call only (appending a delta does not need it). */
  graph(): Promise<HnswIndex>;
}

/**
 * Loads a version. Given the version being served, and when the new one extends it, only the change
 * is read: new documents, new passages and their vectors (added to the served graph). Otherwise the
 * version is read whole.
 */
export async function loadVersion(indexDir: string, version: string, served?: PassageIndex | null): Promise<PassageIndex> {
  // A delta that cannot be applied (damaged, say) is no reason not to read the version whole.
  const extended = served ? await loadDelta(indexDir, version, served).catch(() => null) : null;
  if (extended) return extended;
  // The graph file is read off the main thread while the passages are parsed and the database is checked on it.
  const skeleton = await loadSkeleton(indexDir, version, { readGraphNow: true });
  const graph = skeleton.graph();
  graph.catch(() => undefined); // awaited below, unless the check fails first
  const database = checkedDatabase(indexDir, skeleton.manifest, skeleton.passages);
  return new PassageIndex(skeleton.manifest, skeleton.passages, await graph, database);
}

async function loadDelta(indexDir: string, version: string, served: PassageIndex): Promise<PassageIndex | null> {
  const files = indexPaths(indexDir).version(version);
  if (!existsSync(files.delta(version))) return null;
  const delta = await readDelta(files, version);
  // A compacted graph has shed its deleted points: worth reading whole.
  if (!delta.manifest || delta.manifest.header.graph?.base !== served.manifest.version || delta.manifest.header.graph.compacted) return null;
  const manifest = manifestAfter(served.manifest, delta.manifest);
  const changed = Object.keys(delta.manifest.changed);
  const database = checkedDatabase(indexDir, { documents: Object.fromEntries(changed.map((docId) => [docId, manifest.documents[docId]])) }, delta.added);
  applyDelta(served.hnsw, delta);
  return new PassageIndex(manifest, passagesAfter(served.stored, delta), served.hnsw, database);
}

/** The index folder's database, checked to hold the rows of these documents and passages. */
function checkedDatabase(indexDir: string, manifest: Pick<Manifest, 'documents'>, passages: readonly StoredPassage[]): IndexDatabase {
  const file = indexPaths(indexDir).database;
  const database = openIndexDatabase(file);
  const keys = Object.entries(manifest.documents).map(([docId, entry]) => documentKey(docId, entry.hash));
  const missingDocuments = keys.length - database.documents.countOf(keys);
  if (missingDocuments > 0) throw new IndexCorruptError(file, `it lacks ${missingDocuments} of the version's ${keys.length} documents (run npm run ingest to add them)`);
  const missing = passages.length - database.lexical.countOf(passages.map((p) => p.label));
  if (missing > 0) throw new IndexCorruptError(file, `its lexical index lacks ${missing} of ${passages.length} passages (run npm run ingest to add them)`);
  return database;
}

/**
 * A version's manifest and passages. With `readGraphNow`, its graph starts being read (on another
 * thread) as soon as the manifest is, while the passages are parsed: 0.1 s of a large archive's start.
 */
export async function loadSkeleton(indexDir: string, version: string, options: { readGraphNow?: boolean } = {}): Promise<IndexSkeleton> {
  const files = indexPaths(indexDir).version(version);
  if (!existsSync(files.manifest)) throw new IndexCorruptError(files.dir, 'its manifest is missing');
  return readingVersion(files.dir, async () => {
    const manifest = await readManifestFile(files.manifest);
    const graph = options.readGraphNow ? readGraph(files, manifest) : undefined;
    graph?.catch(() => undefined); // awaited by whoever asks the skeleton for it
    const passages = parseStoredPassages(JSON.parse(await readFile(files.passages, 'utf8')));
    return skeletonOf(indexDir, manifest, passages, graph);
  });
}

/** A version's skeleton from its manifest and passages; its graph is read from disk when first asked for, unless already being read. */
export function skeletonOf(indexDir: string, manifest: Manifest, passages: StoredPassage[], reading?: Promise<HnswIndex>): IndexSkeleton {
  const files = indexPaths(indexDir).version(manifest.version);
  let graph: Promise<HnswIndex> | null = null;
  const read = async () => {
    if (passages.length > 0 && !existsSync(files.vectors)) throw new Error('its vectors file is missing');
    return reading ?? readGraph(files, manifest);
  };
  return { manifest, passages, graph: () => (graph ??= readingVersion(files.dir, read)) };
}

/** vectors.hnsw, then the version's deltas in order (a version without passages may have no vectors file). */
async function readGraph(files: VersionFiles, manifest: Manifest): Promise<HnswIndex> {
  const hnsw = new hnswlib.HierarchicalNSW('cosine', manifest.dimensions);
  if (existsSync(files.vectors)) await hnsw.readIndex(files.vectors, true);
  else hnsw.initIndex({ maxElements: 1, m: manifest.hnsw.m, efConstruction: manifest.hnsw.efConstruction, allowReplaceDeleted: true });
  for (const name of manifest.graph?.deltas ?? []) applyDelta(hnsw, await readDelta(files, name));
  hnsw.setEf(HNSW_SETTINGS.efSearch);
  return hnsw;
}

/** The embedding model the server will query an index with: an index of another one cannot be served. */
export interface ExpectedModel {
  model: string;
  /** Null when not known before the model loads (a hub model): only the name is compared. */
  dimensions: number | null;
}

/**
 * Why `npm start` must index before serving: no index yet, one it cannot read (another index format,
 * a damaged manifest), or one built with another embedding model than `expected` (after an upgrade
 * changed the model, or EMBEDDING_MODEL was set). Null when it can serve.
 */
export async function whyIndexIsNeeded(indexDir: string, expected?: ExpectedModel): Promise<string | null> {
  const version = await currentVersion(indexDir);
  if (version === null) return `No index in ${indexDir} yet`;
  const files = indexPaths(indexDir).version(version);
  try {
    const manifest = await readManifestFile(files.manifest);
    if (expected && (manifest.model !== expected.model || (expected.dimensions !== null && manifest.dimensions !== expected.dimensions))) {
      return `The index in ${indexDir} was built with ${manifest.model} (${manifest.dimensions} dimensions), not ${expected.model}${expected.dimensions === null ? '' : ` (${expected.dimensions})`}`;
    }
    const file = indexPaths(indexDir).database;
    const database = existsSync(file) ? openIndexDatabase(file) : null;
    const passages = database?.lexical.size() ?? 0;
    const documents = database?.documents.size() ?? 0;
    if (passages < manifest.passages) return `The lexical index of ${indexDir} lacks ${manifest.passages - passages} passages`;
    if (documents < Object.keys(manifest.documents).length) return `The document store of ${indexDir} lacks ${Object.keys(manifest.documents).length - documents} documents`;
    return null;
  } catch (error) {
    return `The index in ${indexDir} cannot be used (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
  }
}

/**
 * The last manifest read, by path and file identity: `npm start` checks the index and then loads it,
 * and a version's manifest is written once, so the second read (0.15 s at 24k articles) is saved.
 */
let lastManifest: { key: string; manifest: Promise<Manifest> } | null = null;

async function readManifestFile(path: string): Promise<Manifest> {
  const { ino, size, mtimeMs } = await stat(path);
  const key = `${path}\n${ino}\n${size}\n${mtimeMs}`;
  if (lastManifest?.key !== key) {
    const manifest = parseManifestFile(path);
    manifest.catch(() => {
      if (lastManifest?.manifest === manifest) lastManifest = null; // a failed read is not remembered
    });
    lastManifest = { key, manifest };
  }
  return lastManifest.manifest;
}

async function parseManifestFile(path: string): Promise<Manifest> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  const schema = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (schema !== SCHEMA_VERSION) throw new Error(`it was written in index format ${String(schema)}, this version reads format ${SCHEMA_VERSION}`);
  return parseManifest(json);
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
