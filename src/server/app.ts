import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { hostCheck } from './host-check.js';
import { errorHandler, notFound, sendError } from './http-errors.js';
import type { IndexHolder } from './index-holder.js';
import { metricsRouter, type ServerMetrics } from './metrics.js';
import { logRequest } from './request-log.js';
import { observeRequests } from './request-outcome.js';
import { askRouter } from './routes/ask.js';
import { documentsRouter } from './routes/documents.js';
import { healthRouter } from './routes/health.js';
import { suggestionsRouter } from './routes/suggestions.js';

export interface AppOptions {
  config: Config;
  holder: IndexHolder;
  logger: Logger;
  metrics: ServerMetrics;
  /** Extra routers mounted before the 404 handler (admin, UI). */
  extraRouters?: RequestHandler[];
  /** The port actually listened on (PORT may be 0): the Host check accepts HOST:<this port>. */
  listeningPort?: () => number;
}

export function createApp({ config, holder, logger, metrics, extraRouters = [], listeningPort = () => config.port }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(hostCheck(config.host, listeningPort, config.server.allowedHosts));
  app.use(observeRequests(logRequest(logger), (request) => metrics.observe(request)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // Served over plain HTTP on the user's own machine: HSTS would break it.
      strictTransportSecurity: false,
    }),
  );
  app.use(requestTimeout(config.server.requestTimeoutMs));
  if (config.server.rateLimitPerMinute > 0) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: config.server.rateLimitPerMinute,
        standardHeaders: 'draft-7',
        legacyHeaders: false,
        handler: (_req, res, _next, options) =>
          sendError(res, options.statusCode, 'RATE_LIMITED', `Too many requests: at most ${config.server.rateLimitPerMinute} per minute. Retry after the number of seconds in the Retry-After header.`),
      }),
    );
  }
  app.use(express.json({ limit: config.server.bodyLimit, strict: false, type: ['application/json', 'application/*+json'] }));
  app.use(askRouter(holder, config.server.askMaxInFlight), healthRouter(holder), metricsRouter(metrics), documentsRouter(holder), suggestionsRouter(holder), ...extraRouters);
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/** Answers 503 when a request runs longer than the limit, instead of leaving the client hanging. */
function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => sendError(res, 503, 'TIMEOUT', `The request took longer than ${ms} ms and was abandoned. Try again.`), ms);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
