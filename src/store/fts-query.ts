/**
 * How analyzed terms are written to and searched in the FTS5 table: shared by the main thread and the
 * search worker, which loads nothing else of the project.
 */

/** Weight of a match in the article's title relative to one in the passage's text. */
export const TITLE_WEIGHT = 0.3;

/**
 * Rows by BM25, best first. Ordered by the bm25() expression rather than FTS5's `rank` column: the
 * same scores in the same order, but SQLite's sorter keeps only the LIMIT best rows where FTS5's rank
 * order sorts every matching row. On the title questions of the news archives (592 and 559 queries),
 * the same results in 34 % less time (English 11.1 -> 7.3 ms, Vietnamese 7.7 -> 5.0 ms a question).
 */
export const SEARCH_SQL = `SELECT rowid AS label, -bm25(terms, ${TITLE_WEIGHT}, 1.0) AS score FROM terms WHERE terms MATCH ? ORDER BY score DESC LIMIT ?`;

/** The FTS5 token for an analyzed term: ASCII punctuation other than `_.-` would split it, so apostrophes are spelled as U+02BC. */
export function ftsToken(term: string): string {
  if (PLAIN_TOKEN.test(term)) return term;
  return term.replace(/['"]/g, 'ʼ').replace(/[^\p{L}\p{N}_.\-ʼ]/gu, '');
}

const PLAIN_TOKEN = /^[a-z0-9_.-]+$/;

/** The FTS5 query for rows holding any of the terms (and, with `required`, one of those too); null when there is no term. */
export function ftsQuery(terms: readonly string[], required: readonly string[] = []): string | null {
  const any = ftsAny(terms);
  if (any === null) return null;
  const mustHold = ftsAny(required);
  return mustHold === null ? any : `(${mustHold}) AND (${any})`;
}

/**
 * An FTS5 expression matching any of the terms; null when there is none. Each term is one phrase of the query, and
 * bm25() sums over phrases: a term given twice counts twice (LexicalIndex weighs terms so).
 */
function ftsAny(terms: readonly string[]): string | null {
  const tokens = terms.map(ftsToken).filter((t) => t !== '');
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"`).join(' OR ');
}
