/**
 * Child-process entry used by the server's re-index jobs: runs one
 * incremental ingest off the server's event loop and reports progress and
 * the outcome over IPC. Not meant to be run by hand (use npm run ingest).
 */
import { loadConfig } from '../config.js';
import { loadEmbedder } from '../embed/index.js';
import { NewsdeskError } from '../errors.js';
import type { WorkerMessage } from '../server/index.js';
import { updateFromConfig } from './ingest.js';

const send = (message: WorkerMessage) => process.send?.(message);

async function main(): Promise<void> {
  const config = loadConfig();
  const embedder = await loadEmbedder(config);
  const summary = await updateFromConfig(config, embedder, {
    lockOwner: process.env.NEWSDESK_LOCK_OWNER ?? `server re-index pid ${process.pid}`,
    onProgress: (embedded, total) => send({ type: 'progress', embedded, total }),
    onWarning: (message) => send({ type: 'warning', message }),
  });
  send({ type: 'done', summary });
}

main()
  .catch((error: unknown) => {
    send(error instanceof NewsdeskError ? { type: 'failed', code: error.code, message: error.message } : { type: 'failed', code: 'INGEST_FAILED', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  })
  .finally(() => process.disconnect?.());
