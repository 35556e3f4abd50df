/**
 * The one place configuration is read. Environment variables are parsed and
 * validated once with zod; every other module receives typed values.
 * Every variable is documented with its default in `.env.example`.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('index'),
  MODELS_DIR: z.string().min(1).default('models'),
  EMBEDDING_MODEL: z.string().min(1).default('newsdesk/static-use-en'),
  SENTENCE_MODEL: z.string().min(1).default('newsdesk/static-glove-en'),
  EMBEDDING_QUANTIZED: z.enum(['auto', 'true', 'false']).default('auto'),
  ALLOW_REMOTE_MODELS: bool.default(false),
  EMBED_BATCH_SIZE: int(1, 4096).default(8),
  MAX_FILE_BYTES: int(1, 1_000_000_000).default(5_000_000),
  CHUNK_MIN_WORDS: int(10, 1000).default(60),
  CHUNK_TARGET_WORDS: int(20, 2000).default(110),
  CHUNK_MAX_WORDS: int(30, 5000).default(220),
  MAX_PASSAGE_CHARS: int(200, 100_000).default(1500),
  INGEST_FILE_TIMEOUT_MS: int(1, 3_600_000).default(20_000),
  INGEST_JOB_TIMEOUT_MS: int(1_000, 86_400_000).default(3_600_000),
  HTML_MAX_DEPTH: int(10, 100_000).default(150),
  ALLOWED_HOSTS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 64kb').default('64kb'),
  REQUEST_TIMEOUT_MS: int(100, 600_000).default(15_000),
  RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(300),
  ASK_MAX_IN_FLIGHT: int(1, 100_000).default(64),
  HEAP_GROWTH_PERCENT: int(0, 1000).default(50),
  INDEX_POLL_MS: int(50, 600_000).default(1000),
  ADMIN_TOKEN: z.string().default(''),
  WATCH_CORPUS: bool.default(false),
  WATCH_DEBOUNCE_MS: int(0, 600_000).default(1500),
  LLM_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: int(100, 600_000).default(10_000),
  LLM_MAX_TOKENS: int(16, 32_768).default(512),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  LLM_MAX_PASSAGES: int(1, 20).default(5),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  indexDir: string;
  modelsDir: string;
  embedding: {
    model: string;
    /** The model the answerer compares the question with each candidate sentence by. */
    sentenceModel: string;
    quantized: 'auto' | 'true' | 'false';
    allowRemoteModels: boolean;
    batchSize: number;
  };
  ingest: {
    maxFileBytes: number;
    /** A file whose reading, cleaning and chunking takes longer is skipped with a warning. */
    fileTimeoutMs: number;
    /** A whole ingest job taking longer is stopped (the served index stays as it was). */
    jobTimeoutMs: number;
    /** HTML nested deeper than this is read by a linear text extractor instead of Readability. */
    htmlMaxDepth: number;
  };
  chunking: ChunkingSettings;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** pretty = human-readable lines, json = JSON lines, auto = pretty when stderr is a terminal. */
  logFormat: 'auto' | 'pretty' | 'json';
  server: {
    bodyLimit: string;
    requestTimeoutMs: number;
    rateLimitPerMinute: number;
    /** Questions answered at once; beyond, /ask answers 503 with Retry-After instead of queueing. */
    askMaxInFlight: number;
    /** How far V8 lets its heap grow past what was live at the last full collection (0 = V8's own rule). */
    heapGrowthPercent: number;
    indexPollMs: number;
    adminToken: string;
    /** Extra Host header values accepted besides HOST:PORT (and localhost when HOST is loopback); ["*"] accepts any. */
    allowedHosts: string[];
    watchCorpus: boolean;
    watchDebounceMs: number;
  };
  /** The optional generative answerer; null = extractive answers only (the default). */
  llm: LlmSettings | null;
}

/** An OpenAI-compatible chat endpoint (OpenAI, Ollama, llama.cpp server, vLLM). */
export interface LlmSettings {
  baseUrl: string;
  model: string;
  /** Empty when the server needs none. */
  apiKey: string;
  /** The whole generation, first byte to last token; past it the extractive answer is returned. */
  timeoutMs: number;
  maxTokens: number;
  temperature: number;
  /** Passages numbered in the prompt (the best-ranked of those retrieved). */
  maxPassages: number;
}

export interface ChunkingSettings {
  minWords: number;
  targetWords: number;
  maxWords: number;
  /** Hard cap on a passage's length in characters; longer sentences are cut at word boundaries. */
  maxChars: number;
}

/** Parses an environment (defaults to `process.env`) into a typed Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}. See .env.example for the accepted values.`);
  }
  const e = parsed.data;
  if (!(e.CHUNK_MIN_WORDS <= e.CHUNK_TARGET_WORDS && e.CHUNK_TARGET_WORDS <= e.CHUNK_MAX_WORDS)) {
    throw new ConfigError('Invalid configuration: CHUNK_MIN_WORDS <= CHUNK_TARGET_WORDS <= CHUNK_MAX_WORDS must hold.');
  }
  if (e.LLM_BASE_URL && !e.LLM_MODEL) {
    throw new ConfigError('Invalid configuration: LLM_BASE_URL is set but LLM_MODEL is not. Set LLM_MODEL to the model the server serves (e.g. llama3.1:8b for Ollama).');
  }
  if (e.LLM_BASE_URL && e.LLM_TIMEOUT_MS >= e.REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `Invalid configuration: LLM_TIMEOUT_MS (${e.LLM_TIMEOUT_MS}) must be below REQUEST_TIMEOUT_MS (${e.REQUEST_TIMEOUT_MS}), so that a slow model falls back to the extractive answer before the request times out.`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    corpusDir: resolve(e.CORPUS_DIR),
    indexDir: resolve(e.INDEX_DIR),
    modelsDir: resolve(e.MODELS_DIR),
    embedding: {
      model: e.EMBEDDING_MODEL,
      sentenceModel: e.SENTENCE_MODEL,
      quantized: e.EMBEDDING_QUANTIZED,
      allowRemoteModels: e.ALLOW_REMOTE_MODELS,
      batchSize: e.EMBED_BATCH_SIZE,
    },
    ingest: { maxFileBytes: e.MAX_FILE_BYTES, fileTimeoutMs: e.INGEST_FILE_TIMEOUT_MS, jobTimeoutMs: e.INGEST_JOB_TIMEOUT_MS, htmlMaxDepth: e.HTML_MAX_DEPTH },
    chunking: { minWords: e.CHUNK_MIN_WORDS, targetWords: e.CHUNK_TARGET_WORDS, maxWords: e.CHUNK_MAX_WORDS, maxChars: e.MAX_PASSAGE_CHARS },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    server: {
      bodyLimit: e.BODY_LIMIT,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      askMaxInFlight: e.ASK_MAX_IN_FLIGHT,
      heapGrowthPercent: e.HEAP_GROWTH_PERCENT,
      indexPollMs: e.INDEX_POLL_MS,
      adminToken: e.ADMIN_TOKEN,
      allowedHosts: e.ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
      watchCorpus: e.WATCH_CORPUS,
      watchDebounceMs: e.WATCH_DEBOUNCE_MS,
    },
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? {
            baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ''),
            model: e.LLM_MODEL,
            apiKey: e.LLM_API_KEY ?? '',
            timeoutMs: e.LLM_TIMEOUT_MS,
            maxTokens: e.LLM_MAX_TOKENS,
            temperature: e.LLM_TEMPERATURE,
            maxPassages: e.LLM_MAX_PASSAGES,
          }
        : null,
  };
}
