/**
 * index/index.sqlite: the lexical index (FTS5 rows by HNSW label) and the documents (rows by id and
 * file hash). Both are shared by the index versions: an ingest adds the rows of new passages and
 * documents in one transaction before it switches CURRENT, and removes the rows that neither the
 * version it extended nor the new one holds, so a server still serving the previous version finds
 * all of its rows. SQLite's write-ahead log means a reader never sees half a transaction.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CACHE_SIZES, DocumentTable, RecentlyRead, type DocumentInfo } from './document-table.js';
import { LexicalStore } from './lexical-store.js';
import type { RowSource } from './term-rows.js';

/**
 * Raised when the tables or the text analysis change (term_rows counts a removed row's terms by analyzing
 * its text again, so the analysis must be the one that indexed it); a database in another format is rebuilt.
 * 2: accented words are stemmed after folding, like their unaccented spelling.
 * 3: Vietnamese typed without marks is analyzed as Vietnamese; each row's term count and source are kept.
 * 4: Vietnamese syllables and syllable pairs are indexed as written too, marks kept.
 */
const DATABASE_FORMAT = 4;

export class IndexDatabase {
  readonly lexical: LexicalStore;
  readonly documents: DocumentTable;
  /** Recently read document texts, metadata and dates ('' when undated), for every version served from this database. */
  readonly texts: RecentlyRead<string>;
  readonly infos: RecentlyRead<DocumentInfo>;
  readonly dates: RecentlyRead<string>;
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.migrate();
    this.lexical = new LexicalStore(this.db, (source) => this.storedPassage(source));
    this.documents = new DocumentTable(this.db);
    this.texts = new RecentlyRead((key) => this.documents.text(key), CACHE_SIZES.texts);
    this.infos = new RecentlyRead((key) => this.documents.info(key), CACHE_SIZES.infos);
    this.dates = new RecentlyRead((key) => this.documents.published(key), CACHE_SIZES.dates);
  }

  /** A passage's title and text as its document's stored copy holds them (undefined when the copy is gone). */
  private storedPassage({ docKey, start, end }: RowSource): { title: string; text: string } | undefined {
    // Through the caches: an article's passages are removed together, and its copy is read once for all of them.
    const info = this.infos.get(docKey);
    const text = this.texts.get(docKey);
    return info && text !== undefined ? { title: info.title, text: text.slice(start, end) } : undefined;
  }

  /** A database of another format is emptied (the next ingest fills it again from the stored versions). */
  private migrate(): void {
    if (this.db.pragma('user_version', { simple: true }) === DATABASE_FORMAT) return;
    this.db.transaction(() => {
      for (const table of ['terms_vocabulary', 'terms', 'labels', 'term_rows', 'row_sources', 'document_texts', 'documents']) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
      this.db.pragma(`user_version = ${DATABASE_FORMAT}`);
    })();
  }

  /** Runs `write` as one transaction: all of it is committed, or none. */
  transaction(write: () => void): void {
    this.db.transaction(write)();
  }

  /** Closes the connection and ends the search worker, if the lexical index started one. */
  close(): void {
    void this.lexical.close();
    if (this.db.open) this.db.close();
  }
}

const opened = new Map<string, { database: IndexDatabase; inode: number }>();

/**
 * The database of an index folder, opened once per process and reused by every version loaded from
 * it; opened afresh when the file was removed or replaced since (an index folder deleted and rebuilt).
 */
export function openIndexDatabase(file: string): IndexDatabase {
  const known = opened.get(file);
  if (known && inodeOf(file) === known.inode) return known.database;
  known?.database.close();
  const database = new IndexDatabase(file);
  opened.set(file, { database, inode: inodeOf(file)! });
  return database;
}

function inodeOf(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}
