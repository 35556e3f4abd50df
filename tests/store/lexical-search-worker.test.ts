import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalSearcher, SearchWorkerUnavailableError } from '../../src/store/lexical-searcher.js';
import { LexicalStore, type LexicalQuery } from '../../src/store/lexical-store.js';
import { tempDir } from '../helpers/fixtures.js';

// 20,000 passages: the size from which a store on disk searches on its worker thread.
const ROWS = 20_000;
const textOf = (i: number) => `harbour w${i % 500} v${i % 497}${i % 7 === 0 ? ' velkaro port' : ''}${i % 1000 === 3 ? ' zanthu' : ''}`;
const QUERIES: LexicalQuery[] = [
  { terms: ['zanthu', 'velkaro'], limit: 10 },
  { terms: ['w17', 'v23'], limit: null },
  { terms: ['velkaro', 'harbour'], limit: 5, required: ['zanthu'] },
  { terms: ['nothing-has-this'], limit: 5 },
];

describe('BM25 queries on the search worker thread', () => {
  let root: string;
  let file: string;
  let store: LexicalStore;

  beforeAll(async () => {
    root = await tempDir();
    file = join(root, 'index.sqlite');
    const db = new Database(file);
    store = new LexicalStore(db);
    db.transaction(() => store.update(Array.from({ length: ROWS }, (_, label) => ({ label, title: label % 11 === 0 ? 'Port news' : '', text: textOf(label) }))))();
  });
  afterAll(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('give the rows and scores of the same queries on the main thread, in order', async () => {
    const searcher = new LexicalSearcher(file);
    const expected = QUERIES.map((q) => store.search(q.terms, q.limit, q.required));
    expect(expected[0].length).toBeGreaterThan(0);
    expect(await searcher.search(QUERIES)).toEqual(expected);
    expect(await store.searchAll(QUERIES)).toEqual(expected); // a store this large searches on its worker
    // Questions at once: the first query of one searched here while the worker is idle, the others all on the worker.
    expect(await Promise.all([store.searchAll(QUERIES), store.searchAll(QUERIES.slice(1)), store.searchAll(QUERIES)])).toEqual([expected, expected.slice(1), expected]);
    await searcher.close();
    await expect(searcher.search(QUERIES)).rejects.toBeInstanceOf(SearchWorkerUnavailableError);
  });

  it('see rows committed after the worker started', async () => {
    await store.searchAll(QUERIES);
    store.update([{ label: ROWS, title: '', text: 'quynhon zanthu' }]);
    const [hits] = await store.searchAll([{ terms: ['quynhon'], limit: 5 }]);
    expect(hits.map((h) => h.label)).toEqual([ROWS]);
  });
});
