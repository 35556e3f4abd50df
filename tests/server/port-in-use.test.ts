import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { buildSeedIndex } from '../helpers/fixtures.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let occupier: Server;

beforeAll(async () => {
  seed = await buildSeedIndex();
  occupier = createServer();
  await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => occupier.close(resolve));
  await seed.cleanup();
});

describe('starting on a port already in use', () => {
  it('fails with PORT_IN_USE naming the port and the fix', async () => {
    const { port } = occupier.address() as AddressInfo;
    const started = startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, PORT: String(port) });
    await expect(started).rejects.toMatchObject({ code: 'PORT_IN_USE', message: expect.stringMatching(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*PORT`)) });
  });
});
