import { Router } from 'express';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { methodNotAllowed } from './http-errors.js';
import type { IndexHolder } from './index-holder.js';
import type { ReindexJob } from './reindex-jobs.js';
import type { FinishedRequest } from './request-outcome.js';

/** Where the last ingest's outcome is read from: the server's job history, newest first. */
export interface JobHistory {
  list(): ReindexJob[];
}

interface IngestOutcome {
  /** Unix time in seconds. */
  finishedAt: number;
  /** 1 = succeeded, 0 = failed. */
  succeeded: number;
}

/**
 * The server's Prometheus metrics, in a registry of its own (not prom-client's global one), so that
 * several servers in one process (the tests) count separately.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'newsdesk_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'newsdesk_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its response, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly asks = new Counter({
    name: 'newsdesk_ask_answers_total',
    help: 'Answers given by /ask: answered="true" when the articles answered, "false" when the answer says they do not.',
    labelNames: ['answered'] as const,
    registers: [this.registry],
  });

  constructor(holder: IndexHolder, jobs: JobHistory) {
    const manifest = () => holder.loaded?.store.manifest;
    const ingest = () => lastIngest(jobs, holder);
    this.gaugeReadOnScrape('newsdesk_index_documents', 'Documents in the index version being served (0 when none is loaded).', () => Object.keys(manifest()?.documents ?? {}).length);
    this.gaugeReadOnScrape('newsdesk_index_passages', 'Passages in the index version being served (0 when none is loaded).', () => manifest()?.passages ?? 0);
    this.gaugeReadOnScrape(
      'newsdesk_last_ingest_timestamp_seconds',
      'When the last ingest finished (Unix time): the last recorded re-index job, else the build of the served index.',
      () => ingest()?.finishedAt,
    );
    this.gaugeReadOnScrape('newsdesk_last_ingest_success', '1 when the last ingest succeeded, 0 when it failed.', () => ingest()?.succeeded);
  }

  observe(request: FinishedRequest): void {
    const { method, route, status, ms, ask } = request;
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, ms / 1000);
    if (ask) this.asks.inc({ answered: String(ask.answered) });
  }

  /** A gauge whose value is read when scraped; `read` giving undefined (nothing known yet) leaves it unset. */
  private gaugeReadOnScrape(name: string, help: string, read: () => number | undefined): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        const value = read();
        if (value !== undefined) this.set(value);
      },
    });
  }
}

/** The newest finished job; without one (the index was built by npm run ingest or npm start), the served index's build. */
function lastIngest(jobs: JobHistory, holder: IndexHolder): IngestOutcome | null {
  const job = jobs.list().find((j) => j.finishedAt !== null && (j.status === 'succeeded' || j.status === 'failed'));
  if (job?.finishedAt) return { finishedAt: Date.parse(job.finishedAt) / 1000, succeeded: job.status === 'succeeded' ? 1 : 0 };
  const builtAt = holder.loaded?.store.manifest.builtAt;
  return builtAt ? { finishedAt: Date.parse(builtAt) / 1000, succeeded: 1 } : null;
}

/** GET /metrics in the Prometheus text format. */
export function metricsRouter(metrics: ServerMetrics): Router {
  const router = Router();
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
