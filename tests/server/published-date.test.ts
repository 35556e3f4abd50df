import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { article, postDocument, TOKEN } from '../helpers/admin.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, ADMIN_TOKEN: TOKEN });
});
afterAll(async () => {
  await server.close();
  await seed.cleanup();
});

describe('"published" must be a real calendar date', () => {
  it.each(['2025-13-45', '2025-02-30', '2025-00-10', '2025-1-5'])('POST /admin/documents refuses %s with 400 naming the field', async (published) => {
    const res = await postDocument(server, { ...article(1), published });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: [expect.objectContaining({ field: 'published' })] } });
  });

  it('the /ask filters agree', async () => {
    const res = await postJson(`${server.url}/ask`, { question: 'What happened?', filters: { after: '2025-13-45' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('filters.after');
  });

  it('a leap day is accepted', async () => {
    expect((await postDocument(server, { ...article(2), published: '2024-02-29' })).status).toBe(202);
  });
});
