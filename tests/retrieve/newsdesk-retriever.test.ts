import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import type { Document } from '@langchain/core/documents';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsdeskRetriever, loadIndex, type PassageMetadata } from '../../src/index.js';
import { buildSeedIndex, MODELS_DIR } from '../helpers/fixtures.js';
import { startLlmStub, type LlmStub } from '../helpers/llm-stub.js';

// The LangChain retriever, from the package entry point, over a real index of the seed corpus built
// with the real model.

const WHEN = 'When does Vietnam International Digital Week 2025 take place?';
const NINH_BINH = '000_232b39a335cc49bd.txt';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let retriever: NewsdeskRetriever;

beforeAll(async () => {
  seed = await buildSeedIndex();
  retriever = await NewsdeskRetriever.fromIndex({ indexDir: seed.indexDir, modelsDir: MODELS_DIR });
});
afterAll(async () => {
  await seed.cleanup();
});

describe('NewsdeskRetriever', () => {
  it('returns Documents with the passage text and its article’s metadata, best first', async () => {
    const docs = await retriever.invoke(WHEN);
    expect(docs).toHaveLength(5);
    const index = await loadIndex(seed.indexDir);
    const [top] = docs;
    expect(top.metadata).toMatchObject({ docId: NINH_BINH, chunkId: `${NINH_BINH}#0`, rank: 1, lang: 'en', url: `/documents/${NINH_BINH}`, source: null, articleUrl: null });
    expect(top.pageContent).toContain('October 27 to 29, 2025');
    for (const d of docs) {
      const m: PassageMetadata = d.metadata;
      expect(index.document(m.docId)!.cleanText.slice(m.start, m.end)).toBe(d.pageContent);
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.source === null || m.source.length > 0).toBe(true);
      expect(m.articleUrl).toBe(index.document(m.docId)!.url);
      expect(m.date === null || /^\d{4}-\d{2}-\d{2}$/.test(m.date)).toBe(true);
      expect(typeof m.score).toBe('number');
      expect(d.id).toBe(m.chunkId);
    }
    expect(docs.map((d) => d.metadata.score)).toEqual([...docs.map((d) => d.metadata.score)].sort((a, b) => b - a));
  });

  it('takes k and filters at construction, from withSearch, or per call', async () => {
    const two = await NewsdeskRetriever.fromIndex({ indexDir: seed.indexDir, modelsDir: MODELS_DIR, k: 2 });
    expect(await two.invoke(WHEN)).toHaveLength(2);
    expect(await retriever.invoke(WHEN, { k: 3 })).toHaveLength(3);
    expect(await retriever.withSearch({ k: 1 }).invoke(WHEN)).toHaveLength(1);
    const only = await retriever.invoke('artificial intelligence law', { filters: { docId: '003_06dfd16a7ad7fb36.txt' } });
    expect(only.length).toBeGreaterThan(0);
    expect(new Set(only.map((d) => d.metadata.docId))).toEqual(new Set(['003_06dfd16a7ad7fb36.txt']));
    const dated = (await retriever.invoke(WHEN, { k: 10 })).map((d) => d.metadata.date).filter((d): d is string => d !== null).sort();
    expect(dated.length).toBeGreaterThan(0);
    const after = dated.at(-1)!;
    const recent = await retriever.invoke(WHEN, { k: 10, filters: { after } });
    expect(recent.every((d) => d.metadata.date !== null && d.metadata.date >= after)).toBe(true);
    expect(retriever.search.k).toBe(5);
  });

  it('runs in an LCEL chain: retriever → prompt → chat model → string (the README example)', async () => {
    const stub: LlmStub = await startLlmStub();
    try {
      stub.reply(() => ({ text: 'From October 27 to 29, 2025 [1].' }));
      const llm = new ChatOpenAI({ model: 'stub-model', apiKey: 'not-needed', configuration: { baseURL: stub.baseUrl }, maxRetries: 0 });
      const formatDocs = (docs: Document[]) => docs.map((d, i) => `[${i + 1}] ${d.metadata.title}\n${d.pageContent}`).join('\n\n');
      const prompt = ChatPromptTemplate.fromMessages([
        ['system', 'Answer from the numbered passages only and cite them as [n].\n\n{context}'],
        ['human', '{question}'],
      ]);
      const chain = RunnableSequence.from([{ context: retriever.withSearch({ k: 3 }).pipe(formatDocs), question: new RunnablePassthrough() }, prompt, llm, new StringOutputParser()]);
      expect(await chain.invoke(WHEN)).toBe('From October 27 to 29, 2025 [1].');
      const sent = stub.requests[0].messages.map((m) => m.content).join('\n');
      expect(sent).toContain('[1] ');
      expect(sent).toContain('October 27 to 29, 2025');
      expect(sent).not.toContain('[4] ');
      expect(sent).toContain(WHEN);
    } finally {
      await stub.close();
    }
  });
});
