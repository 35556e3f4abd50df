import { describe, expect, it } from 'vitest';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();

interface ListBody {
  total: number;
  offset: number;
  limit: number;
  documents: Array<{ docId: string; title: string; source: string | null; published: string | null; lang: string; passages: number; url: string | null; addedAt: string | null }>;
  error?: { code: string; message: string; details?: { fields: Array<{ field: string }> } };
}

async function list(query: string): Promise<{ status: number; body: ListBody }> {
  const res = await fetch(`${ctx.server.url}/documents${query}`);
  return { status: res.status, body: (await res.json()) as ListBody };
}

describe('GET /documents', () => {
  it('lists every article newest first with its metadata, 20 a page by default', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 5, offset: 0, limit: 20 });
    expect(body.documents).toHaveLength(5);
    for (const d of body.documents) {
      expect(Object.keys(d).sort()).toEqual(['addedAt', 'docId', 'lang', 'passages', 'published', 'source', 'title', 'url']);
      expect(d.passages).toBeGreaterThan(0);
    }
    const dates = body.documents.map((d) => d.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages with offset and limit, and sorts by title', async () => {
    const all = (await list('?sort=title&limit=100')).body.documents.map((d) => d.title);
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    const first = await list('?sort=title&offset=0&limit=2');
    const second = await list('?sort=title&offset=2&limit=2');
    const last = await list('?sort=title&offset=4&limit=2');
    expect(first.body).toMatchObject({ total: 5, offset: 0, limit: 2 });
    expect([...first.body.documents, ...second.body.documents, ...last.body.documents].map((d) => d.title)).toEqual(all);
    expect(last.body.documents).toHaveLength(1);
  });

  it('filters on the title and source with q, ignoring case and accents', async () => {
    const { body } = await list('?q=DIGITAL%20w%C3%A9ek');
    expect(body.total).toBe(1);
    expect(body.documents[0].title).toContain('Vietnam International Digital Week 2025');
    expect((await list('?q=no-such-article-anywhere')).body).toMatchObject({ total: 0, documents: [] });
  });

  it('answers 400 naming the field when a parameter is bad', async () => {
    for (const [query, field] of [['?limit=101', 'limit'], ['?limit=0', 'limit'], ['?offset=-1', 'offset'], ['?sort=size', 'sort'], ['?q=a&q=b', 'q'], ['?page=2', '(body)']] as const) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body.error?.code).toBe('INVALID_REQUEST');
      expect(body.error?.message, query).toContain(field === '(body)' ? 'page' : `${field}:`);
    }
  });

  it('gives the article view its source, url and date fields', async () => {
    const [doc] = (await list('?limit=1')).body.documents;
    const res = await fetch(`${ctx.server.url}/documents/${doc.docId}`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ docId: doc.docId, title: doc.title, source: doc.source, url: doc.url, addedAt: doc.addedAt });
    expect(Array.isArray(body.passages)).toBe(true);
  });
});
