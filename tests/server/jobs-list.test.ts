import { describe, expect, it } from 'vitest';
import type { ReindexJob } from '../../src/server/index.js';
import { article, auth, jobDone, postDocument, TOKEN } from '../helpers/admin.js';
import { postJson, useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

describe('GET /admin/jobs', () => {
  it('lists recent jobs, newest first, with their status and trigger', async () => {
    const reindex = await postJson(`${ctx.server.url}/admin/reindex`, {}, auth);
    await jobDone(ctx.server, String(reindex.json.jobId));
    const upload = await postDocument(ctx.server, article(3));
    await jobDone(ctx.server, String(upload.json.jobId));
    const res = await fetch(`${ctx.server.url}/admin/jobs`, { headers: auth });
    expect(res.status).toBe(200);
    const { jobs } = (await res.json()) as { jobs: ReindexJob[] };
    expect(jobs.map((j) => j.id).slice(0, 2)).toEqual([upload.json.jobId, reindex.json.jobId]);
    expect(jobs[0]).toMatchObject({ status: 'succeeded', trigger: 'document upload', summary: { added: 1 } });
    expect(jobs[1]).toMatchObject({ status: 'succeeded', trigger: 'api' });
    expect((await fetch(`${ctx.server.url}/admin/jobs/${String(upload.json.jobId)}`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${ctx.server.url}/admin/jobs`)).status).toBe(401);
  });
});
