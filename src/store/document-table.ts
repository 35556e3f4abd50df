/**
 * Documents read on demand: one row per stored copy of an article (its id and file hash), with its
 * metadata and clean text. A server holds the metadata of its version's documents and reads texts
 * when a passage or an article is shown, through a small cache shared by versions.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
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

export function cleanTextHash(cleanText: string): string {
  return createHash('sha256').update(cleanText).digest('hex');
}

// Metadata and texts in two tables: reading every document's metadata then touches a few megabytes, not the texts' pages.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, info TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS document_texts (key TEXT PRIMARY KEY, clean_text TEXT NOT NULL);
`;

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
      text: db.prepare('SELECT clean_text FROM document_texts WHERE key = ?').pluck(),
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
    const rows = this.statements.infos.all(JSON.stringify(keys)) as string[];
    return rows.map((row) => {
      const info = JSON.parse(row) as Omit<DocumentInfo, 'key'>;
      // Written by this project's ingest: only what lookups rely on is checked, cheaply, per row.
      if (typeof info.docId !== 'string' || typeof info.hash !== 'string' || typeof info.title !== 'string') throw new Error(`a stored document's metadata is damaged: ${row.slice(0, 80)}`);
      return { ...info, key: documentKey(info.docId, info.hash) };
    });
  }

  text(key: string): string | undefined {
    return this.statements.text.get(key) as string | undefined;
  }
}

/** Texts of recently read documents, shared by the versions a server loads (a text never changes under its key). */
export class DocumentTexts {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly table: DocumentTable,
    private readonly capacity = TEXT_CACHE_DOCUMENTS,
  ) {}

  get(key: string): string | undefined {
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const text = this.table.text(key);
    if (text === undefined) return undefined;
    this.cache.set(key, text);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return text;
  }
}

/** About 4 MB of English news: the articles of the last hundreds of answers. */
const TEXT_CACHE_DOCUMENTS = 1000;
