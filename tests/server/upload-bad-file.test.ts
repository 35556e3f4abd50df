import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_HTML } from '../helpers/adversarial.js';
import { auth, documentCount, jobDone, TOKEN, uploadFile } from '../helpers/admin.js';
import { postJson, useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

describe('a bad uploaded file never blocks later jobs', () => {
  it('a tag-less note.html is indexed, and the next plain re-index succeeds', async () => {
    const res = await uploadFile(ctx.server, 'note.html', PLAIN_HTML);
    expect(res.status).toBe(202);
    expect((await jobDone(ctx.server, String(res.json.jobId))).status).toBe('succeeded');
    expect(await documentCount(ctx.server)).toBe(6);
    const again = await postJson(`${ctx.server.url}/admin/reindex`, {}, auth);
    expect((await jobDone(ctx.server, String(again.json.jobId))).status).toBe('succeeded');
  });

  it('an upload with no article text is refused with 422 and not stored', async () => {
    const res = await uploadFile(ctx.server, 'menu.html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: 'NO_ARTICLE_TEXT' });
  });

  it('an unusable file left in uploads/ is skipped, named with its reason in the job and /health, and the rest is indexed', async () => {
    await mkdir(join(ctx.seed.corpusDir, 'uploads'), { recursive: true });
    await writeFile(join(ctx.seed.corpusDir, 'uploads', 'broken.html'), Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x00, 0x01]));
    await writeFile(join(ctx.seed.corpusDir, 'fresh.txt'), 'Ferry line opens\n\nA new ferry line between Rach Gia and Phu Quoc opened on Friday with four boats. Tickets cost 300,000 dong.\n');
    const started = await postJson(`${ctx.server.url}/admin/reindex`, {}, auth);
    const job = await jobDone(ctx.server, String(started.json.jobId));
    expect(job.status).toBe('succeeded');
    expect(job.summary).toMatchObject({ added: 1 });
    expect(job.summary?.skipped).toEqual([expect.objectContaining({ path: expect.stringContaining('broken.html'), reason: expect.stringContaining('binary') })]);
    expect(job.warnings.join('\n')).toContain('broken.html');
    const health = (await (await fetch(`${ctx.server.url}/health`)).json()) as { lastIngest: { skipped: Array<{ path: string; reason: string }> } };
    expect(health.lastIngest.skipped).toEqual([{ path: 'uploads/broken.html', reason: expect.stringContaining('binary') }]);
  });
});
