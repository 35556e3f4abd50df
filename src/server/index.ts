/** Public surface of the HTTP server: POST /ask, GET /health, GET /metrics, GET /documents/:docId and the chat page. */
export { createApp, type AppOptions } from './app.js';
export { startServer, loadModels, type RunningServer } from './server.js';
export { ServerMetrics, metricsRouter } from './metrics.js';
export { IndexHolder } from './index-holder.js';
export { AskRequestSchema, type AskRequest } from './schemas.js';
export { ReindexJobs, IngestBusyError, type ReindexJob } from './reindex-jobs.js';
export type { IngestRequest, WorkerMessage } from './ingest-process.js';
export { adminRouter } from './routes/admin.js';
export { watchCorpus } from './corpus-watcher.js';
