import { foldDiacritics } from '../../analysis/index.js';
import { articleSource, type ArticleDocument } from '../../ingest/index.js';
import type { PassageStore } from '../../store/index.js';
import type { DocumentListQuery } from '../schemas.js';

/** One article as the library lists it; `source` is the stated source, else the URL's site name, else null. */
export interface DocumentSummary {
  docId: string;
  title: string;
  source: string | null;
  published: string | null;
  lang: string;
  passages: number;
  url: string | null;
  addedAt: string | null;
}

export function summarize(doc: Omit<ArticleDocument, 'cleanText'>, passages: number): DocumentSummary {
  return { docId: doc.docId, title: doc.title, source: articleSource(doc), published: doc.published, lang: doc.lang, passages, url: doc.url, addedAt: doc.addedAt };
}

/** Passages per document, counted once per index version (a store is one version) rather than per request. */
const countsByStore = new WeakMap<PassageStore, ReadonlyMap<string, number>>();

function passageCounts(store: PassageStore): ReadonlyMap<string, number> {
  let counts = countsByStore.get(store);
  if (!counts) {
    const counting = new Map<string, number>();
    for (const p of store.allPassages()) counting.set(p.docId, (counting.get(p.docId) ?? 0) + 1);
    countsByStore.set(store, (counts = counting));
  }
  return counts;
}

/** Newest first (by date, then by when added; undated last), ties by title. */
export function newestFirst(a: DocumentSummary, b: DocumentSummary): number {
  const byDate = (b.published ?? '').localeCompare(a.published ?? '');
  if (byDate !== 0) return byDate;
  return (b.addedAt ?? '').localeCompare(a.addedAt ?? '') || byTitle(a, b);
}

const byTitle = (a: DocumentSummary, b: DocumentSummary) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) || a.docId.localeCompare(b.docId);

/** Every article of the index, summarized and sorted. */
export function listDocuments(store: PassageStore, sort: DocumentListQuery['sort']): DocumentSummary[] {
  const counts = passageCounts(store);
  return [...store.documents()].map((d) => summarize(d, counts.get(d.docId) ?? 0)).sort(sort === 'title' ? byTitle : newestFirst);
}

/** Case- and accent-insensitive match of every word of `q` in the title or source. */
export function matchesText(doc: DocumentSummary, q: string | undefined): boolean {
  const words = fold(q ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${doc.title} ${doc.source ?? ''}`);
  return words.every((w) => haystack.includes(w));
}

const fold = (text: string) => foldDiacritics(text).toLowerCase();
