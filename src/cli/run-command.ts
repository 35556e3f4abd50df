import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { createLogger, DEFAULT_LOG_SETTINGS, statusLogger } from '../logging.js';

export type Command = (config: Config, logger: Logger) => Promise<void>;

/**
 * Runs a command with the configuration and its logger; a failure logs one line a user can act on
 * (the problem and its fix, not a stack) and sets exit code 1.
 */
export function runCommand(main: Command): void {
  // The configuration may be what fails: until it is read, the default log settings apply.
  let logger = createLogger(DEFAULT_LOG_SETTINGS);
  const run = async () => {
    const config = loadConfig();
    logger = createLogger(config);
    await main(config, logger);
  };
  run().catch((error: unknown) => {
    statusLogger(logger).error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}

/** Like `runCommand`, but only when this module is the file node was started with (so tests and benches can import it). */
export function runIfEntryPoint(moduleUrl: string, main: Command): void {
  if (moduleUrl === `file://${process.argv[1]}`) runCommand(main);
}
