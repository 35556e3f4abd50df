import { describe, expect, it } from 'vitest';
import { articleSource, buildDocument, findDate, siteName, type ArticleDocument } from '../../src/ingest/index.js';
import { sourceFile } from '../helpers/adversarial.js';

const BODY = 'The ministry said the new digital law will take effect next year after a long public consultation with businesses and experts.';
const PARAGRAPHS = `<p>${BODY}</p><p>${BODY} Officials expect the first decrees to follow within months.</p>`;

function built(relativePath: string, content: string): ArticleDocument {
  const doc = buildDocument(sourceFile(relativePath, content));
  if ('reason' in doc) throw new Error(doc.reason);
  return doc;
}

const metadataOf = (doc: ArticleDocument) => ({ title: doc.title, published: doc.published, source: doc.source, url: doc.url });

describe('metadata a saved web page states', () => {
  it('reads Open Graph tags, the published time and the canonical link', () => {
    const page = `<html><head><title>Law passed | Example News</title>
      <meta property="og:title" content="Digital law passed after long consultation">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2025-06-12T08:00:00+07:00">
      <meta property="og:url" content="https://example.com/og-url">
      <link rel="canonical" href="https://example.com/news/digital-law">
      </head><body><article><h1>Law passed</h1>${PARAGRAPHS}</article></body></html>`;
    expect(metadataOf(built('og.html', page))).toEqual({ title: 'Digital law passed after long consultation', published: '2025-06-12', source: 'Example News', url: 'https://example.com/news/digital-law' });
  });

  it('prefers a JSON-LD NewsArticle (in an @graph) to the meta tags', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Not the article' },
        { '@type': 'NewsArticle', headline: 'Assembly adopts the digital law', datePublished: '2025-01-14T09:30:00Z', publisher: { '@type': 'Organization', name: 'VietnamPlus' }, mainEntityOfPage: { '@id': 'https://www.vietnamplus.vn/digital-law.vnp' } },
      ],
    };
    const page = `<html><head><meta property="og:title" content="OG title"><meta property="og:site_name" content="OG site">
      <script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article>${PARAGRAPHS}</article></body></html>`;
    expect(metadataOf(built('ld.html', page))).toEqual({ title: 'Assembly adopts the digital law', published: '2025-01-14', source: 'VietnamPlus', url: 'https://www.vietnamplus.vn/digital-law.vnp' });
  });

  it('ignores broken JSON-LD and impossible dates, and a page with only a URL shows its site', () => {
    const page = `<html><head><script type="application/ld+json">{ not json</script><meta property="article:published_time" content="2025-02-30">
      <link rel="canonical" href="https://www.vietnamplus.vn/a/b.vnp"></head><body><article><h1>Short headline for the law</h1>${PARAGRAPHS}</article></body></html>`;
    const doc = built('broken.html', page);
    expect(doc.published).toBeNull();
    expect(doc.source).toBeNull();
    expect(articleSource(doc)).toBe('vietnamplus.vn');
  });
});

describe('metadata a Markdown or text article states', () => {
  it('reads YAML front matter and removes it from the text', () => {
    const md = `---\ntitle: "Hanoi opens AI centre"\ndate: 2025-01-14\nsource: Tuoi Tre\nurl: https://tuoitre.vn/ai-centre.htm\n---\n\n# A heading in the body\n\n${BODY}\n`;
    const doc = built('centre.md', md);
    expect(metadataOf(doc)).toEqual({ title: 'Hanoi opens AI centre', published: '2025-01-14', source: 'Tuoi Tre', url: 'https://tuoitre.vn/ai-centre.htm' });
    expect(doc.cleanText).not.toMatch(/title:|source:|---/);
  });

  it('reads "published" in front matter, and front matter that is not YAML states nothing', () => {
    expect(built('a.md', `---\npublished: 14/1/2025\n---\n${BODY}\n`).published).toBe('2025-01-14');
    const broken = built('b.md', `---\ntitle: [unclosed\n---\n# Heading of the note here\n\n${BODY}\n`);
    expect(broken.title).toBe('Heading of the note here');
    expect(broken.cleanText).not.toContain('unclosed');
  });

  it('reads leading header lines of a .txt (any case) and removes them from the text', () => {
    const txt = `Title: Hanoi opens AI centre\nDATE: ngày 14 tháng 1 năm 2025\nsource: VNA\nURL: https://vietnamplus.vn/ai-centre.vnp\n\n${BODY}\n`;
    const doc = built('centre.txt', txt);
    expect(metadataOf(doc)).toEqual({ title: 'Hanoi opens AI centre', published: '2025-01-14', source: 'VNA', url: 'https://vietnamplus.vn/ai-centre.vnp' });
    expect(doc.cleanText).toBe(BODY);
  });

  it('takes a source given only as a URL as the article URL, shown by its site name', () => {
    const doc = built('url-only.txt', `Source: https://www.vietnamplus.vn/ai-centre.vnp\n\n${BODY}\n`);
    expect({ source: doc.source, url: doc.url, shown: articleSource(doc) }).toEqual({ source: null, url: 'https://www.vietnamplus.vn/ai-centre.vnp', shown: 'vietnamplus.vn' });
  });

  it('reads header lines only at the top, and drops a date that is not a real day', () => {
    const late = built('late.txt', `${BODY}\n\nTitle: not a header\n`);
    expect(late.title).not.toBe('not a header');
    expect(built('bad-date.txt', `Date: 31/02/2025\n\n${BODY}\n`).published).toBeNull();
  });
});

describe('dates and site names', () => {
  it('reads Vietnamese dates in words and in day/month/year', () => {
    expect(findDate('Hà Nội, ngày 14 tháng 1 năm 2025')).toBe('2025-01-14');
    expect(findDate('Cập nhật 14/1/2025 08:00')).toBe('2025-01-14');
    expect(findDate('ngày 30 tháng 2 năm 2025')).toBeNull();
  });

  it('names the site of a URL', () => {
    expect(siteName('https://www.vietnamplus.vn/xa-hoi/abc.vnp')).toBe('vietnamplus.vn');
    expect(siteName('http://mst.gov.vn/x')).toBe('mst.gov.vn');
    expect(siteName('not a url')).toBeNull();
  });
});
