import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { writesPrettyLines } from '../src/logging.js';
import { loadModels } from '../src/server/index.js';
import { realEmbedder, testConfig } from './helpers/fixtures.js';

describe('configuration from the environment', () => {
  it('has safe defaults so nothing needs configuring', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', embedding: { model: 'newsdesk/static-use-en', sentenceModel: 'newsdesk/static-glove-en', allowRemoteModels: false }, server: { adminToken: '', watchCorpus: false, heapGrowthPercent: 50 } });
    expect(config.corpusDir.endsWith('corpus')).toBe(true);
  });

  it('rejects bad values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ CHUNK_MIN_WORDS: '300', CHUNK_MAX_WORDS: '100' })).toThrow(/CHUNK_MIN_WORDS/);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '-5' })).toThrow(/HEAP_GROWTH_PERCENT/);
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).server.heapGrowthPercent).toBe(0);
    expect(loadConfig({ ALLOW_REMOTE_MODELS: 'true', WATCH_CORPUS: '1' })).toMatchObject({ embedding: { allowRemoteModels: true }, server: { watchCorpus: true } });
  });
});

describe('the optional LLM', () => {
  it('is off unless LLM_BASE_URL is set, and then needs LLM_MODEL and a timeout below the request timeout', () => {
    expect(loadConfig({}).llm).toBeNull();
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', LLM_MODEL: 'llama3.1:8b' }).llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b', apiKey: '', timeoutMs: 10_000, maxTokens: 512, temperature: 0, maxPassages: 5,
    });
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/LLM_MODEL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'localhost:11434', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '20000' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('the models a server loads', () => {
  it('loads the sentence model once, as the index embedder, when both variables name the same model', async () => {
    const embedder = await realEmbedder();
    const single = await loadModels(testConfig({ SENTENCE_MODEL: embedder.modelId }), { embedder });
    expect(single.sentenceEmbedder).toBe(embedder);
    const both = await loadModels(testConfig(), { embedder });
    expect(both.sentenceEmbedder?.modelId).toBe('newsdesk/static-glove-en');
  });
});

describe('the log format', () => {
  it('is auto by default, pretty on a terminal and JSON lines otherwise, and LOG_FORMAT overrides it', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(writesPrettyLines('auto', { isTTY: true })).toBe(true);
    expect(writesPrettyLines('auto', { isTTY: false })).toBe(false);
    expect(writesPrettyLines('json', { isTTY: true })).toBe(false);
    expect(writesPrettyLines('pretty', {})).toBe(true);
  });
});
