/**
 * BM25 queries on a worker thread (lexical-search-worker.ts) with its own connection to the index
 * database: the main thread answers one request while the worker scores the next one's passages.
 * Queries are answered in the order sent. A worker that dies is reported as unavailable and the
 * caller searches on its own thread instead.
 */
import type { Worker } from 'node:worker_threads';
import type { LexicalMatch, LexicalQuery } from './lexical-store.js';
import { startWorker } from './worker-thread.js';

export interface SearchRequest {
  id: number;
  queries: readonly LexicalQuery[];
}

export type SearchReply = { id: number; results: Array<{ labels: Float64Array; scores: Float64Array }> } | { id: number; error: string };

/** The search worker stopped or could not start: search on the calling thread. */
export class SearchWorkerUnavailableError extends Error {}

interface Pending {
  resolve: (results: LexicalMatch[][]) => void;
  reject: (error: Error) => void;
}

/** The worker holds a database connection and one request's rows at a time: a small heap keeps its memory small. */
const SEARCH_WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };

export class LexicalSearcher {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed = false;

  constructor(file: string) {
    this.worker = startWorker('lexical-search-worker', import.meta.url, file, SEARCH_WORKER_LIMITS);
    this.worker.unref(); // it keeps the process alive only while a search waits for it
    this.worker.on('message', (reply: SearchReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the search worker exited')));
  }

  /** Searches sent and not yet answered. */
  get queued(): number {
    return this.pending.size;
  }

  search(queries: readonly LexicalQuery[]): Promise<LexicalMatch[][]> {
    if (this.failed) return Promise.reject(new SearchWorkerUnavailableError('the search worker stopped'));
    const id = this.nextId++;
    return new Promise<LexicalMatch[][]>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      const request: SearchRequest = { id, queries };
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failed = true;
    await this.worker.terminate();
  }

  private settle(reply: SearchReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.results.map(({ labels, scores }) => Array.from(labels, (label, i) => ({ label, score: scores[i] }))));
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const { reject } of this.pending.values()) reject(new SearchWorkerUnavailableError(error.message));
    this.pending.clear();
  }
}
