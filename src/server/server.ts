import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { openAiCompatibleChat, warmUpAnswering, type EngineModels } from '../answer/index.js';
import type { Config } from '../config.js';
import { PortInUseError } from '../errors.js';
import { createLogger } from '../logging.js';
import { loadEmbedder } from '../embed/index.js';
import { createApp } from './app.js';
import { DocumentIntake } from './document-intake.js';
import { watchCorpus } from './corpus-watcher.js';
import { IndexHolder } from './index-holder.js';
import { ServerMetrics } from './metrics.js';
import { ReindexJobs } from './reindex-jobs.js';
import { adminRouter } from './routes/admin.js';
import { uiRouter } from '../ui/index.js';

export interface RunningServer {
  server: Server;
  holder: IndexHolder;
  jobs: ReindexJobs;
  url: string;
  close(): Promise<void>;
}

/** The index's embedder and the answerer's sentence model (one instance when they are the same model). */
export async function loadModels(config: Config, given: Partial<EngineModels> = {}): Promise<EngineModels> {
  const embedder = given.embedder ?? (await loadEmbedder(config));
  const sentenceModel = config.embedding.sentenceModel;
  const sentenceEmbedder = given.sentenceEmbedder ?? (sentenceModel === embedder.modelId ? embedder : await loadEmbedder(config, sentenceModel));
  const llm = given.llm ?? (config.llm ? { chat: await openAiCompatibleChat(config.llm), name: config.llm.model, settings: { timeoutMs: config.llm.timeoutMs, maxPassages: config.llm.maxPassages } } : undefined);
  return { embedder, sentenceEmbedder, llm };
}

/** Loads the model and the index, then listens. `close()` lets in-flight requests finish. */
export async function startServer(config: Config, deps: Partial<EngineModels> & { logger?: Logger } = {}): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config);
  const models = loadModels(config, deps);
  const log = { info: (m: string) => logger.info(m), error: (m: string) => logger.error(m) };
  const holder = new IndexHolder(config.indexDir, models, log);
  const refreshed = holder.refresh(); // reads the index while the models load
  refreshed.catch(() => undefined); // awaited below, unless the models fail first
  await models; // with no index yet, refresh() does not wait for them
  warmUpAnswering(); // while the index's vector graph is still being read, on another thread
  await refreshed;
  const jobs = new ReindexJobs(config, () => holder.refresh(), log);
  const intake = new DocumentIntake(config, holder);
  let port = config.port;
  const metrics = new ServerMetrics(holder, jobs);
  const app = createApp({ config, holder, logger, metrics, extraRouters: [adminRouter(config, jobs, intake), uiRouter()], listeningPort: () => port });
  // Slow or stalled clients must not hold sockets forever: the header and request time-outs are
  // checked every second (Node's default is every 30 s, which let a slow client stay up to 30 s past them).
  const server = createServer(
    { headersTimeout: Math.min(10_000, config.server.requestTimeoutMs), requestTimeout: config.server.requestTimeoutMs + 1_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 },
    app,
  );
  await listen(server, config);
  port = (server.address() as AddressInfo).port;
  // Only a server that holds its port polls the index, resumes jobs and watches the corpus.
  holder.startPolling(config.server.indexPollMs);
  // Uploads and corpus changes are indexed by a process kept warm, so that a new article is answerable in seconds.
  if (config.server.adminToken !== '' || config.server.watchCorpus) jobs.warmUp();
  await jobs.resume(); // jobs a previous server left running or queued are run again
  const watcher = config.server.watchCorpus ? watchCorpus(config.corpusDir, jobs, config.server.watchDebounceMs, log) : null;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  return {
    server,
    holder,
    jobs,
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        holder.stop();
        void watcher?.close();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await jobs.close();
      await jobs.flushed(); // the job history is on disk before the caller moves on
    },
  };
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.host, config.port) : error));
    server.listen(config.port, config.host, () => resolve());
  });
}
