/** Public surface of the HTTP server: POST /ask, GET /health, GET /documents/:docId and the chat page. */
export { createApp, type AppOptions } from './app.js';
export { startServer, createLogger, loadModels, type RunningServer } from './server.js';
export { IndexHolder } from './index-holder.js';
export { AskRequestSchema, type AskRequest } from './schemas.js';
export { ReindexJobs, IngestBusyError, type ReindexJob, type WorkerMessage } from './reindex-jobs.js';
export { adminRouter } from './routes/admin.js';
export { watchCorpus } from './corpus-watcher.js';
