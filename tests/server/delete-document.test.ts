import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, auth, documentCount, jobDone, postDocument, TOKEN } from '../helpers/admin.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

const del = async (docId: string, headers: Record<string, string> = auth) => {
  const res = await fetch(`${ctx.server.url}/admin/documents/${docId}`, { method: 'DELETE', headers });
  return { status: res.status, json: (await res.json()) as { error?: { code: string }; jobId?: string; deleted?: boolean } };
};

describe('DELETE /admin/documents/:docId', () => {
  it('removes an uploaded article from the corpus and the index; it can then be uploaded again', async () => {
    const added = await postDocument(ctx.server, article(7));
    await jobDone(ctx.server, String(added.json.jobId));
    expect(await documentCount(ctx.server)).toBe(6);
    const docId = String(added.json.docId);

    const deleted = await del(docId);
    expect(deleted.status).toBe(202);
    expect(deleted.json.deleted).toBe(true);
    expect(existsSync(join(ctx.seed.corpusDir, docId))).toBe(false);
    expect((await jobDone(ctx.server, String(deleted.json.jobId))).summary).toMatchObject({ removed: 1 });
    expect(await documentCount(ctx.server)).toBe(5);
    expect((await fetch(`${ctx.server.url}/documents/${docId}`)).status).toBe(404);

    const again = await postDocument(ctx.server, article(7));
    expect(again.status).toBe(202);
    expect(again.json.duplicate).toBe(false);
    await jobDone(ctx.server, String(again.json.jobId));
  });

  it('answers 404 for an unknown upload, 400 for an article that is not an upload, 401 without the token', async () => {
    expect((await del('uploads/2025-01-01-00000000-0000-0000-0000-000000000000.txt')).json.error?.code).toBe('DOCUMENT_NOT_FOUND');
    const seedDoc = await del('001_ecbe5cd89bc95efb.txt');
    expect(seedDoc.status).toBe(400);
    expect(seedDoc.json.error?.code).toBe('NOT_AN_UPLOAD');
    expect((await del('uploads/../001_ecbe5cd89bc95efb.txt')).status).toBeGreaterThanOrEqual(400);
    expect(existsSync(join(ctx.seed.corpusDir, '001_ecbe5cd89bc95efb.txt'))).toBe(true);
    expect((await del('uploads/x.txt', {})).status).toBe(401);
  });
});
