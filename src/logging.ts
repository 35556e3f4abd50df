/**
 * The one logger factory of the server and the CLI commands: pretty lines when a person watches
 * (stderr is a terminal), JSON lines otherwise (LOG_FORMAT overrides the choice).
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type LogSettings = Pick<Config, 'logLevel' | 'logFormat'>;

export const DEFAULT_LOG_SETTINGS: LogSettings = { logLevel: 'info', logFormat: 'auto' };

/** A logger writing to `destination`, by default stderr in the format LOG_FORMAT asks for. */
export function createLogger(settings: LogSettings, destination: DestinationStream = stderrDestination(settings.logFormat)): Logger {
  return pino({ level: settings.logLevel, base: undefined }, destination);
}

/** Whether lines are written for a person to read rather than for a log collector. */
export function writesPrettyLines(format: LogSettings['logFormat'], stream: { isTTY?: boolean }): boolean {
  return format === 'pretty' || (format === 'auto' && stream.isTTY === true);
}

// Fields the request and progress lines already state in their message, hidden from pretty lines only.
const STATED_IN_MESSAGE = 'method,path,status,ms,done,total';

function stderrDestination(format: LogSettings['logFormat']): DestinationStream {
  // Synchronous writes: a command's last line (its error) must be out before the process exits,
  // and lines must not interleave with the progress bar's redraws.
  if (!writesPrettyLines(format, process.stderr)) return pino.destination({ dest: 2, sync: true });
  // Loaded only for a person watching: a server logging JSON lines need not pay its 60 ms of start-up.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return pretty({ destination: 2, sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: `pid,hostname,${STATED_IN_MESSAGE}` });
}

/**
 * The logger for a command's own status lines (where it serves, what it indexes, why it failed):
 * they are its output, so they show at LOG_LEVEL=warn or error too; only `silent` hides them.
 */
export function statusLogger(logger: Logger): Logger {
  return logger.level === 'silent' ? logger : logger.child({}, { level: 'info' });
}
