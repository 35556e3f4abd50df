import { pino, type Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';
import { startServer, type IndexHolder, type ReindexJobs } from '../../src/server/index.js';
import { buildSeedIndex, realEmbedder, testConfig } from './fixtures.js';

export interface TestServer {
  url: string;
  holder: IndexHolder;
  jobs: ReindexJobs;
  config: Config;
  close(): Promise<void>;
}

/** The real server on 127.0.0.1 and a free port, over the given index, with the real model (silent unless given a logger). */
export async function startTestServer(indexDir: string, env: Record<string, string> = {}, logger: Logger = pino({ level: 'silent' })): Promise<TestServer> {
  const config = testConfig({ INDEX_DIR: indexDir, PORT: '0', HOST: '127.0.0.1', INDEX_POLL_MS: '200', ...env });
  const running = await startServer(config, { embedder: await realEmbedder(), logger });
  return {
    url: running.url,
    holder: running.holder,
    jobs: running.jobs,
    config,
    close: async () => {
      running.server.closeAllConnections();
      await running.close();
    },
  };
}

export interface SeedServer {
  /** The seed index and its corpus (a temporary copy). */
  seed: Awaited<ReturnType<typeof buildSeedIndex>>;
  server: TestServer;
}

/**
 * A real server over a fresh copy of the seed index for the tests of one file:
 * built before them, closed and removed after. Read its fields inside tests.
 */
export function useSeedServer(env: Record<string, string> = {}): SeedServer {
  const ctx = {} as SeedServer;
  beforeAll(async () => {
    ctx.seed = await buildSeedIndex();
    ctx.server = await startTestServer(ctx.seed.indexDir, { CORPUS_DIR: ctx.seed.corpusDir, ...env });
  });
  afterAll(async () => {
    await ctx.server?.close();
    await ctx.seed?.cleanup();
  });
  return ctx;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export { spawnServer, type ServerProcess } from '../../bench/server-process.js';
