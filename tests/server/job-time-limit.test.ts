import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { auth, documentCount, jobDone, TOKEN } from '../helpers/admin.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;

beforeAll(async () => {
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, ADMIN_TOKEN: TOKEN, INGEST_JOB_TIMEOUT_MS: '1000' });
});
afterAll(async () => {
  await server.close();
  await seed.cleanup();
});

describe('INGEST_JOB_TIMEOUT_MS', () => {
  it('fails a job that runs past the limit, keeps the served index, and frees the way for the next job', async () => {
    const text = ((await (await fetch(`${server.url}/documents/002_879ed44b500be75a.txt`)).json()) as { text: string }).text;
    const bulk = Array.from({ length: 150 }, (_, i) => join(seed.corpusDir, `bulk-${i}.txt`));
    await Promise.all(bulk.map((path, i) => writeFile(path, `Bulk copy ${i}\n\n${text.replace(/Vietnam/g, `Vietnam${i}`)}`)));
    const started = await postJson(`${server.url}/admin/reindex`, {}, auth);
    const job = await jobDone(server, String(started.json.jobId));
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'INGEST_TIMEOUT', message: expect.stringContaining('INGEST_JOB_TIMEOUT_MS (1000 ms)') });
    expect(await documentCount(server)).toBe(5);

    await Promise.all(bulk.map((path) => rm(path)));
    await writeFile(join(seed.corpusDir, 'small.txt'), 'Library opens late\n\nThe city library in Vinh will open until 10 pm from Monday, the council said on Friday.\n');
    const next = await postJson(`${server.url}/admin/reindex`, {}, auth);
    expect((await jobDone(server, String(next.json.jobId))).status).toBe('succeeded');
    expect(await documentCount(server)).toBe(6);
  });
});
