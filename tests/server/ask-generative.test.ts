import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { startLlmStub, type LlmStub } from '../helpers/llm-stub.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';

// POST /ask on a server configured with LLM_BASE_URL (a stub OpenAI-compatible server started here),
// and on one without: the generative answerer is the default only when configured.

const WHEN = 'When does Vietnam International Digital Week 2025 take place?';
const CHUNKS = ['Vietnam International Digital Week 2025 ', 'runs from October 27 ', 'to 29, 2025 [1]. ', 'It has 900 delegates [1].'];

let stub: LlmStub;
let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;
let plain: TestServer;

beforeAll(async () => {
  stub = await startLlmStub();
  stub.reply(() => ({ text: CHUNKS.join(''), chunks: CHUNKS }));
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { LLM_BASE_URL: stub.baseUrl, LLM_MODEL: 'stub-model', LLM_API_KEY: 'secret-key' });
  plain = await startTestServer(seed.indexDir);
});
afterAll(async () => {
  await server?.close();
  await plain?.close();
  await stub.close();
  await seed.cleanup();
});

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

async function askStream(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; events: SseEvent[] }> {
  const res = await fetch(`${url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  const events = text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}';
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', events };
}

describe('POST /ask with LLM_BASE_URL set', () => {
  it('answers with the generative answerer by default, checked, and says which answerer answered', async () => {
    const { status, json } = await postJson(`${server.url}/ask`, { question: WHEN });
    expect(status).toBe(200);
    expect(json).toMatchObject({ answerer: 'generative', llmModel: 'stub-model', answered: true, check: { sentences: 2, supported: 1, removed: 1 } });
    expect(json.answer).toBe('Vietnam International Digital Week 2025 runs from October 27 to 29, 2025. [1]');
    expect(json).not.toHaveProperty('evidence');
    expect(stub.requests.at(-1)!.authorization).toBe('Bearer secret-key');
  });

  it('still answers extractively when the request asks for "mode": "extractive"', async () => {
    const before = stub.requests.length;
    const { status, json } = await postJson(`${server.url}/ask`, { question: WHEN, mode: 'extractive' });
    expect(status).toBe(200);
    expect(json).toMatchObject({ answerer: 'extractive', answered: true });
    expect(json).not.toHaveProperty('check');
    expect(json).not.toHaveProperty('fallback');
    expect(stub.requests.length).toBe(before);
    const reference = await postJson(`${plain.url}/ask`, { question: WHEN });
    expect(json.answer).toBe(reference.json.answer);
  });

  it('streams tokens as server-sent events with "stream": true, then the checked answer', async () => {
    const { status, contentType, events } = await askStream(server.url, { question: WHEN, stream: true });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    const tokens = events.filter((e) => e.event === 'token').map((e) => e.data.text);
    expect(tokens).toEqual(CHUNKS);
    const last = events.at(-1)!;
    expect(last.event).toBe('answer');
    expect(last.data).toMatchObject({ answerer: 'generative', answered: true, check: { removed: 1 } });
    expect(last.data.answer).not.toContain('900');
    expect(events.filter((e) => e.event === 'answer')).toHaveLength(1);
  });

  it('streams when the client sends Accept: text/event-stream', async () => {
    const { contentType, events } = await askStream(server.url, { question: WHEN }, { accept: 'text/event-stream' });
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(events.at(-1)!.event).toBe('answer');
  });

  it('streams the extractive answer as a single answer event', async () => {
    const { events } = await askStream(server.url, { question: WHEN, stream: true, mode: 'extractive' });
    expect(events.map((e) => e.event)).toEqual(['answer']);
    expect(events[0].data).toMatchObject({ answerer: 'extractive', answered: true });
  });

  it('returns the extractive answer with the reason when the model times out', async () => {
    stub.reply(() => ({ text: 'late', delayMs: 30_000 }));
    const slow = await startTestServer(seed.indexDir, { LLM_BASE_URL: stub.baseUrl, LLM_MODEL: 'stub-model', LLM_TIMEOUT_MS: '500' });
    try {
      const { json } = await postJson(`${slow.url}/ask`, { question: WHEN });
      expect(json).toMatchObject({ answerer: 'extractive', answered: true, fallback: { code: 'LLM_TIMEOUT' } });
      const { events } = await askStream(slow.url, { question: WHEN, stream: true });
      expect(events.at(-1)!.data).toMatchObject({ answerer: 'extractive', fallback: { code: 'LLM_TIMEOUT' } });
    } finally {
      await slow.close();
      stub.reply(() => ({ text: CHUNKS.join(''), chunks: CHUNKS }));
    }
  });
});

describe('POST /ask without LLM_BASE_URL', () => {
  it('answers extractively and refuses "mode": "generative" with 400 GENERATIVE_DISABLED', async () => {
    const { json } = await postJson(`${plain.url}/ask`, { question: WHEN });
    expect(json).toMatchObject({ answerer: 'extractive', answered: true });
    for (const stream of [false, true]) {
      const refused = await postJson(`${plain.url}/ask`, { question: WHEN, mode: 'generative', stream });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ error: { code: 'GENERATIVE_DISABLED' } });
    }
  });

  it('validates mode and stream, naming the field', async () => {
    for (const [body, field] of [
      [{ question: WHEN, mode: 'creative' }, 'mode'],
      [{ question: WHEN, stream: 'yes' }, 'stream'],
    ] as const) {
      const { status, json } = await postJson(`${plain.url}/ask`, body);
      expect(status).toBe(400);
      expect(json).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
      expect(JSON.stringify(json)).toContain(field);
    }
  });
});
