import { describe, expect, it } from 'vitest';
import { articleSource, buildDocument, readCorpus, type ArticleDocument } from '../../src/ingest/index.js';
import { SEED_CORPUS } from '../helpers/fixtures.js';

interface Expected {
  title: string;
  published: string | null;
  /** The stored source: null where the article names none. */
  source: string | null;
  url: string | null;
  /** What a reader is shown: the stated source, else the site of the URL. */
  shown: string | null;
}

/** Read off each article by hand. */
const SEEDS: Record<string, Expected> = {
  // No headline, no publication date (October 27 to 29 are the event's dates), a byline but no source.
  '000_232b39a335cc49bd.txt': { title: 'The Vietnam International Digital Week 2025 officially opened in Ninh Binh Province this morning', published: null, source: null, url: null, shown: null },
  // No headline; "January 14" has no year; "Photo: MST" credits a photo, not the article.
  '001_ecbe5cd89bc95efb.txt': {
    title: 'Vietnam and the UN are strengthening collaboration in digital technology, AI, and technology governance…',
    published: null,
    source: null,
    url: null,
    shown: null,
  },
  // "General Report March 1, 2025" under the headline; no source is stated.
  '002_879ed44b500be75a.txt': { title: "Vietnam's Digital Transformation: A Key Player in Global AI Initiatives", published: '2025-03-01', source: null, url: null, shown: null },
  // Dated 15/09/2025 in the byline; its source is given only as a URL: "Source: https://mst.gov.vn/…".
  '003_06dfd16a7ad7fb36.txt': {
    title: 'Vietnam to Announce Updated National AI Strategy and First AI Law',
    published: '2025-09-15',
    source: null,
    url: 'https://mst.gov.vn/viet-nam-sap-cong-bo-ban-cap-nhat-chien-luoc-ai-quoc-gia-va-luat-ai-dau-tien-197250915155221269.htm',
    shown: 'mst.gov.vn',
  },
  // "New York (VNA) –": the agency; "February 5" has no year.
  '004_317cefc0f26178b1.txt': { title: 'UN Under-Secretary-General lauds Vietnam as key partner in AI', published: null, source: 'VNA', url: null, shown: 'VNA' },
};

async function seedDocuments(): Promise<Map<string, ArticleDocument>> {
  const { files } = await readCorpus(SEED_CORPUS, 10_000_000);
  const docs = new Map<string, ArticleDocument>();
  for (const file of files) {
    const doc = buildDocument(file);
    if ('reason' in doc) throw new Error(`${file.relativePath}: ${doc.reason}`);
    docs.set(file.relativePath, doc);
  }
  return docs;
}

describe('metadata of the seed articles, as a person reads them', () => {
  it('covers every seed article', async () => {
    expect([...(await seedDocuments()).keys()].sort()).toEqual(Object.keys(SEEDS).sort());
  });

  for (const [name, expected] of Object.entries(SEEDS)) {
    it(`${name}: title, date, source and URL`, async () => {
      const doc = (await seedDocuments()).get(name)!;
      expect({ title: doc.title, published: doc.published, source: doc.source, url: doc.url, shown: articleSource(doc) }).toEqual(expected);
    });
  }

  it('never names the file as the source', async () => {
    for (const doc of (await seedDocuments()).values()) expect(doc.source).not.toBe(doc.path);
  });
});
