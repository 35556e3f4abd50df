import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { NewsdeskError } from '../errors.js';

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  if (res.headersSent) return;
  res.status(status).json({ error: details === undefined ? { code, message } : { code, message, details } });
}

export const notFound: RequestHandler = (req, res) => sendError(res, 404, 'NOT_FOUND', `No route for ${req.method} ${req.path}.`);

export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`);
  };
}

/** Turns every error into the JSON error shape; never leaks a stack trace. An error answered with a 5xx is logged on its request's line. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const e = error as { type?: string; status?: number; statusCode?: number; message?: string };
  if (error instanceof NewsdeskError) {
    if (error.status >= 500) res.locals.error = error;
    return sendError(res, error.status, error.code, error.message, error.details);
  }
  if (e.type === 'entity.too.large') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'INVALID_JSON', 'The request body is not valid JSON.');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON.');
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, status, 'BAD_REQUEST', 'The request could not be read.');
  res.locals.error = error;
  sendError(res, 500, 'INTERNAL_ERROR', 'Something went wrong on the server. The error was logged.');
};
