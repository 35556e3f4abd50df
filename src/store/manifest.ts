import { z } from 'zod';

/** 2: documents live in segment files shared between versions (1 had one documents.json). */
export const SCHEMA_VERSION = 2;

/** What re-indexing needs to know of a document without reading its text. */
export const DocumentEntrySchema = z.object({
  hash: z.string(),
  /** Written by indexes before passages.json was the one place listing them; not read. */
  chunkIds: z.array(z.string()).optional(),
  /** The segment file holding this document's current text. */
  segment: z.string(),
  size: z.number().optional(),
  mtimeMs: z.number().optional(),
  /** When the document was first indexed; absent in indexes written before it was recorded. */
  addedAt: z.string().optional(),
});
export type DocumentEntry = z.infer<typeof DocumentEntrySchema>;

export const FailedFileSchema = z.object({ size: z.number(), mtimeMs: z.number(), reason: z.string() });
export type FailedFile = z.infer<typeof FailedFileSchema>;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  version: z.string().min(1),
  model: z.string().min(1),
  dimensions: z.number().int().positive(),
  chunking: z.object({ minWords: z.number(), targetWords: z.number(), maxWords: z.number(), maxChars: z.number().optional() }),
  builtAt: z.string(),
  documents: z.record(z.string(), DocumentEntrySchema),
  /** Segment file name → how many documents it stores (current or replaced): decides when to compact. */
  segments: z.record(z.string(), z.number().int().nonnegative()),
  passages: z.number().int().nonnegative(),
  /** Next free HNSW label; labels of removed passages are never reused. */
  nextLabel: z.number().int().nonnegative(),
  deletedLabels: z.number().int().nonnegative(),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }),
  /**
   * How the graph is stored: vectors.hnsw, then these deltas applied in order; `base` is the version
   * this one extends (its own delta is deltas/<version>), `elements` the points in the graph, deleted
   * ones included. Absent in indexes whose vectors.hnsw was the whole graph.
   */
  graph: z
    .object({
      base: z.string().nullable(),
      deltas: z.array(z.string()),
      elements: z.number().int().nonnegative(),
      /** Points added by the deltas not yet written into vectors.hnsw. */
      pendingPoints: z.number().int().nonnegative(),
      /** True when this version rebuilt the graph without its deleted points. */
      compacted: z.boolean(),
    })
    .optional(),
  /**
   * Files the last ingest skipped, with why: reported by /health, and not
   * read again until their size or modification time changes.
   */
  failed: z.record(z.string(), FailedFileSchema).optional(),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** A passage as stored: its text is `cleanText.slice(start, end)` of its document. */
export const StoredPassageSchema = z.object({
  chunkId: z.string(),
  docId: z.string(),
  label: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type StoredPassage = z.infer<typeof StoredPassageSchema>;

export const StoredDocumentSchema = z.object({
  docId: z.string(),
  path: z.string(),
  title: z.string(),
  published: z.string().nullable(),
  source: z.string().nullable(),
  /** Absent in indexes written before URLs were read. */
  url: z.string().nullable().default(null),
  lang: z.enum(['en', 'vi']),
  hash: z.string(),
  size: z.number().optional(),
  mtimeMs: z.number().optional(),
  addedAt: z.string().optional(),
  cleanText: z.string(),
});
export type StoredDocument = z.infer<typeof StoredDocumentSchema>;

export type GraphLayout = NonNullable<Manifest['graph']>;

/*
 * The passages and the manifest's documents are the bulk of an index version (72k passages and 24k
 * documents on the English news archive): checking them with zod took 0.3 s of every start-up and
 * made as much garbage. These loops check the same fields in a few milliseconds.
 */

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isOptional = (x: unknown, type: 'string' | 'number') => x === undefined || typeof x === type;

/** passages.json: StoredPassageSchema for every entry. */
export function parseStoredPassages(json: unknown): StoredPassage[] {
  if (!Array.isArray(json)) throw new Error('its passages file is not a list');
  json.forEach((p: Partial<Record<keyof StoredPassage, unknown>> | null, i) => {
    if (typeof p?.chunkId !== 'string' || typeof p.docId !== 'string' || !isCount(p.label) || !isCount(p.start) || !isCount(p.end)) {
      throw new Error(`its passage ${i} is not a passage`);
    }
  });
  return json as StoredPassage[];
}

/** manifest.json: ManifestSchema, its documents checked entry by entry. */
export function parseManifest(json: unknown): Manifest {
  const { documents, ...header } = (json ?? {}) as { documents?: unknown };
  return { ...parseManifestHeader(header), documents: parseDocumentEntries(documents) };
}

const HeaderSchema = ManifestSchema.omit({ documents: true, failed: true });

/** A manifest less its documents (as a version's delta carries it): the skipped files, thousands on some archives, checked entry by entry. */
export function parseManifestHeader(json: unknown): Omit<Manifest, 'documents'> {
  const { failed, ...header } = (json ?? {}) as { failed?: unknown };
  const parsed = HeaderSchema.parse(header);
  return failed === undefined ? parsed : { ...parsed, failed: parseFailedFiles(failed) };
}

/** A record of skipped files (FailedFileSchema for every value). */
function parseFailedFiles(failed: unknown): NonNullable<Manifest['failed']> {
  if (typeof failed !== 'object' || failed === null || Array.isArray(failed)) throw new Error('its manifest\'s skipped files are not a record');
  for (const [path, entry] of Object.entries(failed as Record<string, Partial<Record<keyof FailedFile, unknown>> | null>)) {
    if (typeof entry?.size !== 'number' || typeof entry.mtimeMs !== 'number' || typeof entry.reason !== 'string') throw new Error(`its manifest's entry for the skipped file ${path} is not valid`);
  }
  return failed as NonNullable<Manifest['failed']>;
}

/** A record of document entries (DocumentEntrySchema for every value). */
export function parseDocumentEntries(documents: unknown): Manifest['documents'] {
  if (typeof documents !== 'object' || documents === null || Array.isArray(documents)) throw new Error('its manifest has no documents');
  for (const [docId, entry] of Object.entries(documents as Record<string, Partial<Record<keyof DocumentEntry, unknown>> | null>)) {
    const valid = typeof entry?.hash === 'string' && typeof entry.segment === 'string' && isOptional(entry.size, 'number') && isOptional(entry.mtimeMs, 'number') && isOptional(entry.addedAt, 'string') && (entry.chunkIds === undefined || Array.isArray(entry.chunkIds));
    if (!valid) throw new Error(`its manifest's entry for ${docId} is not a document entry`);
  }
  return documents as Manifest['documents'];
}
