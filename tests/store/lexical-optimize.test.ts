import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LexicalStore, type LexicalQuery } from '../../src/store/lexical-store.js';

const textOf = (i: number) => `harbour w${i % 300} v${i % 97}${i % 13 === 0 ? ' velkaro port' : ''}`;
const QUERIES: LexicalQuery[] = [
  { terms: ['velkaro', 'w17'], limit: 10 },
  { terms: ['w5', 'v23', 'harbour'], limit: null },
];

/** FTS5 segments holding the rows: one per write until they are merged. */
const segments = (db: Database.Database) => db.prepare('SELECT count(DISTINCT segid) FROM terms_idx').pluck().get() as number;

describe('merging the lexical index after a large write', () => {
  it('leaves one segment and the same rows and scores', () => {
    const db = new Database(':memory:');
    const store = new LexicalStore(db);
    for (let batch = 0; batch < 20; batch++) {
      db.transaction(() => store.update(Array.from({ length: 100 }, (_, i) => ({ label: batch * 100 + i, title: '', text: textOf(batch * 100 + i) }))))();
    }
    const before = QUERIES.map((q) => store.search(q.terms, q.limit, q.required));
    expect(segments(db)).toBeGreaterThan(1);
    store.optimize();
    expect(segments(db)).toBe(1);
    expect(QUERIES.map((q) => store.search(q.terms, q.limit, q.required))).toEqual(before);
  });

  it('is worth it after a write of a tenth of the rows or more, not after a few rows', () => {
    const store = LexicalStore.inMemory();
    store.update(Array.from({ length: 1000 }, (_, label) => ({ label, title: '', text: textOf(label) })));
    expect(store.worthOptimizing(1000)).toBe(true);
    expect(store.worthOptimizing(100)).toBe(true);
    expect(store.worthOptimizing(5)).toBe(false);
    expect(store.worthOptimizing(0)).toBe(false);
  });
});
