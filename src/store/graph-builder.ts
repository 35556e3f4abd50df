/**
 * Builds a whole vector graph on a worker thread, point by point as the vectors are embedded, and
 * writes it to a file. Inserting into an HNSW graph is most of a full ingest's time after embedding
 * (60 s of the Vietnamese news archive's 185 s); on a second core it overlaps the embedding instead.
 * The points are added in the order given, with the same seed, so the graph is the one
 * `buildGraph` would make on the main thread.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-thread.js';

export interface GraphSettings {
  dimensions: number;
  maxElements: number;
  m: number;
  efConstruction: number;
  randomSeed: number;
}

export type GraphBuilderMessage = { type: 'add'; labels: Int32Array<ArrayBuffer>; vectors: Float32Array<ArrayBuffer> } | { type: 'write'; file: string };
/** `added` hands the batch's buffer back to be filled again. */
export type GraphWorkerReply = { type: 'added'; vectors: Float32Array<ArrayBuffer> } | { type: 'written' } | { type: 'failed'; message: string };

/**
 * Buffers handed back by the worker, kept for the next batches. Dropped by the worker instead, they
 * waited for its garbage collector, which runs only once tens of MB of them are dead. With this and
 * the texts to embed made per batch, a full ingest's peak RSS fell from 785-825 to 649 MB on the
 * 72k-passage English news archive and from 683 to 583 MB on the Vietnamese one, in the same time.
 */
const SPARE_BUFFERS = 8;
/** Larger buffers (the kept points of a compaction, sent at once) are not kept. */
const SPARE_MAX_VECTORS = 4096;

export class GraphBuilder {
  private failure: Error | null = null;
  private readonly worker: Worker;

  constructor(private readonly settings: GraphSettings) {
    this.worker = startWorker('graph-worker', import.meta.url, settings);
    this.worker.on('error', (error) => (this.failure ??= error));
    this.worker.on('message', (reply: GraphWorkerReply) => {
      if (reply.type === 'failed') this.failure ??= new Error(reply.message);
      if (reply.type === 'added' && this.spare.length < SPARE_BUFFERS && reply.vectors.length <= SPARE_MAX_VECTORS * settings.dimensions) this.spare.push(reply.vectors);
    });
  }

  private readonly spare: Array<Float32Array<ArrayBuffer>> = [];

  /** Queues points for the graph (their vectors are copied into one buffer handed to the worker, which hands it back). */
  add(labels: readonly number[], vectors: readonly Float32Array[]): void {
    if (this.failure) throw this.failure;
    const packed = this.bufferFor(vectors.length * this.settings.dimensions);
    vectors.forEach((v, i) => packed.set(v, i * this.settings.dimensions));
    const ids = Int32Array.from(labels);
    const message: GraphBuilderMessage = { type: 'add', labels: ids, vectors: packed };
    this.worker.postMessage(message, [ids.buffer, packed.buffer]);
  }

  /** A spare buffer large enough (the worker reads only as many vectors as there are labels), else a new one. */
  private bufferFor(length: number): Float32Array<ArrayBuffer> {
    const index = this.spare.findIndex((b) => b.length >= length);
    return index < 0 ? new Float32Array(length) : this.spare.splice(index, 1)[0];
  }

  /** Waits for every queued point to be added, then for the graph to be written to `file`; the worker then ends. */
  write(file: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the vector graph's worker stopped (exit code ${code})`)));
      this.worker.on('message', (reply: GraphWorkerReply) => {
        if (reply.type === 'added') return;
        if (reply.type === 'written' && !this.failure) resolve();
        else reject(this.failure ?? new Error(`the vector graph could not be built: ${reply.type === 'failed' ? reply.message : 'a point was not added'}`));
      });
      const message: GraphBuilderMessage = { type: 'write', file };
      this.worker.postMessage(message);
    }).finally(() => this.stop());
  }

  /** Ends the worker (after a write, or when the ingest fails). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
