import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiCompatibleChat, QaEngine, type AskOptions } from '../../src/answer/index.js';
import { loadConfig } from '../../src/config.js';
import { loadModels } from '../../src/server/index.js';
import { loadIndex } from '../../src/store/index.js';
import { buildSeedIndex, MODELS_DIR, realEmbedder, testConfig } from '../helpers/fixtures.js';
import { passageOf, startLlmStub, type LlmStub } from '../helpers/llm-stub.js';

// The generative answerer against an OpenAI-compatible server started here (the stub answers what
// each test wrote), over the real seed index and the real models. The check must catch every bad citation.

const WHEN = 'When does Vietnam International Digital Week 2025 take place?';
const GOOD = 'Vietnam International Digital Week 2025 runs from October 27 to 29, 2025 in Ninh Binh Province [1].';

let stub: LlmStub;
let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let engine: QaEngine;

function engineWith(baseUrl: string, timeoutMs = 5_000): Promise<QaEngine> {
  return (async () => {
    const llm = loadConfig({ MODELS_DIR, LLM_BASE_URL: baseUrl, LLM_MODEL: 'stub-model', LLM_TIMEOUT_MS: String(timeoutMs) }).llm!;
    const models = await loadModels(testConfig(), { embedder: await realEmbedder() });
    const store = await loadIndex(seed.indexDir);
    return QaEngine.create(store, { ...models, llm: { chat: await openAiCompatibleChat(llm), name: llm.model, settings: { timeoutMs } } });
  })();
}

beforeAll(async () => {
  stub = await startLlmStub();
  seed = await buildSeedIndex();
  engine = await engineWith(stub.baseUrl);
});
afterAll(async () => {
  await stub.close();
  await seed.cleanup();
});

const ask = (question: string, options: AskOptions = {}) => engine.ask({ question, k: 5 }, options);

function expectCitationIntegrity(body: { answer: string; citations: Array<{ n: number; text: string; quote: string }> }): void {
  const markers = new Set([...body.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect(new Set(body.citations.map((c) => c.n))).toEqual(markers);
  for (const c of body.citations) expect(c.text).toContain(c.quote);
}

describe('GenerativeAnswerer over an OpenAI-compatible server', () => {
  it('sends numbered passages and the question, and keeps a supported answer with its citation', async () => {
    stub.reply(() => ({ text: GOOD }));
    const body = await ask(WHEN);
    const request = stub.requests.at(-1)!;
    expect(request.model).toBe('stub-model');
    expect(passageOf(request.prompt, 1)).toContain('October 27 to 29, 2025');
    expect(request.prompt).toContain(`Question: ${WHEN}`);
    expect(request.messages[0].content).toMatch(/\[1\]/);
    expect(body).toMatchObject({ answerer: 'generative', llmModel: 'stub-model', answered: true, check: { sentences: 1, supported: 1, removed: 0, missingCitations: [] } });
    expect(body.fallback).toBeUndefined();
    expect(body.answer).toBe(GOOD.replace(' [1].', '. [1]'));
    expect(body.citations[0].quote).toContain('October 27 to 29, 2025');
    expectCitationIntegrity(body);
  });

  it('removes a sentence citing a passage that was not given ([7] of five) and says so', async () => {
    stub.reply(() => ({ text: `${GOOD} The event was attended by around 800 delegates [7].` }));
    const body = await ask(WHEN);
    expect(body.answerer).toBe('generative');
    expect(body.check).toMatchObject({ sentences: 2, supported: 1, removed: 1, missingCitations: [7] });
    expect(body.check!.removedSentences[0].problems.join()).toMatch(/\[7\]/);
    expect(body.answer).not.toContain('[7]');
    expect(body.answer).not.toContain('800');
    expectCitationIntegrity(body);
  });

  it('removes a sentence that cites the wrong passage', async () => {
    // Passage 2 is about the roundtable; the dates are in passage 1.
    stub.reply((r) => {
      expect(passageOf(r.prompt, 2)).not.toContain('October 27');
      return { text: `The event hosted by the Ministry of Science and Technology runs from October 27 to 29, 2025 [2]. ${GOOD}` };
    });
    const body = await ask(WHEN);
    expect(body.check).toMatchObject({ sentences: 2, supported: 1, removed: 1 });
    expect(body.check!.removedSentences[0].text).toContain('[2]');
    expect(body.citations.map((c) => c.chunkId)).toEqual(['000_232b39a335cc49bd.txt#0']);
  });

  it('removes a sentence with an invented number, and one with an invented name', async () => {
    stub.reply(() => ({ text: `${GOOD} It officially opened with 1,200 delegates in Ninh Binh Province [1]. Samsung hosted the event in Ninh Binh Province [1].` }));
    const body = await ask(WHEN);
    expect(body.check).toMatchObject({ sentences: 3, supported: 1, removed: 2 });
    const problems = body.check!.removedSentences.map((s) => s.problems.join('; '));
    expect(problems[0]).toMatch(/number 1200/);
    expect(problems[1]).toMatch(/name "samsung"/);
  });

  it('falls back to the extractive answer, saying why, when no sentence is supported', async () => {
    stub.reply(() => ({ text: 'The event runs from November 3 to 5, 2025 [1]. It is held in Hanoi [3].' }));
    const extractive = await ask(WHEN, { mode: 'extractive' });
    const body = await ask(WHEN);
    expect(body).toMatchObject({ answerer: 'extractive', fallback: { code: 'CITATIONS_UNSUPPORTED' }, check: { sentences: 2, supported: 0, removed: 2 } });
    expect(body.answer).toBe(extractive.answer);
    expect(body.citations).toEqual(extractive.citations);
  });

  it('falls back when the model is slower than LLM_TIMEOUT_MS', async () => {
    const slow = await engineWith(stub.baseUrl, 400);
    stub.reply(() => ({ text: GOOD, delayMs: 8_000 }));
    const started = Date.now();
    const body = await slow.ask({ question: WHEN, k: 5 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(body).toMatchObject({ answerer: 'extractive', answered: true, fallback: { code: 'LLM_TIMEOUT' } });
    expect(body.answer).toContain('October 27 to 29, 2025');
  });

  it('falls back when a streamed answer stalls past the timeout', async () => {
    const slow = await engineWith(stub.baseUrl, 600);
    stub.reply(() => ({ text: GOOD, chunkDelayMs: 300 }));
    const tokens: string[] = [];
    const body = await slow.ask({ question: WHEN, k: 5 }, { onToken: (t) => tokens.push(t) });
    expect(tokens.length).toBeGreaterThan(0);
    expect(body).toMatchObject({ answerer: 'extractive', fallback: { code: 'LLM_TIMEOUT' } });
  });

  it('falls back when the model server cannot be reached, or answers with an error', async () => {
    const closed = await startLlmStub();
    const url = closed.baseUrl;
    await closed.close();
    const unreachable = await engineWith(url);
    expect(await unreachable.ask({ question: WHEN, k: 5 })).toMatchObject({ answerer: 'extractive', answered: true, fallback: { code: 'LLM_UNREACHABLE' } });
    stub.reply(() => ({ text: '', status: 500 }));
    expect(await ask(WHEN)).toMatchObject({ answerer: 'extractive', fallback: { code: 'LLM_FAILED' } });
  });

  it('streams the generated text token by token, then returns the checked answer', async () => {
    const chunks = ['Vietnam International Digital Week 2025 ', 'runs from October 27 ', 'to 29, 2025 [1]. ', 'About 5,000 people attend [1].'];
    stub.reply(() => ({ text: chunks.join(''), chunks }));
    const tokens: string[] = [];
    const body = await ask(WHEN, { onToken: (t) => tokens.push(t) });
    expect(stub.requests.at(-1)!.stream).toBe(true);
    expect(tokens).toEqual(chunks);
    expect(body).toMatchObject({ answerer: 'generative', check: { sentences: 2, supported: 1, removed: 1 } });
    expect(body.answer).not.toContain('5,000');
  });

  it('says the articles do not answer when the model says so, in the question’s language', async () => {
    stub.reply(() => ({ text: 'NOT_IN_ARTICLES' }));
    const body = await ask('What is the capital of Australia?');
    expect(body).toMatchObject({ answerer: 'generative', answered: false });
    expect(body.answer).toMatch(/do not contain an answer/);
    expectCitationIntegrity(body);
    const vi = await ask('Thủ đô của Úc là gì?');
    expect(vi.answer).toMatch(/Các bài báo không chứa/);
  });

  it('gives the model the earlier questions of a follow-up', async () => {
    stub.reply(() => ({ text: GOOD }));
    await engine.ask({ question: 'When does it take place?', k: 5, history: [{ role: 'user', content: 'What is Vietnam International Digital Week 2025?' }, { role: 'assistant', content: 'An annual forum [1].' }] });
    const prompt = stub.requests.at(-1)!.prompt;
    expect(prompt).toContain('Earlier questions in this conversation:\n- What is Vietnam International Digital Week 2025?\n\nQuestion: When does it take place?');
    expect(prompt).not.toContain('An annual forum');
  });

  it('asks for the answer in the language of the question and checks a Vietnamese answer by its numbers', async () => {
    stub.reply(() => ({ text: 'Tuần lễ Số quốc tế Việt Nam 2025 diễn ra từ ngày 27 đến 29 tháng 10 năm 2025 [1]. Có 900 đại biểu tham dự [1].' }));
    const body = await ask('Tuần lễ Số quốc tế Việt Nam 2025 diễn ra khi nào?');
    expect(stub.requests.at(-1)!.messages[0].content).toMatch(/Answer in Vietnamese/);
    expect(body).toMatchObject({ answerer: 'generative', check: { sentences: 2, supported: 1, removed: 1 } });
    expect(body.answer).toMatch(/^Tuần lễ Số quốc tế/);
  });
});
