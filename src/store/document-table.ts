/**
 * Documents read on demand: one row per stored copy of an article (its id and file hash), with its
 * metadata and clean text. A server reads both when a passage or an article is shown, through caches
 * of the recently read shared by versions (a stored copy never changes under its key).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { ArticleDocument } from '../ingest/index.js';

/** An article without its text, as a server keeps it in memory. */
export type DocumentInfo = Omit<ArticleDocument, 'cleanText'> & {
  /** sha256 of the clean text: the same article uploaded again is recognized by it. */
  cleanHash: string;
  /** Where its text is stored (see documentKey). */
  key: string;
};

/** A stored copy is named by the article's id and its file's hash: a changed file is another copy. */
export function documentKey(docId: string, hash: string): string {
  return `${docId}\n${hash}`;
}

export function docIdOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('\n'));
}

export function cleanTextHash(cleanText: string): string {
  return createHash('sha256').update(cleanText).digest('hex');
}

// Metadata and texts in two tables: reading every document's metadata then touches a few megabytes, not the texts' pages.
// The clean-text hash and the date are indexed: an upload is recognized as an article already indexed, and
// the archive's date range found, without reading every row.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, info TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS document_texts (key TEXT PRIMARY KEY, clean_text TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS documents_by_clean_hash ON documents(json_extract(info, '$.cleanHash'));
  CREATE INDEX IF NOT EXISTS documents_by_published ON documents(json_extract(info, '$.published'));
`;

/** The earliest and latest publication dates of a set of documents. */
export interface DateRange {
  first: string;
  last: string;
}

export class DocumentTable {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = {
      insertInfo: db.prepare('INSERT OR REPLACE INTO documents(key, info) VALUES (?, ?)'),
      insertText: db.prepare('INSERT OR REPLACE INTO document_texts(key, clean_text) VALUES (?, ?)'),
      removeInfo: db.prepare('DELETE FROM documents WHERE key = ?'),
      removeText: db.prepare('DELETE FROM document_texts WHERE key = ?'),
      keys: db.prepare('SELECT key FROM documents').pluck(),
      count: db.prepare('SELECT count(*) FROM documents').pluck(),
      infos: db.prepare('SELECT d.info FROM json_each(?) AS j JOIN documents AS d ON d.key = j.value').pluck(),
      info: db.prepare('SELECT info FROM documents WHERE key = ?').pluck(),
      countOf: db.prepare('SELECT count(*) FROM json_each(?) AS j JOIN documents AS d ON d.key = j.value').pluck(),
      withCleanHash: db.prepare("SELECT info FROM documents WHERE json_extract(info, '$.cleanHash') = ?").pluck(),
      earliest: db.prepare("SELECT key, json_extract(info, '$.published') AS published FROM documents WHERE json_extract(info, '$.published') IS NOT NULL ORDER BY json_extract(info, '$.published')"),
      latest: db.prepare("SELECT key, json_extract(info, '$.published') AS published FROM documents WHERE json_extract(info, '$.published') IS NOT NULL ORDER BY json_extract(info, '$.published') DESC"),
      text: db.prepare('SELECT clean_text FROM document_texts WHERE key = ?').pluck(),
      published: db.prepare("SELECT coalesce(json_extract(info, '$.published'), '') FROM documents WHERE key = ?").pluck(),
    };
  }

  keys(): Set<string> {
    return new Set(this.statements.keys.all() as string[]);
  }

  size(): number {
    return this.statements.count.get() as number;
  }

  /** Removes the copies of `remove`, then stores `documents`. Call inside a transaction. */
  update(documents: Iterable<ArticleDocument>, remove: Iterable<string> = []): void {
    const s = this.statements;
    for (const key of remove) (s.removeInfo.run(key), s.removeText.run(key));
    for (const { cleanText, ...info } of documents) {
      const key = documentKey(info.docId, info.hash);
      const stored: Omit<DocumentInfo, 'key'> = { ...info, cleanHash: cleanTextHash(cleanText) };
      s.insertInfo.run(key, JSON.stringify(stored));
      s.insertText.run(key, cleanText);
    }
  }

  /** The metadata of the stored copies named by `keys` (those found). */
  infos(keys: readonly string[]): DocumentInfo[] {
    return (this.statements.infos.all(JSON.stringify(keys)) as string[]).map(parseInfo);
  }

  /** The metadata of one stored copy. */
  info(key: string): DocumentInfo | undefined {
    const row = this.statements.info.get(key) as string | undefined;
    return row === undefined ? undefined : parseInfo(row);
  }

  /** How many of the copies named by `keys` are stored. */
  countOf(keys: readonly string[]): number {
    return this.statements.countOf.get(JSON.stringify(keys)) as number;
  }

  /** The stored copies whose clean text has this hash (of any version). */
  withCleanHash(cleanHash: string): DocumentInfo[] {
    return (this.statements.withCleanHash.all(cleanHash) as string[]).map(parseInfo);
  }

  /** The publication date range of the stored copies `holds` accepts (by key); null when none is dated. */
  dateRange(holds: (key: string) => boolean): DateRange | null {
    const first = this.firstDated(this.statements.earliest, holds);
    const last = this.firstDated(this.statements.latest, holds);
    return first === null || last === null ? null : { first, last };
  }

  /** Rows in date order, read until one is accepted: the copies of older versions are few, so a handful are read. */
  private firstDated(rows: Database.Statement, holds: (key: string) => boolean): string | null {
    for (const row of rows.iterate() as Iterable<{ key: string; published: string }>) if (holds(row.key)) return row.published;
    return null;
  }

  /** A stored copy's publication date, '' when it has none (without reading all of its metadata). */
  published(key: string): string | undefined {
    return this.statements.published.get(key) as string | undefined;
  }

  text(key: string): string | undefined {
    return this.statements.text.get(key) as string | undefined;
  }
}

function parseInfo(row: string): DocumentInfo {
  const info = JSON.parse(row) as Omit<DocumentInfo, 'key'>;
  // Written by this project's ingest: only what lookups rely on is checked, cheaply, per row.
  if (typeof info.docId !== 'string' || typeof info.hash !== 'string' || typeof info.title !== 'string') throw new Error(`a stored document's metadata is damaged: ${row.slice(0, 80)}`);
  return { ...info, key: documentKey(info.docId, info.hash) };
}

/** Reads through a cache of the recently read, shared by the versions a server loads (a stored copy never changes under its key). */
export class RecentlyRead<V extends NonNullable<unknown>> {
  private readonly cache: LRUCache<string, V>;

  constructor(
    private readonly read: (key: string) => V | undefined,
    max: number,
  ) {
    this.cache = new LRUCache({ max });
  }

  get(key: string): V | undefined {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const value = this.read(key);
    if (value !== undefined) this.cache.set(key, value);
    return value;
  }
}

export const CACHE_SIZES = {
  /** About 4 MB of English news: the articles of the last hundreds of answers. */
  texts: 1000,
  /** A few megabytes: the articles of the last few hundred answers' passages. */
  infos: 5000,
  /** Dates of the articles of the last few thousand questions' candidates (the date tie-break reads one per candidate). */
  dates: 50_000,
};
