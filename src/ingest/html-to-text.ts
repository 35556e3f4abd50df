import { PageMetadataCollector } from './html-metadata.js';
import { lazyPackage } from './lazy-package.js';
import type { StatedMetadata } from './stated-metadata.js';

// Loaded on the first HTML page (linkedom alone takes 0.3 s to load).
const linkedom = lazyPackage<typeof import('linkedom')>('linkedom');
const readability = lazyPackage<typeof import('@mozilla/readability')>('@mozilla/readability');
const htmlparser2 = lazyPackage<typeof import('htmlparser2')>('htmlparser2');

export interface HtmlArticle {
  /** The page's own title (Readability's, else <title>, else the first <h1>). */
  title: string | null;
  /** One line per block element of the main content. */
  text: string;
  /** What the page's meta tags and JSON-LD state. */
  stated: StatedMetadata;
}

/**
 * What Readability is given. Its cost grows with the nesting depth (500 nested
 * elements took 1.4 s, 1,000 took 21 s, 20,000 overflowed the stack) and with
 * the element count, so deeper, larger or tag-less pages are read by a linear,
 * streaming text extractor instead.
 */
export interface HtmlBudget {
  /** Deepest element nesting handed to Readability (real news pages nest 20–60 deep). */
  maxDepth: number;
  /** Largest page (characters) handed to Readability. */
  maxChars: number;
  /** Readability aborts on pages with more elements than this. */
  maxElements: number;
}

export const DEFAULT_HTML_BUDGET: HtmlBudget = { maxDepth: 150, maxChars: 1_000_000, maxElements: 20_000 };

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,th,dd,dt';

/**
 * Extracts the main article from an HTML page with Mozilla Readability (drops
 * navigation, ads, link farms); pages over the budget, pages without any
 * element, and pages Readability cannot handle are read by the streaming extractor.
 */
export function htmlToText(html: string, budget: HtmlBudget = DEFAULT_HTML_BUDGET): HtmlArticle {
  const scanned = streamHtmlToText(html);
  if (scanned.elements === 0 || scanned.maxDepth > budget.maxDepth || html.length > budget.maxChars || scanned.elements > budget.maxElements) {
    return scanned.article;
  }
  try {
    const read = readabilityToText(html, budget);
    return read ? { ...read, stated: scanned.article.stated } : scanned.article;
  } catch {
    return scanned.article;
  }
}

/** The main content by Readability; the page's metadata is read by the streaming pass. */
function readabilityToText(html: string, budget: HtmlBudget): Omit<HtmlArticle, 'stated'> | null {
  const { document } = linkedom().parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  if (!document.documentElement) return null;
  const article = new (readability().Readability)(document as unknown as Document, { maxElemsToParse: budget.maxElements }).parse();
  const contentHtml = article?.content ?? document.body?.innerHTML ?? '';
  const { document: content } = linkedom().parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  content.querySelectorAll('figure, figcaption, script, style, noscript, nav, aside').forEach((el) => el.remove());
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = lines.length > 0 ? lines.join('\n\n') : (content.body?.textContent ?? '');
  return { title: article?.title?.trim() || null, text };
}

/** Elements whose text is page chrome, code or media, never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'aside', 'figure', 'figcaption', 'header', 'footer', 'form', 'button', 'select', 'textarea', 'iframe', 'object', 'head']);
/** Elements that end a line of text. */
const BREAKS = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);

/**
 * One streaming pass (htmlparser2, no tree, no recursion): block elements
 * become lines, chrome elements are dropped, and the nesting depth and
 * element count are measured for the budget. Linear in the page's size.
 */
export function streamHtmlToText(html: string): { article: HtmlArticle; maxDepth: number; elements: number } {
  const lines: string[] = [];
  let line: string[] = [];
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  let skipping = 0;
  let inTitle = false;
  let title = '';
  let h1: string[] | null = null;
  let firstH1: string | null = null;
  const metadata = new PageMetadataCollector();
  const flush = () => {
    const text = line.join('').replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = [];
  };
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        elements++;
        depth++;
        if (depth > maxDepth) maxDepth = depth;
        metadata.onOpenTag(name, attributes);
        if (name === 'title') inTitle = true;
        if (name === 'h1' && firstH1 === null) h1 = [];
        if (SKIPPED.has(name)) skipping++;
        if (BREAKS.has(name)) flush();
      },
      ontext(text) {
        metadata.onText(text);
        if (inTitle) title += text;
        if (skipping > 0) return;
        h1?.push(text);
        // A blank line in the text itself (a page that is mostly plain text) ends a paragraph.
        const parts = text.split(/\n[ \t\r]*\n/);
        parts.forEach((part, i) => {
          if (i > 0) flush();
          line.push(part);
        });
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        metadata.onCloseTag(name);
        if (name === 'title') inTitle = false;
        if (name === 'h1' && h1) {
          firstH1 = h1.join('').replace(/\s+/g, ' ').trim() || null;
          h1 = null;
        }
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (BREAKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { article: { title: cleanTitle || firstH1, text: lines.join('\n\n'), stated: metadata.metadata() }, maxDepth, elements };
}
