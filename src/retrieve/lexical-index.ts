import MiniSearch from 'minisearch';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import { termForms, words } from './text-folding.js';

export interface LexicalHit {
  passage: Passage;
  score: number;
}

interface Row {
  id: number;
  title: string;
  text: string;
}

/**
 * BM25 over passages (MiniSearch), indexing every term in its exact and its
 * diacritic-folded form, with the document title as a lightly boosted field.
 */
export class LexicalIndex {
  private readonly search: MiniSearch<Row>;
  private readonly passages: readonly Passage[];
  private readonly documentFrequency = new Map<string, number>();

  constructor(passages: readonly Passage[], titleOf: (docId: string) => string, private readonly titleBoost = 0.3) {
    this.passages = passages;
    this.search = new MiniSearch<Row>({
      fields: ['title', 'text'],
      tokenize: (text) => words(text),
      processTerm: (term) => termForms(term),
    });
    this.search.addAll(passages.map((p, id) => ({ id, title: titleOf(p.docId), text: p.text })));
    for (const p of passages) for (const t of new Set(words(p.text).flatMap(termForms))) this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
  }

  query(text: string, k: number, accept?: (p: Passage) => boolean): LexicalHit[] {
    const results = this.search.search(text, {
      boost: { title: this.titleBoost, text: 1 },
      combineWith: 'OR',
      filter: accept ? (r) => accept(this.passages[r.id as number]) : undefined,
    });
    return results.slice(0, k).map((r) => ({ passage: this.passages[r.id as number], score: r.score }));
  }

  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** Inverse document frequency of a (folded or exact) term over passages. */
  idf(term: string): number {
    const n = this.passages.length;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

export function titleLookup(documents: Iterable<ArticleDocument>): (docId: string) => string {
  const titles = new Map([...documents].map((d) => [d.docId, d.title]));
  return (docId) => titles.get(docId) ?? '';
}
