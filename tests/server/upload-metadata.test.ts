import { describe, expect, it } from 'vitest';
import { article, jobDone, postDocument, TOKEN } from '../helpers/admin.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

describe('an article posted as JSON keeps its metadata', () => {
  it('title, date, source and URL come back from GET /documents/:docId and in citations', async () => {
    const body = { ...article(2), source: 'Example Wire', url: 'https://www.example.com/news/quy-nhon' };
    const res = await postDocument(ctx.server, body);
    expect(res.status).toBe(202);
    expect((await jobDone(ctx.server, String(res.json.jobId))).status).toBe('succeeded');
    const doc = (await (await fetch(`${ctx.server.url}/documents/${String(res.json.docId)}`)).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ title: body.title, published: body.published, source: 'Example Wire', url: body.url });
    expect(String(doc.text)).not.toMatch(/^(Title|Date|Source|URL):/m);
  });

  it('refuses a URL that is not http(s), naming the field', async () => {
    const res = await postDocument(ctx.server, { ...article(3), url: 'javascript:alert(1)' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: [expect.objectContaining({ field: 'url' })] } });
  });
});
