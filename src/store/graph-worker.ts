/**
 * The worker thread of GraphBuilder: adds the points it is sent to an HNSW graph, in the order sent,
 * then writes the graph to a file. See graph-builder.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';
import type { GraphBuilderMessage, GraphSettings, GraphWorkerReply } from './graph-builder.js';

const settings = workerData as GraphSettings;
const hnsw = new hnswlib.HierarchicalNSW('cosine', settings.dimensions);
hnsw.initIndex({ maxElements: Math.max(1, settings.maxElements), m: settings.m, efConstruction: settings.efConstruction, randomSeed: settings.randomSeed, allowReplaceDeleted: true });

function reply(message: GraphWorkerReply): void {
  parentPort!.postMessage(message);
}

/** The first point that could not be added: a graph missing it is never written. */
let failure: string | null = null;

parentPort!.on('message', (message: GraphBuilderMessage) => {
  if (message.type === 'add') {
    if (failure !== null) return;
    try {
      const { labels, vectors } = message;
      for (let i = 0; i < labels.length; i++) hnsw.addPoint(Array.from(vectors.subarray(i * settings.dimensions, (i + 1) * settings.dimensions)), labels[i]);
      parentPort!.postMessage({ type: 'added', vectors } satisfies GraphWorkerReply, [vectors.buffer]);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      reply({ type: 'failed', message: failure });
    }
    return;
  }
  if (failure !== null) return reply({ type: 'failed', message: failure });
  hnsw.writeIndex(message.file).then(
    () => reply({ type: 'written' }),
    (error: unknown) => reply({ type: 'failed', message: String(error) }),
  );
});
