import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex, tempDir } from '../helpers/fixtures.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let seed: Awaited<ReturnType<typeof buildSeedIndex>>;

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { BODY_LIMIT: '16kb' });
});
afterAll(async () => {
  await server.close();
  await seed.cleanup();
});

const error = (json: Record<string, unknown>) => json.error as { code: string; message: string; details?: { fields: Array<{ field: string }> } };

describe('the /ask contract: malformed requests get a JSON 4xx naming the problem', () => {
  const invalid: Array<[string, unknown, string]> = [
    ['missing question', {}, 'question'],
    ['blank question', { question: '   ' }, 'question'],
    ['too long question', { question: 'x'.repeat(2001) }, 'question'],
    ['question of the wrong type', { question: 42 }, 'question'],
    ['k out of range', { question: 'AI', k: 0 }, 'k'],
    ['k too large', { question: 'AI', k: 21 }, 'k'],
    ['k not an integer', { question: 'AI', k: 2.5 }, 'k'],
    ['k as a string', { question: 'AI', k: '5' }, 'k'],
    ['history too long', { question: 'AI', history: Array.from({ length: 21 }, () => ({ role: 'user', content: 'x' })) }, 'history'],
    ['bad history role', { question: 'AI', history: [{ role: 'system', content: 'x' }] }, 'history.0.role'],
    ['bad date filter', { question: 'AI', filters: { after: '2025-13-45' } }, 'filters.after'],
    ['unknown field', { question: 'AI', temperature: 2 }, '(body)'],
    ['an array body', [1, 2], '(body)'],
    ['a JSON string body', '"hello"', '(body)'],
  ];
  for (const [name, body, field] of invalid) {
    it(`400 INVALID_REQUEST for ${name}`, async () => {
      const res = await postJson(`${server.url}/ask`, body);
      expect(res.status).toBe(400);
      expect(error(res.json).code).toBe('INVALID_REQUEST');
      expect(error(res.json).details!.fields.map((f) => f.field)).toContain(field);
      expect(JSON.stringify(res.json)).not.toMatch(/\bat .*\.ts:\d+/); // no stack traces
    });
  }

  it('400 INVALID_JSON for unparseable JSON', async () => {
    const res = await postJson(`${server.url}/ask`, '{"question": ');
    expect(res.status).toBe(400);
    expect(error(res.json).code).toBe('INVALID_JSON');
  });

  it('415 when the body is not JSON', async () => {
    const res = await fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'question=AI' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('413 when the body is too large', async () => {
    const res = await postJson(`${server.url}/ask`, { question: 'AI', history: [{ role: 'user', content: 'x'.repeat(20_000) }] });
    expect(res.status).toBe(413);
    expect(error(res.json).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('404 for an unknown route and 405 for a wrong method, both JSON', async () => {
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const wrong = await fetch(`${server.url}/ask`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('stays up and answers after all of that', async () => {
    const res = await postJson(`${server.url}/ask`, { question: 'Who did Minister Nguyen Manh Hung meet on January 14?' });
    expect(res.status).toBe(200);
    const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string; index: { documents: number; passages: number } };
    expect(health.status).toBe('ok');
    expect(health.index.documents).toBe(5);
  });

  it('sends security headers and a CSP that forbids inline scripts', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('without an index', () => {
  it('answers 503 INDEX_NOT_READY telling the user to run npm run ingest', async () => {
    const empty = await startTestServer(await tempDir());
    try {
      const res = await postJson(`${empty.url}/ask`, { question: 'AI' });
      expect(res.status).toBe(503);
      expect(error(res.json).code).toBe('INDEX_NOT_READY');
      expect(error(res.json).message).toContain('npm run ingest');
      expect((await fetch(`${empty.url}/health`)).status).toBe(503);
    } finally {
      await empty.close();
    }
  });
});
