/**
 * What a version changed in the graph of the one it extends: removed labels, added passages and their
 * vectors (deltas/<version>.json and .f32). An ingest appends a delta instead of rewriting the whole
 * graph, and a server serving the extended version applies it instead of loading the new one whole,
 * so a new article costs about the same at 10k and at 500k passages.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { VersionFiles } from './layout.js';
import { parseDocumentEntries, parseManifestHeader, parseStoredPassages, type DocumentEntry, type Manifest, type StoredPassage } from './manifest.js';
import type { HnswIndex } from './passage-index.js';

export interface VersionDelta {
  removedLabels: number[];
  added: StoredPassage[];
  /** One vector per added passage, in the same order. */
  vectors: Float32Array[];
}

/** What a server needs to turn the manifest it holds into the new one without reading it whole. */
export interface ManifestChange {
  /** The new manifest less its documents. */
  header: Omit<Manifest, 'documents'>;
  /** Documents whose entries are new or differ, and documents removed. */
  changed: Manifest['documents'];
  removed: string[];
}

// The passages, document entries and skipped files are checked by loops (manifest.ts): zod took 0.2 s of a start-up on a version with a few thousand of them.
const DeltaHeaderSchema = z.object({
  dimensions: z.number().int().positive(),
  removedLabels: z.array(z.number().int().nonnegative()),
  added: z.array(z.unknown()),
  manifest: z.object({ header: z.unknown(), changed: z.unknown(), removed: z.array(z.string()) }).optional(),
});

function parseDeltaMeta(json: unknown) {
  const meta = DeltaHeaderSchema.parse(json);
  const manifest = meta.manifest && { header: parseManifestHeader(meta.manifest.header), changed: parseDocumentEntries(meta.manifest.changed), removed: meta.manifest.removed };
  return { ...meta, added: parseStoredPassages(meta.added), manifest };
}

export async function writeDelta(files: VersionFiles, name: string, delta: VersionDelta, manifest: ManifestChange): Promise<void> {
  const dimensions = delta.vectors[0]?.length ?? 1;
  const packed = new Float32Array(delta.vectors.length * dimensions);
  delta.vectors.forEach((v, i) => packed.set(v, i * dimensions));
  await mkdir(files.deltas, { recursive: true });
  await writeFile(files.deltaVectors(name), new Uint8Array(packed.buffer));
  await writeFile(files.delta(name), JSON.stringify({ dimensions, removedLabels: delta.removedLabels, added: delta.added, manifest }));
}

export async function readDelta(files: VersionFiles, name: string): Promise<VersionDelta & { manifest: ManifestChange | null }> {
  const meta = parseDeltaMeta(JSON.parse(await readFile(files.delta(name), 'utf8')));
  const bytes = await readFile(files.deltaVectors(name));
  const packed = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (meta.added.length > 0 && packed.length !== meta.added.length * meta.dimensions) throw new Error(`its delta ${name} has ${packed.length} numbers for ${meta.added.length} passages`);
  const vectors = meta.added.map((_, i) => packed.slice(i * meta.dimensions, (i + 1) * meta.dimensions));
  return { removedLabels: meta.removedLabels, added: meta.added, vectors, manifest: meta.manifest ?? null };
}

/** The difference between two manifests (see ManifestChange). */
export function manifestChange(before: Manifest, after: Manifest): ManifestChange {
  const { documents, ...header } = after;
  const changed: Manifest['documents'] = {};
  for (const [docId, entry] of Object.entries(documents)) {
    const old = before.documents[docId];
    if (!old || !sameEntry(old, entry)) changed[docId] = entry;
  }
  return { header, changed, removed: Object.keys(before.documents).filter((docId) => documents[docId] === undefined) };
}

/** Whether two document entries hold the same values (whatever fields entries have). */
function sameEntry(a: DocumentEntry, b: DocumentEntry): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof DocumentEntry>);
  return [...keys].every((key) => a[key] === b[key]);
}

/** The manifest after a change. */
export function manifestAfter(before: Manifest, change: ManifestChange): Manifest {
  const documents = { ...before.documents, ...change.changed };
  for (const docId of change.removed) delete documents[docId];
  return { ...change.header, documents };
}

/** Marks the delta's removed labels deleted and adds its passages' vectors. */
export function applyDelta(hnsw: HnswIndex, delta: VersionDelta): void {
  for (const label of delta.removedLabels) {
    try {
      hnsw.markDelete(label);
    } catch {
      // already deleted, or never added: nothing to do
    }
  }
  const needed = hnsw.getCurrentCount() + delta.added.length;
  // Growing the graph copies it: some headroom, so that it is not done for every article.
  if (needed > hnsw.getMaxElements()) hnsw.resizeIndex(Math.max(needed + 1024, Math.ceil(needed * GRAPH_HEADROOM)));
  delta.added.forEach((p, i) => hnsw.addPoint(Array.from(delta.vectors[i]), p.label));
}

const GRAPH_HEADROOM = 1.05;

/** The passages after a delta: the removed ones dropped, the added ones appended. */
export function passagesAfter(passages: readonly StoredPassage[], delta: VersionDelta): StoredPassage[] {
  const removed = new Set(delta.removedLabels);
  return [...passages.filter((p) => !removed.has(p.label)), ...delta.added];
}
