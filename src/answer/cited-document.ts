import { articleSource, type ArticleDocument } from '../ingest/index.js';
import type { Citation } from './answer-result.js';

/** The article fields every citation carries: the source shown is the stated one, else the site of its URL. */
export function citedDocument(document: ArticleDocument): Pick<Citation, 'docId' | 'title' | 'source' | 'url' | 'published'> {
  return { docId: document.docId, title: document.title, source: articleSource(document), url: document.url, published: document.published };
}
