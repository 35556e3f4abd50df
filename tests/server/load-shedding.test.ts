import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { startLlmStub, type LlmStub } from '../helpers/llm-stub.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';

// The stub LLM answers after a delay, so that questions are really in flight at the same time.
let stub: LlmStub;
let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;

beforeAll(async () => {
  stub = await startLlmStub();
  stub.reply(() => ({ text: 'Vietnam International Digital Week 2025 runs from October 27 to 29, 2025 [1].', delayMs: 1_500 }));
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { LLM_BASE_URL: stub.baseUrl, LLM_MODEL: 'stub-model', ASK_MAX_IN_FLIGHT: '2' });
});
afterAll(async () => {
  await server?.close();
  await stub.close();
  await seed.cleanup();
});

describe('more questions at once than ASK_MAX_IN_FLIGHT', () => {
  it('answers the first ones and refuses the rest at once with 503 OVERLOADED and Retry-After, then answers again', async () => {
    const ask = () => postJson(`${server.url}/ask`, { question: 'When does Vietnam International Digital Week 2025 take place?' });
    const first = [ask(), ask()];
    let firstAnswered = false;
    void Promise.all(first).then(() => (firstAnswered = true));
    await new Promise((resolve) => setTimeout(resolve, 300)); // both are waiting for the model now
    const refused = await Promise.all([ask(), ask(), ask()]);
    expect(firstAnswered).toBe(false); // refused at once, not queued behind the first two
    for (const res of refused) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.json.error).toMatchObject({ code: 'OVERLOADED', message: expect.stringContaining('ASK_MAX_IN_FLIGHT') });
    }
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    expect(stub.requests.length).toBe(2); // the refused questions never reached the model
    expect((await ask()).status).toBe(200);
  });
});
