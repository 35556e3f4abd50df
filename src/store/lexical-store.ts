/**
 * The lexical (BM25) index on disk: SQLite FTS5 over the analyzed terms of every passage, one row per
 * HNSW label. It is shared by all index versions: an ingest adds the rows of new passages before it
 * switches CURRENT, and removes rows no version uses any more at the start of the next ingest, so a
 * server reading any recent version finds its rows. Readers never see half a write (SQLite WAL).
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { indexTerms } from '../analysis/index.js';

/** One passage as the lexical index sees it. */
export interface LexicalRow {
  label: number;
  title: string;
  text: string;
}

export interface LexicalMatch {
  label: number;
  /** BM25 (higher is better). */
  score: number;
}

/** Weight of a match in the article's title relative to one in the passage's text. */
export const TITLE_WEIGHT = 0.3;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS labels (label INTEGER PRIMARY KEY);
  CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(title, text, tokenize = "ascii tokenchars '_.-'", content = '', contentless_delete = 1);
  CREATE VIRTUAL TABLE IF NOT EXISTS terms_vocabulary USING fts5vocab(terms, 'row');
`;

/** The FTS5 token for an analyzed term: ASCII punctuation other than `_.-` would split it, so apostrophes are spelled as U+02BC. */
function ftsToken(term: string): string {
  return term.replace(/['"]/g, 'ʼ').replace(/[^\p{L}\p{N}_.\-ʼ]/gu, '');
}

const ftsText = (text: string) => indexTerms(text).map(ftsToken).join(' ');

export class LexicalStore {
  private readonly db: Database.Database;
  private readonly statements;

  private constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    const rank = `bm25(${TITLE_WEIGHT}, 1.0)`;
    if (this.db.prepare("SELECT v FROM terms_config WHERE k = 'rank'").pluck().get() !== rank) this.db.prepare("INSERT INTO terms(terms, rank) VALUES ('rank', ?)").run(rank);
    this.statements = {
      insertLabel: this.db.prepare('INSERT OR REPLACE INTO labels(label) VALUES (?)'),
      insertTerms: this.db.prepare('INSERT INTO terms(rowid, title, text) VALUES (?, ?, ?)'),
      deleteLabel: this.db.prepare('DELETE FROM labels WHERE label = ?'),
      deleteTerms: this.db.prepare('DELETE FROM terms WHERE rowid = ?'),
      labels: this.db.prepare('SELECT label FROM labels').pluck(),
      count: this.db.prepare('SELECT count(*) FROM labels').pluck(),
      countOf: this.db.prepare('SELECT count(*) FROM labels WHERE label IN (SELECT value FROM json_each(?))').pluck(),
      maxLabel: this.db.prepare('SELECT max(label) FROM labels').pluck(),
      frequency: this.db.prepare('SELECT doc FROM terms_vocabulary WHERE term = ?').pluck(),
      search: this.db.prepare('SELECT rowid AS label, -rank AS score FROM terms WHERE terms MATCH ? ORDER BY rank LIMIT ?'),
    };
  }

  /** Opens (creating when absent) the lexical index in `file`; `:memory:` for one held in memory only. */
  static open(file: string): LexicalStore {
    return new LexicalStore(file);
  }

  /** Labels that have rows. */
  labels(): Set<number> {
    return new Set(this.statements.labels.all() as number[]);
  }

  /** The highest label with a row, -1 when there is none. */
  maxLabel(): number {
    return (this.statements.maxLabel.get() as number | null) ?? -1;
  }

  /** How many of these labels have rows. */
  countOf(labels: readonly number[]): number {
    return this.statements.countOf.get(JSON.stringify(labels)) as number;
  }

  /** How many labels have rows. */
  size(): number {
    return this.statements.count.get() as number;
  }

  /**
   * In one transaction: removes the rows of `remove`, then adds `rows` (replacing rows of the same
   * label, which a crashed ingest may have left).
   */
  update(rows: Iterable<LexicalRow>, remove: Iterable<number> = []): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const label of remove) this.removeLabel(label);
      for (const row of rows) {
        this.removeLabel(row.label);
        s.insertLabel.run(row.label);
        s.insertTerms.run(row.label, ftsText(row.title), ftsText(row.text));
      }
    })();
  }

  private removeLabel(label: number): void {
    if (this.statements.deleteLabel.run(label).changes > 0) this.statements.deleteTerms.run(label);
  }

  /** Rows holding the analyzed term (in the title or the text). */
  frequency(term: string): number {
    const token = ftsToken(term);
    if (token === '') return 0;
    return (this.statements.frequency.get(token) as number | undefined) ?? 0;
  }

  /** The rows matching any of the analyzed terms, best BM25 first; all of them when `limit` is null. */
  search(terms: readonly string[], limit: number | null): LexicalMatch[] {
    const tokens = [...new Set(terms.map(ftsToken).filter((t) => t !== ''))];
    if (tokens.length === 0) return [];
    const query = tokens.map((t) => `"${t}"`).join(' OR ');
    return this.statements.search.all(query, limit ?? -1) as LexicalMatch[];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const opened = new Map<string, { store: LexicalStore; inode: number }>();

/**
 * The lexical index file of an index folder, opened once per process and reused by every version
 * loaded from it; opened afresh when the file was removed or replaced since (an index folder deleted
 * and rebuilt).
 */
export function openLexicalStore(file: string): LexicalStore {
  const known = opened.get(file);
  if (known && inodeOf(file) === known.inode) return known.store;
  known?.store.close();
  const store = LexicalStore.open(file);
  opened.set(file, { store, inode: inodeOf(file)! });
  return store;
}

function inodeOf(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}
