import type { Logger } from 'pino';
import type { FinishedRequest } from './request-outcome.js';

/**
 * One short line per request: method, path, status, duration, and for /ask whether it answered and
 * its timings. Never the headers or the body (the question is user data).
 */
export function logRequest(logger: Logger): (request: FinishedRequest) => void {
  return ({ method, path, status, ms, aborted, ask, error }) => {
    const line = { method, path, status, ms, ...(aborted ? { aborted } : {}), ...ask, ...(error === undefined ? {} : { err: error }) };
    const message = `${method} ${path} ${status} ${ms}ms`;
    if (status >= 500 || error !== undefined) logger.error(line, message);
    else if (status >= 400) logger.warn(line, message);
    else logger.info(line, message);
  };
}
