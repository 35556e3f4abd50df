import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlArticle {
  title: string | null;
  /** One line per block element of the main content. */
  text: string;
  published: string | null;
  siteName: string | null;
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,th,dd,dt';

/** Extracts the main article from an HTML page with Mozilla Readability (drops navigation, ads, link farms). */
export function htmlToText(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const published = meta('meta[property="article:published_time"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const siteName = meta('meta[property="og:site_name"]');
  const article = new Readability(document as unknown as Document).parse();
  const contentHtml = article?.content ?? document.body?.innerHTML ?? '';
  const { document: content } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  content.querySelectorAll('figure, figcaption, script, style, noscript, nav, aside').forEach((el) => el.remove());
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = lines.length > 0 ? lines.join('\n\n') : (content.body?.textContent ?? '');
  return { title: article?.title?.trim() || null, text, published, siteName: article?.siteName ?? siteName };
}
