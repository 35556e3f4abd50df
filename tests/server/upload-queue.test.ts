import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { article, documentCount, jobDone, postDocument, TOKEN } from '../helpers/admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

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

describe('concurrent uploads', () => {
  it('10 at once: ten 202s, ten documents indexed, and retrying them all creates no duplicate', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => article(i));
    const first = await Promise.all(bodies.map((b) => postDocument(server, b)));
    expect(first.map((r) => r.status)).toEqual(Array(10).fill(202));
    const docIds = first.map((r) => String(r.json.docId));
    expect(new Set(docIds).size).toBe(10);
    const jobIds = [...new Set(first.map((r) => String(r.json.jobId)))];
    expect(jobIds.length).toBeLessThanOrEqual(2); // the first job, and one queued job for everything that arrived while it ran
    for (const id of jobIds) expect((await jobDone(server, id)).status).toBe('succeeded');
    expect(await documentCount(server)).toBe(15);
    expect((await readdir(join(seed.corpusDir, 'uploads'))).filter((n) => !n.startsWith('.'))).toHaveLength(10);

    const retried = await Promise.all(bodies.map((b) => postDocument(server, b)));
    expect(retried.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(retried.map((r) => r.json.duplicate)).toEqual(Array(10).fill(true));
    expect(retried.map((r) => r.json.docId)).toEqual(docIds);
    expect((await readdir(join(seed.corpusDir, 'uploads'))).filter((n) => !n.startsWith('.'))).toHaveLength(10);
    expect(await documentCount(server)).toBe(15);
  });

  it('the same article posted twice in a row is stored once, even before it is indexed', async () => {
    const body = article(42);
    const [a, b] = [await postDocument(server, body), await postDocument(server, body)];
    expect(a.status).toBe(202);
    expect(b.status).toBe(200);
    expect(b.json).toMatchObject({ docId: a.json.docId, duplicate: true });
    // same cleaned text in another format is the same article too
    const c = await postDocument(server, { ...body, text: `  ${body.text}\n` });
    expect(c.json).toMatchObject({ docId: a.json.docId, duplicate: true });
    await jobDone(server, String(a.json.jobId));
  });
});
