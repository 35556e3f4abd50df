import MiniSearch from 'minisearch';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import { isBigram, isStopword, lexicalTokens, termForms } from '../analysis/index.js';

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
  private readonly titleOf: (docId: string) => string;
  private readonly titleBoost: number;
  /** Set while a passage is being added: document frequencies are counted on the way. */
  private seenInPassage: Set<string> | null = null;

  /** Builds the index at once; `LexicalIndex.build` does the same without blocking the event loop. */
  constructor(passages: readonly Passage[], titleOf: (docId: string) => string, titleBoost = 0.3, deferred = false) {
    this.passages = passages;
    this.titleBoost = titleBoost;
    this.search = new MiniSearch<Row>({
      fields: ['title', 'text'],
      tokenize: (text) => lexicalTokens(text),
      // Stopwords carry no evidence and have the longest posting lists: leaving them out keeps queries fast on large corpora.
      processTerm: (term) => {
        if (isStopword(term)) return null;
        const forms = isBigram(term) ? [term] : termForms(term);
        if (this.seenInPassage) for (const f of forms) if (!this.seenInPassage.has(f)) (this.seenInPassage.add(f), this.documentFrequency.set(f, (this.documentFrequency.get(f) ?? 0) + 1));
        return forms;
      },
    });
    this.documentCount = passages.length;
    this.titleOf = titleOf;
    if (!deferred) passages.forEach((_, id) => this.addPassage(id));
  }

  /**
   * Builds the index in slices, yielding to the event loop between them, so
   * that a server loading a large new index version keeps answering meanwhile.
   */
  static async build(passages: readonly Passage[], titleOf: (docId: string) => string, titleBoost = 0.3): Promise<LexicalIndex> {
    const index = new LexicalIndex(passages, titleOf, titleBoost, true);
    for (let id = 0; id < passages.length; id++) {
      index.addPassage(id);
      if (id % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
    }
    return index;
  }

  private addPassage(id: number): void {
    const p = this.passages[id];
    this.seenInPassage = new Set();
    this.search.add({ id, title: this.titleOf(p.docId), text: p.text });
    this.seenInPassage = null;
  }

  query(text: string, k: number, accept?: (p: Passage) => boolean): LexicalHit[] {
    const results = this.search.search(this.informativeTerms(text).join(' '), {
      boost: { title: this.titleBoost, text: 1 },
      combineWith: 'OR',
      // The terms are analyzed already (bigrams included): split them apart only.
      tokenize: (terms) => terms.split(' '),
      filter: accept ? (r) => accept(this.passages[r.id as number]) : undefined,
    });
    // MiniSearch multiplies BM25 by the number of query terms matched, which ranks a passage with many common
    // words above one with the question's rare name; plain BM25 measured better on every question set.
    return results
      .map((r) => ({ passage: this.passages[r.id as number], score: r.score / Math.max(1, r.queryTerms.length) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  knows(term: string): boolean {
    return this.frequency(term) > 0;
  }

  /**
   * The query's words minus those found in more than half of all passages:
   * their BM25 weight is close to zero but scoring their posting lists is most of the cost.
   */
  private informativeTerms(text: string): string[] {
    const frequency = new Map([...new Set(lexicalTokens(text))].filter((t) => !isStopword(t)).map((t) => [t, this.frequency(t)]));
    // Terms no passage has match nothing (and must not take the places of those that do).
    const terms = [...frequency.keys()].filter((t) => frequency.get(t)! > 0);
    const limit = this.documentCount / 2;
    const useful = terms.filter((t) => frequency.get(t)! <= limit);
    // When every word is that common (a tiny corpus), all are kept: the pairs alone would not find the passages that spell the words apart.
    return rarest(useful.some((t) => !isBigram(t)) ? useful : terms, MAX_QUERY_TERMS, (t) => frequency.get(t)!);
  }

  /** Inverse document frequency of a (folded or exact) term over passages. */
  idf(term: string): number {
    const df = this.frequency(term);
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  /** Passages holding the term in any of its indexed forms (its stem, its folded form). */
  private frequency(term: string): number {
    if (isStopword(term)) return this.documentCount;
    const forms = isBigram(term) ? [term] : termForms(term);
    return Math.max(0, ...forms.map((f) => this.documentFrequency.get(f) ?? 0));
  }
}

/**
 * At most this many terms are searched, the rarest: scoring a term costs its posting list, so a
 * 2,000-character question of rare words would otherwise hold the server for seconds on a large
 * archive. Questions and their follow-ups have well under 64 terms (a two-turn Vietnamese follow-up,
 * syllables and syllable pairs, about 60), so the cap only bounds pathological ones.
 */
const MAX_QUERY_TERMS = 64;

/** The `max` terms with the lowest frequency, in their original order. */
function rarest(terms: string[], max: number, frequency: (term: string) => number): string[] {
  if (terms.length <= max) return terms;
  const kept = new Set([...terms].sort((a, b) => frequency(a) - frequency(b)).slice(0, max));
  return terms.filter((t) => kept.has(t));
}

export function titleLookup(documents: Iterable<ArticleDocument>): (docId: string) => string {
  const titles = new Map([...documents].map((d) => [d.docId, d.title]));
  return (docId) => titles.get(docId) ?? '';
}
