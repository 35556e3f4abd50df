import type { ArticleDocument } from '../../ingest/index.js';
import type { PassageStore } from '../../store/index.js';
import type { DocumentListQuery } from '../schemas.js';

/** One article as the library lists it. `url`, `addedAt` and a null `source` come from newer indexes; older ones give null. */
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

/** Fields a newer index may store on a document. */
type WithOptionalFields = Omit<ArticleDocument, 'source'> & { source?: string | null; url?: string | null; addedAt?: string | null };

export function summarize(doc: ArticleDocument, passages: number): DocumentSummary {
  const d = doc as WithOptionalFields;
  return { docId: d.docId, title: d.title, source: d.source ?? null, published: d.published, lang: d.lang, passages, url: d.url ?? null, addedAt: d.addedAt ?? null };
}

function passageCounts(store: PassageStore): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of store.passages) counts.set(p.docId, (counts.get(p.docId) ?? 0) + 1);
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

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
