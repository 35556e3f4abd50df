/**
 * Child-process entry used by the server's re-index jobs (src/server/ingest-process.ts): loads the
 * embedding model once, then runs one incremental ingest per request, off the server's event loop,
 * reporting progress and the outcome over IPC. It exits when the server goes away. Not meant to be
 * run by hand (use npm run ingest).
 */
import { loadConfig } from '../config.js';
import { loadEmbedder, type Embedder } from '../embed/index.js';
import { NewsdeskError } from '../errors.js';
import { primeSkeletonCache, type SkeletonCache } from '../store/index.js';
import type { IngestRequest, WorkerMessage } from '../server/index.js';
import { updateFromConfig } from './ingest.js';

const send = (message: WorkerMessage) => process.send?.(message);
const config = loadConfig();
let embedder: Promise<Embedder> | null = null;
let queue: Promise<void> = Promise.resolve();
/** The version written last stays in memory: the next upload does not read the manifest and passages again. */
const cache: SkeletonCache = { skeleton: null };

async function run(request: IngestRequest): Promise<void> {
  try {
    embedder ??= loadEmbedder(config);
    const summary = await updateFromConfig(config, await embedder, {
      lockOwner: request.lockOwner,
      paths: request.paths ?? undefined,
      cache,
      onProgress: (embedded, total) => send({ type: 'progress', embedded, total }),
      onWarning: (message) => send({ type: 'warning', message }),
    });
    send({ type: 'done', summary });
  } catch (error) {
    cache.skeleton = null;
    send(error instanceof NewsdeskError ? { type: 'failed', code: error.code, message: error.message } : { type: 'failed', code: 'INGEST_FAILED', message: error instanceof Error ? error.message : String(error) });
  }
}

process.on('message', (request: IngestRequest) => {
  if (request.type === 'run') queue = queue.then(() => run(request));
});
process.on('disconnect', () => process.exit(0));
// The model and the served version's skeleton are loaded ahead of the first request, so that it does not wait for them.
embedder = loadEmbedder(config);
embedder.catch(() => (embedder = null));
queue = primeSkeletonCache(config.indexDir, cache).catch(() => undefined);
