/**
 * How many lexical rows hold each term, kept in a table of its own beside the FTS5 index. FTS5's
 * vocabulary table counts a term's rows by walking its whole posting list: 0.3-0.8 ms for a common term
 * on the 72k-passage English news archive, about a millisecond of every new question. Here it is one
 * B-tree lookup.
 *
 * The counts are changed in the same transaction as the rows. A row's terms must be known to count it
 * out when it is removed, and the FTS5 table is contentless: the row's source (its document's stored
 * copy and offsets) is kept, and its text read back from the documents table before that copy goes.
 * When a row's text cannot be read back (a row written before sources were kept), or when a write
 * touches a large share of the rows, the counts are taken anew from the vocabulary table instead
 * (0.4 s on the 72k-passage English archive, 0.9 s on the 62.6k-passage Vietnamese one).
 */
import type Database from 'better-sqlite3';

/** Where a lexical row's text comes from: a stored copy of a document (see DocumentTable) and the passage's offsets in its clean text. */
export interface RowSource {
  docKey: string;
  start: number;
  end: number;
}

/** The text a row was indexed from, or undefined when it can no longer be read. */
export type RowTextLookup = (source: RowSource) => { title: string; text: string } | undefined;

/** A write changing at least this share of the rows counts terms anew from the vocabulary (cheaper than counting every row's terms). */
const RECOUNT_SHARE = 0.1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS term_rows (term TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS row_sources (label INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);
`;

/** The distinct FTS5 tokens of a row's fields, as its `ascii` tokenizer folds them (ASCII letters lower-cased). */
function rowTokens(fields: readonly string[]): Set<string> {
  const tokens = new Set<string>();
  for (const field of fields) for (const token of field.split(' ')) if (token !== '') tokens.add(ASCII_UPPER.test(token) ? token.replace(ASCII_UPPER_ALL, (c) => c.toLowerCase()) : token);
  return tokens;
}

const ASCII_UPPER = /[A-Z]/;
const ASCII_UPPER_ALL = /[A-Z]/g;

/** Counts of one write, applied when it ends (see TermRows.begin). */
export interface TermRowsWrite {
  /** `fields`: the row's FTS5 text (title, text), read only when the write counts rows one by one. */
  added(label: number, fields: readonly string[], source: RowSource | undefined): void;
  /** Before the row's FTS5 entry is deleted. */
  removed(label: number): void;
  /** Applies the counts; call inside the write's transaction, after the FTS5 rows changed. */
  finish(): void;
}

export class TermRows {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly rowText: RowTextLookup | undefined,
    /** The FTS5 text of a row's fields (title, text), to count a removed row out. */
    private readonly fieldsOf: (title: string, text: string) => string[],
  ) {
    db.exec(SCHEMA);
    this.statements = {
      rows: db.prepare('SELECT rows FROM term_rows WHERE term = ?').pluck(),
      any: db.prepare('SELECT EXISTS (SELECT 1 FROM term_rows)').pluck(),
      vocabulary: db.prepare('SELECT doc FROM terms_vocabulary WHERE term = ?').pluck(),
      add: db.prepare('INSERT INTO term_rows(term, rows) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET rows = rows + excluded.rows'),
      dropEmpty: db.prepare('DELETE FROM term_rows WHERE term = ? AND rows <= 0'),
      clear: db.prepare('DELETE FROM term_rows'),
      recount: db.prepare('INSERT INTO term_rows(term, rows) SELECT term, doc FROM terms_vocabulary'),
      source: db.prepare('SELECT doc_key AS docKey, start, end FROM row_sources WHERE label = ?'),
      setSource: db.prepare('INSERT OR REPLACE INTO row_sources(label, doc_key, start, end) VALUES (?, ?, ?, ?)'),
      dropSource: db.prepare('DELETE FROM row_sources WHERE label = ?'),
    };
  }

  /** Rows holding the FTS5 token; read from FTS5's vocabulary while the table is not filled (an index written before it existed). */
  rowsOf(token: string): number {
    const rows = this.statements.rows.get(token) as number | undefined;
    if (rows !== undefined) return rows;
    return this.statements.any.get() === 1 ? 0 : ((this.statements.vocabulary.get(token) as number | undefined) ?? 0);
  }

  /** Starts counting a write of `rowsTouched` rows into an index of `rowsBefore`. */
  begin(rowsBefore: number, rowsTouched: number): TermRowsWrite {
    const s = this.statements;
    const delta = new Map<string, number>();
    let recount = rowsTouched > 0 && (rowsTouched >= RECOUNT_SHARE * rowsBefore || (rowsBefore > 0 && s.any.get() === 0));
    const count = (tokens: Iterable<string>, by: number) => {
      for (const token of tokens) delta.set(token, (delta.get(token) ?? 0) + by);
    };
    return {
      added: (label, fields, source) => {
        if (source) s.setSource.run(label, source.docKey, source.start, source.end);
        if (!recount) count(rowTokens(fields), 1);
      },
      removed: (label) => {
        const source = s.source.get(label) as RowSource | undefined;
        if (source) s.dropSource.run(label);
        if (recount) return;
        const row = source && this.rowText?.(source);
        if (row) count(rowTokens(this.fieldsOf(row.title, row.text)), -1);
        else recount = true;
      },
      finish: () => {
        if (recount) {
          s.clear.run();
          s.recount.run();
          return;
        }
        for (const [token, by] of delta) {
          if (by === 0) continue;
          s.add.run(token, by);
          if (by < 0) s.dropEmpty.run(token);
        }
      },
    };
  }
}
