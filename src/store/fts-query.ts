/**
 * How analyzed terms are written to and searched in the FTS5 table: shared by the main thread and the
 * search worker, which loads nothing else of the project.
 */

export const SEARCH_SQL = 'SELECT rowid AS label, -rank AS score FROM terms WHERE terms MATCH ? ORDER BY rank LIMIT ?';

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

/** An FTS5 expression matching any of the terms; null when there is none. */
function ftsAny(terms: readonly string[]): string | null {
  const tokens = [...new Set(terms.map(ftsToken).filter((t) => t !== ''))];
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"`).join(' OR ');
}
