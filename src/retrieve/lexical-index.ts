import { LRUCache } from 'lru-cache';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import { bigramParts, foldedForm, isBigram, isStopword, searchTerms, termForm, type Lang } from '../analysis/index.js';
import { correctSpelling, type CorrectedText } from './spelling-correction.js';
import { LexicalStore, type LexicalMatch, type PassageStore } from '../store/index.js';

export interface LexicalHit {
  passage: Passage;
  score: number;
}

/**
 * BM25 over passages, the article title a lightly weighted second field. The terms live in a
 * LexicalStore (SQLite FTS5): the index's own file for a stored index version, or one built in
 * memory for passages held only in memory. This class decides what is searched; the store scores.
 */
export class LexicalIndex {
  /** Passages per term form, remembered: an index serves one version, whose counts barely change while it is served. */
  private readonly frequencies = new LRUCache<string, number>({ max: FREQUENCY_CACHE_SIZE });

  private constructor(
    private readonly terms: LexicalStore,
    private readonly passageOf: (label: number) => Passage | undefined,
    private readonly documentCount: number,
  ) {}

  /** Indexes passages held in memory (label = position). */
  static inMemory(passages: readonly Passage[], titleOf: (docId: string) => string): LexicalIndex {
    const terms = LexicalStore.inMemory();
    terms.update(passages.map((p, label) => ({ label, title: titleOf(p.docId), text: p.text })));
    return new LexicalIndex(terms, (label) => passages[label], passages.length);
  }

  /** The lexical index of a store: its file on disk when it has one, else one built in memory. */
  static forStore(store: PassageStore): LexicalIndex {
    const terms = store.lexicalTerms();
    if (terms) {
      terms.prepareSearches();
      return new LexicalIndex(terms, (label) => store.passageWithLabel(label), store.passageCount);
    }
    const passages = store.allPassages();
    const titles = titleLookup(store.documents());
    return LexicalIndex.inMemory(passages, titles);
  }

  async query(text: string, k: number, accept?: (p: Passage) => boolean): Promise<LexicalHit[]> {
    // Rows of passages this version does not hold (newer, or removed) are skipped: fetch all when filtering.
    const terms = this.informativeTerms(text);
    const limit = accept ? null : k + FETCH_MARGIN;
    const hits = this.keep(await this.search(terms, limit), k, accept);
    return hits.length < k && limit !== null ? this.keep(await this.search(terms, null), k, accept) : hits;
  }

  /**
   * BM25 over the terms, best first. On a large archive, rows that hold none of the question's
   * uncommon terms are not scored: the common terms' posting lists are most of the cost, and such
   * rows rarely rank. The scores of the rows that are scored are exact, because BM25 is a sum over
   * terms: the best rows holding an uncommon term are the best of (uncommon terms alone) merged with
   * the best of (an uncommon term AND a common one, scored on all terms).
   */
  private async search(terms: ReadonlyMap<string, number>, limit: number | null): Promise<LexicalMatch[]> {
    const commonLimit = Math.max(this.documentCount * COMMON_TERM_MIN_SHARE, COMMON_TERM_MIN_PASSAGES);
    const all = weighPairs([...terms.keys()]);
    const common = all.filter((t) => terms.get(t)! > commonLimit);
    const uncommon = all.filter((t) => terms.get(t)! <= commonLimit);
    if (common.length === 0 || uncommon.length === 0) return (await this.terms.searchAll([{ terms: all, limit }]))[0];
    const [alone, withCommon] = await this.terms.searchAll([
      { terms: uncommon, limit },
      { terms: common, limit, required: uncommon },
    ]);
    const best = new Map<number, number>();
    for (const m of alone) best.set(m.label, m.score);
    for (const m of withCommon) best.set(m.label, Math.max(m.score, best.get(m.label) ?? -Infinity));
    const merged = [...best].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
    return limit === null ? merged : merged.slice(0, limit);
  }

  private keep(matches: LexicalMatch[], k: number, accept?: (p: Passage) => boolean): LexicalHit[] {
    const hits: LexicalHit[] = [];
    for (const m of matches) {
      const passage = this.passageOf(m.label);
      if (!passage || (accept && !accept(passage))) continue;
      hits.push({ passage, score: m.score });
      if (hits.length === k) break;
    }
    return hits;
  }

  knows(term: string): boolean {
    return this.frequency(term) > 0;
  }

  /** The text with its words that no passage has read as the nearest word passages have (see correctSpelling). */
  correctSpelling(text: string, lang: Lang): CorrectedText {
    return correctSpelling(text, lang, { knows: (word) => this.knows(word), rowsOf: (form) => this.terms.frequency(form) });
  }

  /**
   * The query's forms, with the number of passages holding each (see costFrequency), minus those found in more
   * than half of all passages: their BM25 weight is close to zero but scoring their posting lists is most of the cost.
   */
  private informativeTerms(text: string): Map<string, number> {
    const forms = searchTerms(text);
    // Terms no passage has match nothing (and must not take the places of those that do).
    const terms = forms.filter((form) => this.formFrequency(form) > 0);
    const frequency = new Map(terms.map((form) => [form, this.costFrequency(form)]));
    const limit = this.documentCount / 2;
    const useful = terms.filter((t) => frequency.get(t)! <= limit);
    // When every word is that common (a tiny corpus), all are kept: the pairs alone would not find the passages that spell the words apart.
    if (!useful.some((t) => !isBigram(t))) return rarest(terms, MAX_QUERY_TERMS, frequency);
    // A Vietnamese syllable that one of the question's syllable pairs contains adds little beyond the pair, unless it is rare.
    const inPairs = new Set(useful.filter(isBigram).flatMap(bigramParts));
    const pairedLimit = Math.max(this.documentCount * PAIRED_SYLLABLE_MAX_SHARE, PAIRED_SYLLABLE_MIN_PASSAGES);
    return rarest(useful.filter((t) => !inPairs.has(t) || frequency.get(t)! <= pairedLimit), MAX_QUERY_TERMS, frequency);
  }

  /** Inverse document frequency of a (folded or exact) term over passages. */
  idf(term: string): number {
    const df = this.frequency(term);
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  /** Passages holding the term in its indexed form (its stem, its folded form); remembered, as the answerer asks often. */
  private frequency(term: string): number {
    return isStopword(term) ? this.documentCount : this.formFrequency(termForm(term));
  }

  /**
   * The passage count that decides whether a term is searched, and how: a Vietnamese term written with
   * marks goes by its folded form's, so that the same syllables are left out as too common as when only
   * folded terms were searched. By its own, rarer count, more would be searched: 4.7 against 3.4 ms a
   * question's BM25 on the Vietnamese news archive (300 of its titles).
   */
  private costFrequency(form: string): number {
    return this.formFrequency(foldedForm(form));
  }

  /** Passages holding an index term (see indexTerms), remembered. */
  private formFrequency(form: string): number {
    let frequency = this.frequencies.get(form);
    if (frequency === undefined) {
      frequency = Math.min(this.documentCount, this.terms.frequency(form));
      this.frequencies.set(form, frequency);
    }
    return frequency;
  }
}

/**
 * A syllable also searched as part of a syllable pair is searched alone only when at most this share
 * of passages hold it. Vietnamese questions are mostly common syllables, whose posting lists made a
 * BM25 query on the 62.6k-passage Vietnamese news archive take 207 ms (p50) and 445 ms (p95), and
 * 26 and 50 ms with 0.05 (200 questions made of its titles). BM25 alone on mlqa-vi, R@1 / R@5: all
 * syllables 62.3 / 80.2 %; shares 0.2, 0.1, 0.05, 0.03, 0.02: 62.3 / 80.7, 62.1 / 79.8, 62.3 / 80.2,
 * 61.9 / 80.6, 61.9 / 79.4 %. 0.05 is in the middle of the flat part. But the whole pipeline on
 * mlqa-vi (745 passages, where 5 % is 37 passages: content syllables, not function ones) answered
 * 0.6 point fewer questions correctly and abstained falsely 1.1 points more; so a syllable is only
 * ever dropped when more than PAIRED_SYLLABLE_MIN_PASSAGES passages hold it: a large archive's
 * queries get faster, a small one's are searched as before.
 */
const PAIRED_SYLLABLE_MAX_SHARE = 0.05;
const PAIRED_SYLLABLE_MIN_PASSAGES = 1000;

/**
 * A term is common when more than this share of passages, and more than COMMON_TERM_MIN_PASSAGES,
 * hold it; rows holding only common terms are not scored (see LexicalIndex.search). Chosen on the
 * 72k-passage English news archive, 300 questions made of its titles, against scoring every row:
 * - share 0.05: retrieval p50 / p95 38.8 / 90.2 -> 24.3 / 50.8 ms, fused top 5 identical for 100 %;
 * - share 0.02: 35.9 / 93.9 -> 16.6 / 29.2 ms, fused top 5 identical for 93.0 % (96.9 % of the
 *   passages shared, the first passage the same for 98.3 %);
 * - share 0.01: 29.9 / 68.1 -> 13.9 / 23.6 ms, 86.7 % identical.
 * The floor keeps small corpora exact: with no floor and share 0.05, squad2-en (118 passages, where
 * 5 % is six passages) lost 1.7 points of R@5 (94.5 -> 92.8 %); with the floor, no dev set changes.
 */
const COMMON_TERM_MIN_SHARE = 0.02;
const COMMON_TERM_MIN_PASSAGES = 1000;

/**
 * In a query with Vietnamese syllable pairs, every other term is searched this many times, so that a pair weighs a
 * third of a syllable in BM25 (bm25() sums over the query's terms, and cannot weigh them). A pair mostly repeats what
 * its two syllables matched; counted whole, a passage sharing a question's common two-syllable words ("bộ phim",
 * "phát hành") outranks the one naming its subject. mlqa-vi (509 questions), R@1 / R@5 / R@8 with 1 to 5 repeats:
 * 62.5 / 80.2 / 83.7, 64.2 / 81.3 / 84.7, 65.6 / 81.3 / 83.5, 66.8 / 81.5 / 83.5, 66.0 / 81.1 / 83.7 %; the same
 * curve as exact BM25 sums (syllables + w x pairs, w from 0 to 1.5: flat from 0.2 to 0.4, worse on either side).
 * The English questions have no pairs and are searched as before. A query is at most MAX_QUERY_TERMS terms, so at
 * most three times as many phrases.
 */
const SYLLABLE_REPEATS = 3;

/** The terms as searched: see SYLLABLE_REPEATS. */
function weighPairs(terms: readonly string[]): string[] {
  if (!terms.some(isBigram)) return [...terms];
  return terms.flatMap((t) => (isBigram(t) ? [t] : Array.from({ length: SYLLABLE_REPEATS }, () => t)));
}

/** Term frequencies remembered per index (a few MB at most), the least recently used dropped first. */
const FREQUENCY_CACHE_SIZE = 50_000;

/** Extra rows fetched beyond k: rows of passages another version holds are skipped. */
const FETCH_MARGIN = 32;

/**
 * At most this many terms are searched, the rarest: scoring a term costs its posting list, so a
 * 2,000-character question of rare words would otherwise hold the server for seconds on a large
 * archive. Questions and their follow-ups have well under 64 terms (a two-turn Vietnamese follow-up,
 * syllables and syllable pairs, about 60), so the cap only bounds pathological ones.
 */
const MAX_QUERY_TERMS = 64;

/** The `max` terms with the lowest frequency, in their original order, with their frequencies. */
function rarest(terms: string[], max: number, frequency: ReadonlyMap<string, number>): Map<string, number> {
  const kept = new Set([...terms].sort((a, b) => frequency.get(a)! - frequency.get(b)!).slice(0, max));
  return new Map(terms.filter((t) => kept.has(t)).map((t) => [t, frequency.get(t)!]));
}

export function titleLookup(documents: Iterable<Pick<ArticleDocument, 'docId' | 'title'>>): (docId: string) => string {
  const titles = new Map([...documents].map((d) => [d.docId, d.title]));
  return (docId) => titles.get(docId) ?? '';
}
