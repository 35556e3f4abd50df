import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';
import { prng } from '../../bench/synthetic-corpus.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;
const TOKEN = 'fuzz-token';

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, ADMIN_TOKEN: TOKEN, BODY_LIMIT: '8kb' });
});
afterAll(async () => {
  await server.close();
  await seed.cleanup();
});

function fuzzCase(rand: () => number): { path: string; method: string; headers: Record<string, string>; body: string | undefined } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(rand() * 0x2fff))).join('');
  const value = (depth: number): unknown =>
    pick<() => unknown>([
      () => null,
      () => rand() * 1e9 - 5e8,
      () => junk(Math.floor(rand() * 40)),
      () => pick([true, false]),
      () => (depth > 2 ? 1 : Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1))),
      () => (depth > 2 ? {} : Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(['question', 'k', 'history', 'filters', 'role', 'text', junk(5)]), value(depth + 1)]))),
    ])();
  // Every body is invalid by construction: a wrong type for a required field, an unknown field, or broken JSON.
  const bodies = [
    () => JSON.stringify({ question: value(1), k: value(1), bogus: 1 }),
    () => JSON.stringify({ question: 'ok', k: pick([0, 21, -1, 1.5, '5', null, 1e12]) }),
    () => JSON.stringify({ question: 'ok', history: value(0), filters: { after: junk(8) } }),
    () => JSON.stringify(value(0)).slice(0, Math.floor(rand() * 50)) + junk(3),
    () => junk(Math.floor(rand() * 200)),
    () => JSON.stringify({ question: 'x'.repeat(2001 + Math.floor(rand() * 20000)) }),
    () => JSON.stringify({ text: value(1), title: value(1), published: junk(6), extra: 1 }),
  ];
  const path = pick(['/ask', '/ask', '/ask', '/admin/reindex', '/admin/documents', `/admin/reindex/${encodeURIComponent(junk(6))}`, `/ask?${encodeURIComponent(junk(10))}=${encodeURIComponent(junk(10))}`, `/documents/${encodeURIComponent(junk(8))}`, `/${encodeURIComponent(junk(4))}`]);
  const method = pick(['POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH']);
  const headers: Record<string, string> = { 'content-type': pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) };
  if (path.startsWith('/admin')) headers.authorization = pick([`Bearer ${TOKEN}`, 'Bearer nope', '']);
  if (path.startsWith('/admin/documents') || path.startsWith('/admin/reindex')) {
    // Never start a real job: only invalid document bodies, and reindex only without a valid token.
    if (path === '/admin/reindex' && method === 'POST') headers.authorization = 'Bearer nope';
  }
  return { path, method, headers, body: method === 'GET' ? undefined : pick(bodies)() };
}

describe('fuzzing the API (seeded, bounded)', () => {
  it('answers a few thousand malformed requests with JSON 4xx, never 5xx or a hang, then still answers', async () => {
    const rand = prng(20261124);
    const cases = Array.from({ length: 3000 }, () => fuzzCase(rand));
    const failures: string[] = [];
    for (let i = 0; i < cases.length; i += 25) {
      await Promise.all(
        cases.slice(i, i + 25).map(async (c) => {
          const res = await fetch(`${server.url}${c.path}`, { method: c.method, headers: c.headers, body: c.body, signal: AbortSignal.timeout(10_000) });
          const text = await res.text();
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* reported below */
          }
          const isJsonError = typeof json === 'object' && json !== null && 'error' in json;
          if (res.status < 400 || res.status >= 500 || !isJsonError) failures.push(`${c.method} ${c.path} -> ${res.status} ${text.slice(0, 120)}`);
        }),
      );
    }
    expect(failures.slice(0, 10)).toEqual([]);
    const ok = await postJson(`${server.url}/ask`, { question: 'Who did Minister Nguyen Manh Hung meet on January 14?' });
    expect(ok.status).toBe(200);
    expect((ok.json as { answer: string }).answer).toContain('Amandeep Singh Gill');
  }, 120_000);
});
