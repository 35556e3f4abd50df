/**
 * Document texts are stored in segment files. A re-index writes one new
 * segment with the new and changed documents and hard-links the previous
 * version's segments, so adding one article never rewrites the others.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { splitStatedSource, type ArticleDocument } from '../ingest/index.js';
import { linkOrCopy } from './durable-fs.js';
import type { VersionFiles } from './layout.js';
import { StoredDocumentSchema, type DocumentEntry, type Manifest, type StoredDocument } from './manifest.js';

/** The segments these documents live in, in a stable order. */
export function segmentsOf(entries: Iterable<DocumentEntry>): string[] {
  return [...new Set([...entries].map((d) => d.segment))].sort();
}

/** The documents of one segment that are still current (a changed document's old copy stays in its old segment). */
export async function readSegment(files: VersionFiles, manifest: Manifest, segment: string): Promise<ArticleDocument[]> {
  const stored = z.array(StoredDocumentSchema).parse(JSON.parse(await readFile(files.segment(segment), 'utf8')));
  return stored.filter((d) => manifest.documents[d.docId]?.segment === segment).map((d) => fromStored(d, manifest));
}

/**
 * A stored document with the fields older indexes lack: addedAt from the
 * manifest (its entry, else the version's build time). Documents written before
 * addedAt existed also used the file name, or a bare URL, as their source.
 */
function fromStored(stored: StoredDocument, manifest: Manifest): ArticleDocument {
  const addedAt = manifest.documents[stored.docId]?.addedAt ?? stored.addedAt ?? manifest.builtAt;
  if (stored.addedAt !== undefined) return { ...stored, addedAt };
  const { source, url } = stored.source === null || stored.source === stored.path ? { source: null, url: null } : splitStatedSource(stored.source);
  return { ...stored, source, url: stored.url ?? url, addedAt };
}

/** Every current document of a version. */
export async function readDocuments(files: VersionFiles, manifest: Manifest): Promise<ArticleDocument[]> {
  const segments = await Promise.all(segmentsOf(Object.values(manifest.documents)).map((s) => readSegment(files, manifest, s)));
  return segments.flat();
}

/**
 * Writes a segment as one JSON array, a megabyte at a time: a whole archive's segment (42 MB of JSON
 * for 24k English articles) is never one string in memory, nor its copy as bytes.
 */
export async function writeSegment(files: VersionFiles, segment: string, documents: readonly ArticleDocument[]): Promise<void> {
  await mkdir(files.segments, { recursive: true });
  const file = await open(files.segment(segment), 'w');
  try {
    let chunk = '[';
    for (const [i, document] of documents.entries()) {
      chunk += (i === 0 ? '' : ',') + JSON.stringify(document);
      if (chunk.length >= SEGMENT_WRITE_CHUNK) {
        await file.write(chunk);
        chunk = '';
      }
    }
    await file.write(`${chunk}]`);
  } finally {
    await file.close();
  }
}

const SEGMENT_WRITE_CHUNK = 1 << 20;

/** Shares a segment of an earlier version: a hard link where the file system allows, else a copy. */
export async function carrySegment(from: VersionFiles, to: VersionFiles, segment: string): Promise<void> {
  await mkdir(to.segments, { recursive: true });
  await linkOrCopy(from.segment(segment), to.segment(segment));
}
