import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, ALLOWED_HOSTS: 'newsdesk.internal' });
});
afterAll(async () => {
  await server.close();
  await seed.cleanup();
});

/** GET with an arbitrary Host header, as a DNS-rebinding page's browser would send it. */
function get(path: string, host: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host header check (DNS rebinding)', () => {
  it('refuses a request for another name with 421 and reads nothing', async () => {
    const { port } = new URL(server.url);
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.nip.io:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
      const res = await get('/documents/001_ecbe5cd89bc95efb.txt', host);
      expect(res.status, host).toBe(421);
      expect(JSON.parse(res.body).error.code).toBe('HOST_NOT_ALLOWED');
      expect(res.body).not.toContain('Minister');
    }
  });

  it('serves its own name, localhost on its port, and ALLOWED_HOSTS', async () => {
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `newsdesk.internal:${port}`, 'newsdesk.internal']) {
      expect((await get('/health', host)).status, host).toBe(200);
    }
  });
});
