import { connect } from 'node:net';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { postJson, spawnServer, startTestServer, type ServerProcess, type TestServer } from '../helpers/server.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, REQUEST_TIMEOUT_MS: '3000' });
});
afterAll(async () => {
  await server.close();
  await seed.cleanup();
});

const QUESTIONS = ['When does Vietnam International Digital Week 2025 take place?', 'Who did Minister Nguyen Manh Hung meet on January 14?', 'What is the capital of Australia?', 'How much of its budget will NATIF allocate to AI?'];

describe('the server under load (loopback only, bounded)', () => {
  it('serves 50 concurrent clients for 20 s without errors or unbounded memory growth', async () => {
    const proc: ServerProcess = await spawnServer({ INDEX_DIR: seed.indexDir, CORPUS_DIR: seed.corpusDir });
    let i = 0;
    // The client waits longer than the server's own 15 s request timeout: a stuck request shows up as a 503, not as a client give-up.
    const load = (duration: number) =>
      autocannon({
        url: `${proc.url}/ask`,
        connections: 50,
        duration,
        timeout: 20,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: QUESTIONS[i++ % QUESTIONS.length] }) }) }],
      });
    // The first seconds of load grow the heap to its working size; growth after that would be a leak.
    const warmUp = await load(5);
    const rssWarm = await proc.rssBytes();
    const result = await load(15);
    const rssAfter = await proc.rssBytes();
    expect(await proc.stop()).toBe(0);
    const summary = JSON.stringify({ errors: warmUp.errors + result.errors, timeouts: warmUp.timeouts + result.timeouts, non2xx: warmUp.non2xx + result.non2xx, total: warmUp.requests.total + result.requests.total, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, rssWarmMb: rssWarm / 1e6, rssAfterMb: rssAfter / 1e6 });
    console.log(`load: ${summary}`);
    for (const r of [warmUp, result]) {
      expect(r.errors, summary).toBe(0);
      expect(r.timeouts, summary).toBe(0);
      expect(r.non2xx, summary).toBe(0);
    }
    expect(warmUp.requests.total + result.requests.total, summary).toBeGreaterThan(500);
    expect((rssAfter - rssWarm) / 1e6, summary).toBeLessThan(100);
  }, 90_000);

  it('drops clients that send their headers byte by byte and keeps answering others', async () => {
    const port = Number(new URL(server.url).port);
    const closedAfter: number[] = [];
    const started = Date.now();
    const slow = Array.from({ length: 20 }, () => {
      const socket = connect(port, '127.0.0.1');
      const request = 'POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Padding: ' + 'a'.repeat(200);
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < request.length && !socket.destroyed) socket.write(request[sent++]);
      }, 100);
      return new Promise<void>((resolve) => {
        socket.on('close', () => {
          clearInterval(timer);
          closedAfter.push(Date.now() - started);
          resolve();
        });
        socket.on('error', () => {});
      });
    });
    const res = await postJson(`${server.url}/ask`, { question: QUESTIONS[1] });
    expect(res.status).toBe(200);
    await Promise.race([Promise.all(slow), new Promise((r) => setTimeout(r, 15_000))]);
    expect(closedAfter).toHaveLength(20);
    expect(Math.max(...closedAfter)).toBeLessThan(15_000);
  }, 30_000);

  it('limits requests per IP with 429 and Retry-After', async () => {
    const limited = await startTestServer(seed.indexDir, { RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof postJson>> | null = null;
      for (let n = 0; n < 5; n++) {
        last = await postJson(`${limited.url}/ask`, { question: QUESTIONS[0] });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last!.json.error).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await limited.close();
    }
  });
});
