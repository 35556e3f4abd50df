import { createApp, IndexHolder } from '../../src/server/index.js';
import { pino } from 'pino';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../../src/config.js';
import { realEmbedder, testConfig } from './fixtures.js';

export interface TestServer {
  url: string;
  holder: IndexHolder;
  config: Config;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1 and a free port, over the given index, with the real model. */
export async function startTestServer(indexDir: string, env: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig({ INDEX_DIR: indexDir, ...env });
  const embedder = await realEmbedder();
  const holder = new IndexHolder(config.indexDir, embedder, { info: () => {}, error: () => {} });
  await holder.refresh();
  const app = createApp({ config, holder, logger: pino({ level: 'silent' }) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.headersTimeout = 2_000;
  server.requestTimeout = 5_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    holder,
    config,
    close: () => new Promise((resolve) => { holder.stop(); server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}
