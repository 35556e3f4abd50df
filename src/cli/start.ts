/**
 * npm start — builds the index from the bundled corpus if none exists, then
 * serves the chat page and the API. SIGTERM / SIGINT finish in-flight requests.
 */
import v8 from 'node:v8';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { statusLogger } from '../logging.js';
import { startServer } from '../server/index.js';
import { declaredDimensions } from '../embed/index.js';
import { whyIndexIsNeeded } from '../store/index.js';
import { runIngest } from './ingest.js';
import { runCommand } from './run-command.js';

/**
 * V8 grows its old generation to several times what was live at the last full collection before it
 * collects again, and hands freed pages back lazily: under load a server's memory then follows the
 * requests it served, not what it holds. A growth factor keeps it near what it holds.
 */
function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

async function main(config: Config, logger: Logger): Promise<void> {
  limitHeapGrowth(config.server.heapGrowthPercent);
  const status = statusLogger(logger);
  const model = config.embedding.model;
  const reason = await whyIndexIsNeeded(config.indexDir, { model, dimensions: declaredDimensions({ modelsDir: config.modelsDir, modelId: model }) });
  if (reason !== null) {
    status.info(`${reason}: indexing ${config.corpusDir} first.`);
    await runIngest(config, logger);
  }
  const running = await startServer(config, { logger });
  status.info(`newsdesk-qa is answering at ${running.url} (chat page: ${running.url}/)`);
  const shutdown = (signal: string) => {
    status.info(`${signal} received: finishing in-flight requests, then exiting.`);
    void running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

runCommand(main);
