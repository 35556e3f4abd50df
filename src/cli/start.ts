/**
 * npm start — builds the index from the bundled corpus if none exists, then
 * serves the chat page and the API. SIGTERM / SIGINT finish in-flight requests.
 */
import { loadConfig } from '../config.js';
import { startServer } from '../server/index.js';
import { whyIndexIsNeeded } from '../store/index.js';
import { runIngest } from './ingest.js';
import { runCommand } from './run-command.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const reason = await whyIndexIsNeeded(config.indexDir);
  if (reason !== null) {
    console.error(`${reason}: indexing ${config.corpusDir} first.`);
    await runIngest(config);
  }
  const running = await startServer(config);
  console.error(`newsdesk-qa is answering at ${running.url} (chat page: ${running.url}/)`);
  const shutdown = (signal: string) => {
    console.error(`${signal} received: finishing in-flight requests, then exiting.`);
    void running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

runCommand(main);
