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

export type GraphBuilderMessage = { type: 'add'; labels: Int32Array; vectors: Float32Array } | { type: 'write'; file: string };
export type GraphWorkerReply = { type: 'written' } | { type: 'failed'; message: string };

export class GraphBuilder {
  private failure: Error | null = null;
  private readonly worker: Worker;

  constructor(private readonly settings: GraphSettings) {
    this.worker = startWorker('graph-worker', import.meta.url, settings);
    this.worker.on('error', (error) => (this.failure ??= error));
    this.worker.on('message', (reply: GraphWorkerReply) => {
      if (reply.type === 'failed') this.failure ??= new Error(reply.message);
    });
  }

  /** Queues points for the graph (their vectors are copied into one buffer handed to the worker). */
  add(labels: readonly number[], vectors: readonly Float32Array[]): void {
    if (this.failure) throw this.failure;
    const packed = new Float32Array(vectors.length * this.settings.dimensions);
    vectors.forEach((v, i) => packed.set(v, i * this.settings.dimensions));
    const ids = Int32Array.from(labels);
    const message: GraphBuilderMessage = { type: 'add', labels: ids, vectors: packed };
    this.worker.postMessage(message, [ids.buffer, packed.buffer]);
  }

  /** Waits for every queued point to be added, then for the graph to be written to `file`; the worker then ends. */
  write(file: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the vector graph's worker stopped (exit code ${code})`)));
      this.worker.on('message', (reply: GraphWorkerReply) => {
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
