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

/** Newest first (by date, then by when added; undated last), ties by title. */
export function newestFirst(a: DocumentSummary, b: DocumentSummary): number {
  const byDate = (b.published ?? '').localeCompare(a.published ?? '');
  if (byDate !== 0) return byDate;
  return (b.addedAt ?? '').localeCompare(a.addedAt ?? '') || byTitle(a, b);
}

const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base' });
const byTitle = (a: DocumentSummary, b: DocumentSummary) => titleOrder.compare(a.title, b.title) || a.docId.localeCompare(b.docId);

/** An article of the library with the folded text `q` is matched against. */
interface LibraryEntry {
  summary: DocumentSummary;
  haystack: string;
}

/**
 * The library of an index version, built on its first request and kept while the version is served
 * (a store is one version): every article's metadata is read from disk once per version, not per page,
 * which made each page request of a 24k-article archive allocate some 10 MB.
 */
const libraries = new WeakMap<PassageStore, Record<DocumentListQuery['sort'], LibraryEntry[]>>();

function libraryOf(store: PassageStore): Record<DocumentListQuery['sort'], LibraryEntry[]> {
  let library = libraries.get(store);
  if (!library) {
    const counts = new Map<string, number>();
    for (const p of store.allPassages()) counts.set(p.docId, (counts.get(p.docId) ?? 0) + 1);
    const entries = store.documents().map((d) => {
      const summary = summarize(d, counts.get(d.docId) ?? 0);
      return { summary, haystack: fold(`${summary.title} ${summary.source ?? ''}`) };
    });
    library = { date: [...entries].sort((a, b) => newestFirst(a.summary, b.summary)), title: entries.sort((a, b) => byTitle(a.summary, b.summary)) };
    libraries.set(store, library);
  }
  return library;
}

/** The articles of the index whose title or source holds every word of `q` (case- and accent-insensitive), sorted. */
export function listDocuments(store: PassageStore, sort: DocumentListQuery['sort'], q?: string): DocumentSummary[] {
  const words = fold(q ?? '').split(/\s+/).filter(Boolean);
  return libraryOf(store)[sort].filter((e) => words.every((w) => e.haystack.includes(w))).map((e) => e.summary);
}

const fold = (text: string) => foldDiacritics(text).toLowerCase();
