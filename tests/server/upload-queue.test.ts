import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, documentCount, jobDone, postDocument, TOKEN } from '../helpers/admin.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

describe('concurrent uploads', () => {
  it('10 at once: ten 202s, ten documents indexed, and retrying them all creates no duplicate', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => article(i));
    const first = await Promise.all(bodies.map((b) => postDocument(ctx.server, b)));
    expect(first.map((r) => r.status)).toEqual(Array(10).fill(202));
    const docIds = first.map((r) => String(r.json.docId));
    expect(new Set(docIds).size).toBe(10);
    const jobIds = [...new Set(first.map((r) => String(r.json.jobId)))];
    expect(jobIds.length).toBeLessThanOrEqual(2); // the first job, and one queued job for everything that arrived while it ran
    for (const id of jobIds) expect((await jobDone(ctx.server, id)).status).toBe('succeeded');
    expect(await documentCount(ctx.server)).toBe(15);
    expect((await readdir(join(ctx.seed.corpusDir, 'uploads'))).filter((n) => !n.startsWith('.'))).toHaveLength(10);

    const retried = await Promise.all(bodies.map((b) => postDocument(ctx.server, b)));
    expect(retried.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(retried.map((r) => r.json.duplicate)).toEqual(Array(10).fill(true));
    expect(retried.map((r) => r.json.docId)).toEqual(docIds);
    expect((await readdir(join(ctx.seed.corpusDir, 'uploads'))).filter((n) => !n.startsWith('.'))).toHaveLength(10);
    expect(await documentCount(ctx.server)).toBe(15);
  });

  it('the same article posted twice in a row is stored once, even before it is indexed', async () => {
    const body = article(42);
    const [a, b] = [await postDocument(ctx.server, body), await postDocument(ctx.server, body)];
    expect(a.status).toBe(202);
    expect(b.status).toBe(200);
    expect(b.json).toMatchObject({ docId: a.json.docId, duplicate: true });
    // same cleaned text in another format is the same article too
    const c = await postDocument(ctx.server, { ...body, text: `  ${body.text}\n` });
    expect(c.json).toMatchObject({ docId: a.json.docId, duplicate: true });
    await jobDone(ctx.server, String(a.json.jobId));
  });
});
