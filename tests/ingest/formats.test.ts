import { describe, expect, it } from 'vitest';
import { buildDocument, findDate } from '../../src/ingest/index.js';
import { detectLanguage } from '../../src/analysis/index.js';

const file = (relativePath: string, content: string) => ({ relativePath, absolutePath: `/corpus/${relativePath}`, content, hash: 'h', size: content.length, mtimeMs: 0 });
const body = 'The ministry said the new digital law will take effect next year after a long public consultation with businesses and experts. ';

describe('HTML, Markdown and Vietnamese articles', () => {
  it('extracts the article from an HTML page with Readability, dropping navigation', () => {
    const html = `<html><head><title>AI law passed | Example News</title><meta property="article:published_time" content="2025-06-12T08:00:00Z"><meta property="og:site_name" content="Example News"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>AI law passed</h1><p>${body.repeat(3)}</p><figure><img src="x.jpg"><figcaption>Photo: someone</figcaption></figure><p>${body.repeat(2)}</p></article>
      <footer>Share Print Back to top</footer></body></html>`;
    const doc = buildDocument(file('a/page.html', html));
    if ('reason' in doc) throw new Error(doc.reason);
    expect(doc.cleanText).toContain('The ministry said the new digital law');
    expect(doc.cleanText).not.toMatch(/Home|Photo: someone|Back to top/);
    expect(doc.published).toBe('2025-06-12');
    expect(doc.source).toBe('Example News');
    expect(doc.docId).toBe('a/page.html');
  });

  it('reads Markdown: the "# " heading is the title, markup is removed', () => {
    const doc = buildDocument(file('note.md', `# Digital law\n\n![chart](c.png)\n\n**${body}** See [the text](http://x).\n`));
    if ('reason' in doc) throw new Error(doc.reason);
    expect(doc.title).toBe('Digital law');
    expect(doc.cleanText).toContain('The ministry said');
    expect(doc.cleanText).not.toMatch(/\*\*|!\[|\]\(/);
  });

  it('detects Vietnamese and parses Vietnamese dates', () => {
    expect(detectLanguage('Việt Nam sắp công bố bản cập nhật Chiến lược AI quốc gia và Luật AI đầu tiên')).toBe('vi');
    expect(detectLanguage('Vietnam will announce an updated national AI strategy')).toBe('en');
    expect(findDate('Hà Nội, ngày 15 tháng 9 năm 2025')).toBe('2025-09-15');
    expect(findDate('Posted 31/02/2025')).toBeNull();
    expect(findDate('March 1, 2025')).toBe('2025-03-01');
  });

  it('stores an article typed with decomposed letters (base letter + combining marks) as composed text', () => {
    const title = 'Hà Nội khởi công tuyến đường sắt đô thị mới';
    const text = 'Sáng nay, thành phố Hà Nội đã chính thức khởi công tuyến đường sắt đô thị số 5 dài 38 km, dự kiến hoàn thành vào năm 2030 sau nhiều năm chuẩn bị.';
    const doc = buildDocument(file('vi/metro.txt', `${title}

${text}
`.normalize('NFD')));
    if ('reason' in doc) throw new Error(doc.reason);
    expect(doc.title).toBe(title);
    expect(doc.cleanText).toBe(text);
    expect(doc.lang).toBe('vi');
  });

  it('reports a file with no article text instead of indexing chrome', () => {
    const result = buildDocument(file('empty.txt', 'Home\nShare\nComment (0)\n'));
    expect(result).toMatchObject({ reason: expect.stringContaining('no article text') });
  });
});
