import { pino } from 'pino';
import type { Config } from '../../src/config.js';
import { startServer, type IndexHolder, type ReindexJobs } from '../../src/server/index.js';
import { realEmbedder, testConfig } from './fixtures.js';

export interface TestServer {
  url: string;
  holder: IndexHolder;
  jobs: ReindexJobs;
  config: Config;
  close(): Promise<void>;
}

/** The real server on 127.0.0.1 and a free port, over the given index, with the real model. */
export async function startTestServer(indexDir: string, env: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig({ INDEX_DIR: indexDir, PORT: '0', HOST: '127.0.0.1', INDEX_POLL_MS: '200', ...env });
  const running = await startServer(config, { embedder: await realEmbedder(), logger: pino({ level: 'silent' }) });
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

export interface ServerProcess {
  url: string;
  pid: number;
  rssBytes(): Promise<number>;
  stop(): Promise<number | null>;
}

/** `npm start` in its own process (as users run it), on a free loopback port. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const { spawn } = await import('node:child_process');
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { ROOT, MODELS_DIR } = await import('./fixtures.js');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MODELS_DIR, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /answering at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid!,
    rssBytes: async () => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
