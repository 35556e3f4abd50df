import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logRequest } from '../../src/server/request-log.js';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { captureLogs } from '../helpers/log-capture.js';
import { postJson, startTestServer, waitFor, type TestServer } from '../helpers/server.js';

const QUESTION = 'Who did Minister Nguyen Manh Hung meet on January 14?';
const logs = captureLogs();
let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir }, logs.logger);
});
afterAll(async () => {
  await server?.close();
  await seed?.cleanup();
});

/** The log lines written from sending the request until its own line appeared. */
async function linesOf(path: string, send: () => Promise<unknown>): Promise<{ records: Array<Record<string, unknown>>; raw: string }> {
  const before = logs.lines.length;
  await send();
  await waitFor(async () => logs.records(before).some((r) => r.path === path), 5_000, 10);
  return { records: logs.records(before), raw: logs.lines.slice(before).join('') };
}

describe('the request log', () => {
  it('writes one short line per request: method, path, status and ms, without headers or the query string', async () => {
    const { records, raw } = await linesOf('/health', () => fetch(`${server.url}/health?probe=private-words`, { headers: { 'x-secret-header': 'hidden-value' } }));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 30, method: 'GET', path: '/health', status: 200, ms: expect.any(Number) });
    expect(Object.keys(records[0]).sort()).toEqual(['level', 'method', 'ms', 'msg', 'path', 'status', 'time']);
    for (const hidden of ['private-words', 'hidden-value', 'x-secret-header', 'user-agent', 'headers']) expect(raw).not.toContain(hidden);
  });

  it('adds answered, retrieveMs and answerMs for /ask, and never the question', async () => {
    const { records, raw } = await linesOf('/ask', () => postJson(`${server.url}/ask`, { question: QUESTION }));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ method: 'POST', path: '/ask', status: 200, answered: true, retrieveMs: expect.any(Number), answerMs: expect.any(Number) });
    for (const hidden of ['Nguyen Manh Hung', 'January 14', 'question', 'content-type']) expect(raw).not.toContain(hidden);
  });

  it('logs a refused /ask as a warning with its status, and still without the question', async () => {
    const { records, raw } = await linesOf('/ask', () => postJson(`${server.url}/ask`, { question: QUESTION, k: 999 }));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 40, method: 'POST', path: '/ask', status: 400 });
    expect(records[0]).not.toHaveProperty('answered');
    expect(raw).not.toContain('Nguyen Manh Hung');
  });
});

describe('a request that failed on the server', () => {
  it('is logged as an error with the error on its line', () => {
    const capture = captureLogs();
    logRequest(capture.logger)({ method: 'POST', path: '/ask', route: '/ask', status: 500, ms: 3.2, aborted: false, error: new Error('disk on fire') });
    const [line] = capture.records();
    expect(line).toMatchObject({ level: 50, status: 500, err: { type: 'Error', message: 'disk on fire' } });
  });
});
