/**
 * The lexical (BM25) index: SQLite FTS5 over the analyzed terms of every passage, one row per HNSW
 * label (see index-database.ts for how the rows are shared by versions).
 */
import Database from 'better-sqlite3';
import { indexTerms } from '../analysis/index.js';
import { ftsQuery, ftsToken, SEARCH_SQL } from './fts-query.js';
import { LexicalSearcher, SearchWorkerUnavailableError } from './lexical-searcher.js';
import { TermRows, type RowSource, type RowTextLookup, type TermRowsWrite } from './term-rows.js';

/** One passage as the lexical index sees it. */
export interface LexicalRow {
  label: number;
  title: string;
  text: string;
  /** Where the text comes from, so that its terms can be counted out when the row is removed (see TermRows). */
  source?: RowSource;
}

export interface LexicalMatch {
  label: number;
  /** BM25 (higher is better). */
  score: number;
}

/**
 * One BM25 query: rows holding any of `terms` (with `required`, also one of those), best first; all of them when
 * `limit` is null. Both lists are scored, and a term listed n times counts n times.
 */
export interface LexicalQuery {
  terms: readonly string[];
  limit: number | null;
  required?: readonly string[];
}

/**
 * Searches of an index this large run on a worker thread with its own connection, so that a second
 * core scores one request's BM25 while the main thread answers another. Below it, a search is a few
 * milliseconds and a round trip to the worker would cost more than it frees.
 */
const SEARCH_WORKER_MIN_ROWS = 20_000;

/**
 * Segments are merged after a write of at least this share of the rows: a first ingest, or a large
 * batch of articles. Smaller writes are left to FTS5's own incremental merging, so adding a few
 * articles costs the same on a small and a large archive.
 */
const OPTIMIZE_AFTER_SHARE = 0.1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS labels (label INTEGER PRIMARY KEY);
  CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(title, text, tokenize = "ascii tokenchars '_.-'", content = '', contentless_delete = 1);
  CREATE VIRTUAL TABLE IF NOT EXISTS terms_vocabulary USING fts5vocab(terms, 'row');
`;

const ftsText = (text: string) => indexTerms(text).map(ftsToken).join(' ');

const rowFieldsOf = (title: string, text: string) => [ftsText(title), ftsText(text)];

export class LexicalStore {
  private readonly statements;
  private readonly termRows: TermRows;

  /** `rowText` reads a removed row's text back from its source (the index database's documents). */
  constructor(
    private readonly db: Database.Database,
    rowText?: RowTextLookup,
  ) {
    this.db.exec(SCHEMA);
    this.termRows = new TermRows(db, rowText, rowFieldsOf);
    this.statements = {
      insertLabel: this.db.prepare('INSERT OR REPLACE INTO labels(label) VALUES (?)'),
      insertTerms: this.db.prepare('INSERT INTO terms(rowid, title, text) VALUES (?, ?, ?)'),
      deleteLabel: this.db.prepare('DELETE FROM labels WHERE label = ?'),
      deleteTerms: this.db.prepare('DELETE FROM terms WHERE rowid = ?'),
      labels: this.db.prepare('SELECT label FROM labels').pluck(),
      count: this.db.prepare('SELECT count(*) FROM labels').pluck(),
      countOf: this.db.prepare('SELECT count(*) FROM labels WHERE label IN (SELECT value FROM json_each(?))').pluck(),
      maxLabel: this.db.prepare('SELECT max(label) FROM labels').pluck(),
      search: this.db.prepare(SEARCH_SQL),
      optimize: this.db.prepare("INSERT INTO terms(terms) VALUES ('optimize')"),
    };
  }

  /** A lexical index held in memory only (passages that are not stored on disk). */
  static inMemory(): LexicalStore {
    return new LexicalStore(new Database(':memory:'));
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
   * Removes the rows of `remove`, then adds `rows` (replacing rows of the same label, which a crashed
   * ingest may have left). Call inside a transaction (IndexDatabase.transaction) to make it atomic.
   */
  update(rows: Iterable<LexicalRow>, remove: Iterable<number> = []): void {
    const s = this.statements;
    const added = [...rows];
    const removed = [...remove];
    const counts = this.termRows.begin(this.size(), added.length + removed.length);
    for (const label of removed) this.removeLabel(label, counts);
    for (const row of added) {
      this.removeLabel(row.label, counts);
      const title = ftsText(row.title);
      const text = ftsText(row.text);
      s.insertLabel.run(row.label);
      s.insertTerms.run(row.label, title, text);
      counts.added(row.label, [title, text], row.source);
    }
    counts.finish();
  }

  private removeLabel(label: number, counts: TermRowsWrite): void {
    if (this.statements.deleteLabel.run(label).changes === 0) return;
    counts.removed(label);
    this.statements.deleteTerms.run(label);
  }

  /**
   * Merges the index's segments into one. A large write leaves the terms spread over thousands of
   * segments, and each query reads every segment's part of its posting lists: merged, a BM25 query
   * takes 6.1 -> 4.9 ms on the 72k-passage English news archive and 7.4 -> 5.3 ms on the 62.6k-passage
   * Vietnamese one, for 0.8 and 2.2 s of merging. It rewrites the whole index, so it is only worth
   * it after a write of a good share of the rows (see OPTIMIZE_AFTER_SHARE).
   */
  optimize(): void {
    this.statements.optimize.run();
  }

  /** Whether a write of this many rows is large enough to merge the index's segments after it. */
  worthOptimizing(rowsWritten: number): boolean {
    return rowsWritten > 0 && rowsWritten >= OPTIMIZE_AFTER_SHARE * this.size();
  }

  /** Rows holding the analyzed term (in the title or the text). */
  frequency(term: string): number {
    const token = ftsToken(term);
    if (token === '') return 0;
    return this.termRows.rowsOf(token);
  }

  /** The rows matching a query (see LexicalQuery), on this thread. */
  search(terms: readonly string[], limit: number | null, required: readonly string[] = []): LexicalMatch[] {
    const query = ftsQuery(terms, required);
    return query === null ? [] : (this.statements.search.all(query, limit ?? -1) as LexicalMatch[]);
  }

  /** The rows matching each query: on the search worker for a large index on disk, else on this thread. */
  async searchAll(queries: readonly LexicalQuery[]): Promise<LexicalMatch[][]> {
    const searcher = this.searcher();
    if (searcher) {
      // A question on a large archive is two queries (see LexicalIndex.search), 4-5 ms each on the
      // 72k-passage English news archive. When the worker is idle it takes all but the first, which
      // this thread scores meanwhile: one client's question uses both cores. Under load the worker
      // is busy and takes them all, keeping this thread free for the rest of each request.
      const here = searcher.queued === 0 && queries.length > 1 ? 1 : 0;
      try {
        const sent = searcher.search(queries.slice(here));
        sent.catch(() => undefined); // awaited below, unless searching here throws first
        const searchedHere = queries.slice(0, here).map((q) => this.search(q.terms, q.limit, q.required));
        return [...searchedHere, ...(await sent)];
      } catch (error) {
        if (!(error instanceof SearchWorkerUnavailableError)) throw error;
        this.worker = null; // searched here from now on
      }
    }
    return queries.map((q) => this.search(q.terms, q.limit, q.required));
  }

  private worker: LexicalSearcher | null | undefined;

  /** Starts the search worker now, if this store uses one, so that the first question does not wait for it. */
  prepareSearches(): void {
    this.searcher();
  }

  private searcher(): LexicalSearcher | null {
    if (this.worker === undefined) this.worker = this.db.memory || this.size() < SEARCH_WORKER_MIN_ROWS ? null : new LexicalSearcher(this.db.name);
    return this.worker;
  }

  /** Ends the search worker, if one was started. */
  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
