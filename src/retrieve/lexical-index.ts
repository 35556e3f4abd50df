import MiniSearch from 'minisearch';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import { isStopword, termForms, words } from './text-folding.js';

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
  private readonly documentCount: number;

  constructor(passages: readonly Passage[], titleOf: (docId: string) => string, private readonly titleBoost = 0.3) {
    this.passages = passages;
    let seenInPassage: Set<string> | null = null; // set while indexing: counts document frequencies on the way
    this.search = new MiniSearch<Row>({
      fields: ['title', 'text'],
      tokenize: (text) => words(text),
      // Stopwords carry no evidence and have the longest posting lists: leaving them out keeps queries fast on large corpora.
      processTerm: (term) => {
        if (isStopword(term)) return null;
        const forms = termForms(term);
        if (seenInPassage) for (const f of forms) if (!seenInPassage.has(f)) (seenInPassage.add(f), this.documentFrequency.set(f, (this.documentFrequency.get(f) ?? 0) + 1));
        return forms;
      },
    });
    passages.forEach((p, id) => {
      seenInPassage = new Set();
      this.search.add({ id, title: titleOf(p.docId), text: p.text });
    });
    seenInPassage = null;
    this.documentCount = passages.length;
  }

  query(text: string, k: number, accept?: (p: Passage) => boolean): LexicalHit[] {
    const results = this.search.search(this.informativeTerms(text).join(' '), {
      boost: { title: this.titleBoost, text: 1 },
      combineWith: 'OR',
      filter: accept ? (r) => accept(this.passages[r.id as number]) : undefined,
    });
    return results.slice(0, k).map((r) => ({ passage: this.passages[r.id as number], score: r.score }));
  }

  knows(term: string): boolean {
    return this.frequency(term) > 0;
  }

  /**
   * The query's words minus those found in more than half of all passages:
   * their BM25 weight is close to zero but scoring their posting lists is most of the cost.
   */
  private informativeTerms(text: string): string[] {
    const terms = [...new Set(words(text))].filter((t) => !isStopword(t));
    const limit = this.documentCount / 2;
    const useful = terms.filter((t) => termForms(t).some((f) => this.frequency(f) <= limit));
    return useful.length > 0 ? useful : terms;
  }

  /** Inverse document frequency of a (folded or exact) term over passages. */
  idf(term: string): number {
    const df = this.frequency(term);
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  private frequency(term: string): number {
    return isStopword(term) ? this.documentCount : (this.documentFrequency.get(term) ?? 0);
  }
}

export function titleLookup(documents: Iterable<ArticleDocument>): (docId: string) => string {
  const titles = new Map([...documents].map((d) => [d.docId, d.title]));
  return (docId) => titles.get(docId) ?? '';
}
