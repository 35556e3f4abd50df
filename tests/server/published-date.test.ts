import { describe, expect, it } from 'vitest';
import { article, postDocument, TOKEN } from '../helpers/admin.js';
import { postJson, useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });

describe('"published" must be a real calendar date', () => {
  it.each(['2025-13-45', '2025-02-30', '2025-00-10', '2025-1-5'])('POST /admin/documents refuses %s with 400 naming the field', async (published) => {
    const res = await postDocument(ctx.server, { ...article(1), published });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: [expect.objectContaining({ field: 'published' })] } });
  });

  it('the /ask filters agree', async () => {
    const res = await postJson(`${ctx.server.url}/ask`, { question: 'What happened?', filters: { after: '2025-13-45' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('filters.after');
  });

  it('a leap day is accepted', async () => {
    expect((await postDocument(ctx.server, { ...article(2), published: '2024-02-29' })).status).toBe(202);
  });
});
