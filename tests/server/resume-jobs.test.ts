import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { documentCount, jobDone, TOKEN } from '../helpers/admin.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer | null = null;

beforeAll(async () => {
  seed = await buildSeedIndex();
});
afterAll(async () => {
  await server?.close();
  await seed.cleanup();
});

describe('a job interrupted by a server crash', () => {
  it('is re-run at the next start-up and finishes under the same id', async () => {
    // What a server killed mid-job leaves behind: the uploaded file, and the job recorded as running.
    await writeFile(join(seed.corpusDir, 'uploaded-before-crash.txt'), 'Bridge reopens in Hue\n\nThe Truong Tien bridge in Hue reopened on Sunday after 14 months of repairs. Traffic resumed at noon.\n');
    const interrupted = { id: 'job-before-crash', trigger: 'document upload', status: 'running', queuedAt: '2026-01-01T00:00:00.000Z', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, progress: { embedded: 3, total: 9 }, summary: null, warnings: [], error: null, resumed: false };
    const done = { ...interrupted, id: 'job-finished', status: 'succeeded', finishedAt: '2026-01-01T00:00:00.000Z' };
    await writeFile(join(seed.indexDir, 'jobs.json'), JSON.stringify({ jobs: [done, interrupted] }));

    server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, ADMIN_TOKEN: TOKEN });
    const job = await jobDone(server, 'job-before-crash');
    expect(job).toMatchObject({ status: 'succeeded', resumed: true, summary: { added: 1 } });
    expect(await documentCount(server)).toBe(6);
    expect((await jobDone(server, 'job-finished')).resumed).toBe(false);
  });
});
