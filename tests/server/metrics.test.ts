import { describe, expect, it } from 'vitest';
import { ServerMetrics } from '../../src/server/index.js';
import { postJson, useSeedServer } from '../helpers/server.js';

// Open like /health even when the admin routes are enabled: counts and sizes only, no user data.
const ctx = useSeedServer({ ADMIN_TOKEN: 'metrics-test-token' });

async function scrape(): Promise<string> {
  const res = await fetch(`${ctx.server.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one series (name and labels exactly as exposed), 0 when it is absent. */
function sample(exposition: string, series: string): number {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('answers the Prometheus text format without the admin token', async () => {
    const res = await fetch(`${ctx.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const type of ['newsdesk_http_requests_total counter', 'newsdesk_http_request_duration_seconds histogram', 'newsdesk_ask_answers_total counter', 'newsdesk_index_documents gauge']) {
      expect(text).toContain(`# TYPE ${type}`);
    }
  });

  it('counts requests by method, route and status, and their latency', async () => {
    const health = 'newsdesk_http_requests_total{method="GET",route="/health",status="200"}';
    const latency = 'newsdesk_http_request_duration_seconds_count{method="GET",route="/health"}';
    const before = await scrape();
    await fetch(`${ctx.server.url}/health`);
    const after = await scrape();
    expect(sample(after, health)).toBe(sample(before, health) + 1);
    expect(sample(after, latency)).toBe(sample(before, latency) + 1);
  });

  it('counts /ask answers by whether the articles answered', async () => {
    const answered = 'newsdesk_ask_answers_total{answered="true"}';
    const notAnswered = 'newsdesk_ask_answers_total{answered="false"}';
    const before = await scrape();
    await postJson(`${ctx.server.url}/ask`, { question: 'Who did Minister Nguyen Manh Hung meet on January 14?' });
    await postJson(`${ctx.server.url}/ask`, { question: 'What is the recipe for a chocolate soufflé?' });
    const after = await scrape();
    expect(sample(after, answered)).toBe(sample(before, answered) + 1);
    expect(sample(after, notAnswered)).toBe(sample(before, notAnswered) + 1);
    expect(sample(after, 'newsdesk_http_requests_total{method="POST",route="/ask",status="200"}')).toBe(sample(before, 'newsdesk_http_requests_total{method="POST",route="/ask",status="200"}') + 2);
  });

  it('reports the served index size and the last ingest', async () => {
    const health = (await (await fetch(`${ctx.server.url}/health`)).json()) as { index: { documents: number; passages: number; builtAt: string } };
    const text = await scrape();
    expect(sample(text, 'newsdesk_index_documents')).toBe(5);
    expect(sample(text, 'newsdesk_index_documents')).toBe(health.index.documents);
    expect(sample(text, 'newsdesk_index_passages')).toBe(health.index.passages);
    expect(sample(text, 'newsdesk_last_ingest_timestamp_seconds')).toBe(Date.parse(health.index.builtAt) / 1000);
    expect(sample(text, 'newsdesk_last_ingest_success')).toBe(1);
  });

  it('keeps each server its own registry, so several servers in one process do not collide', () => {
    const { holder, jobs } = ctx.server;
    expect(() => [new ServerMetrics(holder, jobs), new ServerMetrics(holder, jobs)]).not.toThrow();
  });
});
