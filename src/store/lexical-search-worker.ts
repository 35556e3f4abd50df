/** The worker thread of LexicalSearcher: BM25 queries on its own connection to the index database. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ftsQuery, SEARCH_SQL } from './fts-query.js';
import type { LexicalMatch } from './lexical-store.js';
import type { SearchReply, SearchRequest } from './lexical-searcher.js';

const db = new Database(workerData as string, { fileMustExist: true });
db.pragma('busy_timeout = 10000');
const search = db.prepare(SEARCH_SQL);

parentPort!.on('message', ({ id, queries }: SearchRequest) => {
  try {
    const results = queries.map((q) => {
      const query = ftsQuery(q.terms, q.required);
      const rows = query === null ? [] : (search.all(query, q.limit ?? -1) as LexicalMatch[]);
      return { labels: Float64Array.from(rows, (r) => r.label), scores: Float64Array.from(rows, (r) => r.score) };
    });
    const reply: SearchReply = { id, results };
    parentPort!.postMessage(reply, results.flatMap((r) => [r.labels.buffer, r.scores.buffer]));
  } catch (error) {
    const reply: SearchReply = { id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(reply);
  }
});
