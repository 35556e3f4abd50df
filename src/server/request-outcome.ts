import type { Request, RequestHandler, Response } from 'express';

/** What /ask reports about its answer for the request log and the metrics (never the question). */
export interface AskOutcome {
  answered: boolean;
  retrieveMs: number;
  answerMs: number;
}

declare global {
  // Express types res.locals through this global namespace.
  namespace Express {
    interface Locals {
      /** Set by /ask once it has an answer. */
      ask?: AskOutcome;
      /** An unexpected error the request failed with (logged with its request). */
      error?: unknown;
    }
  }
}

/** One finished (or abandoned) request. `path` has no query string; `route` is the matched route pattern. */
export interface FinishedRequest {
  method: string;
  path: string;
  route: string;
  status: number;
  ms: number;
  /** The client went away before the response was complete. */
  aborted: boolean;
  ask?: AskOutcome;
  error?: unknown;
}

export function noteAskOutcome(res: Response, outcome: { answered: boolean; timings: { retrieveMs: number; answerMs: number } }): void {
  res.locals.ask = { answered: outcome.answered, retrieveMs: outcome.timings.retrieveMs, answerMs: outcome.timings.answerMs };
}

/** Calls `onFinished` exactly once per request, when its response is complete or its connection closed. */
export function observeRequests(...onFinished: Array<(request: FinishedRequest) => void>): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const path = req.originalUrl.split('?')[0];
    let reported = false;
    const report = () => {
      if (reported) return;
      reported = true;
      const request = describeFinished(req, res, path, performance.now() - started);
      for (const listener of onFinished) listener(request);
    };
    res.once('finish', report);
    res.once('close', report);
    next();
  };
}

function describeFinished(req: Request, res: Response, path: string, ms: number): FinishedRequest {
  const { ask, error } = res.locals;
  return {
    method: req.method,
    path,
    route: routePattern(req, res.statusCode),
    status: res.statusCode,
    ms: Math.round(ms * 10) / 10,
    aborted: !res.writableFinished,
    ...(ask ? { ask } : {}),
    ...(error === undefined ? {} : { error }),
  };
}

/** The route's pattern ("/documents/*docId"), so that metric labels stay few whatever the paths. */
function routePattern(req: Request, status: number): string {
  const route: unknown = req.route;
  const pattern = typeof route === 'object' && route !== null && 'path' in route ? route.path : undefined;
  if (typeof pattern === 'string') return pattern;
  return status === 404 ? '(not found)' : '(no route)';
}
