import { rm, writeFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IndexDatabase, indexPaths, updateIndex } from '../../src/store/index.js';
import { realEmbedder, tempDir, testConfig, useSeedCorpusFolders } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();

/** The kept counts and FTS5's own (counted from its posting lists), term by term. */
function counts(file: string): { kept: Record<string, number>; fts5: Record<string, number> } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (sql: string) => Object.fromEntries((db.prepare(sql).raw().all() as Array<[string, number]>).map(([t, n]) => [t, n]));
    return { kept: rows('SELECT term, rows FROM term_rows'), fts5: rows('SELECT term, doc FROM terms_vocabulary') };
  } finally {
    db.close();
  }
}

describe('the count of rows holding each term', () => {
  let corpusDir: string;
  let indexDir: string;
  useSeedCorpusFolders((folders) => ({ corpusDir, indexDir } = folders));
  const run = async () => updateIndex({ corpusDir, indexDir, embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes });

  it('stays equal to FTS5 own counts while articles are added, changed and deleted', async () => {
    await run();
    const database = indexPaths(indexDir).database;
    expect(Object.keys(counts(database).kept).length).toBeGreaterThan(500);
    const [first, second] = (await readdir(corpusDir)).sort();
    const firstText = await readFile(join(corpusDir, first), 'utf8');
    // Rows leave the database two versions after their article changed (a server may still serve the version before).
    const steps = [
      () => writeFile(join(corpusDir, 'extra.txt'), 'Velkaro harbour reopens\n\nThe Velkaro harbour reopened on Monday after repairs to its northern pier took three months.\n'),
      () => writeFile(join(corpusDir, first), `${firstText}\n\nA correction was added to this article on Tuesday about the harbour.\n`),
      () => rm(join(corpusDir, second)),
      () => rm(join(corpusDir, 'extra.txt')),
      () => writeFile(join(corpusDir, first), firstText),
      () => writeFile(join(corpusDir, 'late.txt'), 'A late note\n\nNothing else happened in the harbour that week.\n'),
    ];
    for (const step of steps) {
      await step();
      await run();
      const { kept, fts5 } = counts(database);
      expect(kept).toEqual(fts5);
    }
    expect(counts(database).kept.velkaro).toBeUndefined();
  });

  it('is counted anew from FTS5 when a removed row was written before sources were kept', async () => {
    const file = join(await tempDir(), 'index.sqlite');
    const database = new IndexDatabase(file);
    const row = (label: number, text: string) => ({ label, title: 'Harbour news', text });
    // No `source`: its text cannot be read back when the row goes.
    const older = Array.from({ length: 40 }, (_, i) => row(i, i % 2 ? 'the pier reopened' : 'ferries resumed'));
    database.transaction(() => database.lexical.update(older));
    // Two rows of forty: counted row by row, until the removed row's text cannot be read.
    database.transaction(() => database.lexical.update([row(40, 'one more pier story')], [1]));
    expect(counts(file).kept).toEqual(counts(file).fts5);
    expect(database.lexical.frequency('pier')).toBe(20);
    database.close();
  });

  it('is read from FTS5 while the table is empty (an index written before it existed)', async () => {
    const file = join(await tempDir(), 'index.sqlite');
    const database = new IndexDatabase(file);
    database.transaction(() => database.lexical.update([{ label: 0, title: '', text: 'pier reopened' }, { label: 1, title: '', text: 'pier closed' }]));
    database.close();
    const raw = new Database(file);
    raw.exec('DELETE FROM term_rows');
    raw.close();
    const reopened = new IndexDatabase(file);
    expect(reopened.lexical.frequency('pier')).toBe(2);
    expect(reopened.lexical.frequency('harbour')).toBe(0);
    reopened.transaction(() => reopened.lexical.update([{ label: 2, title: '', text: 'pier' }]));
    expect(counts(file).kept).toEqual(counts(file).fts5);
    reopened.close();
  });
});
