import type { Logger } from 'pino';
import { createLogger, type LogSettings } from '../../src/logging.js';

export interface CapturedLogs {
  logger: Logger;
  /** The raw JSON lines, in order. */
  lines: string[];
  /** The lines from index `from` on, parsed. */
  records(from?: number): Array<Record<string, unknown>>;
}

/** A JSON-lines logger whose output is kept in memory. */
export function captureLogs(level: LogSettings['logLevel'] = 'info'): CapturedLogs {
  const lines: string[] = [];
  const logger = createLogger({ logLevel: level, logFormat: 'json' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, records: (from = 0) => lines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>) };
}
