import { cosine, type Embedder } from '../embed/index.js';
import { splitSentences } from '../ingest/index.js';
import { words, type RetrievalResult, type RetrievedPassage } from '../retrieve/index.js';
import type { AnswerResult, Citation } from './answer-result.js';
import type { Answerer } from './answerer.js';
import { answerTypeMatch, answerTypeOf } from './sentence-scoring.js';
import { termCoverage } from './sentence-scoring.js';
import { notAnsweredText } from './messages.js';

export interface ExtractiveSettings {
  weights: { dense: number; lexical: number; rank: number; type: number };
  /** Evidence below this means "the articles do not answer it" (calibrated, see README). */
  abstainBelow: number;
  maxSentences: number;
  /** Extra sentences must score at least this share of the best one. */
  followerShare: number;
  minSentenceWords: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveSettings = {
  weights: { dense: 0.3, lexical: 0.6, rank: 0.2, type: 0 },
  abstainBelow: 0.295,
  maxSentences: 2,
  followerShare: 0.9,
  minSentenceWords: 4,
};

/** Corpus statistics of (folded) terms. */
export interface TermStatistics {
  idf(term: string): number;
  knows(term: string): boolean;
}

interface Candidate {
  retrieved: RetrievedPassage;
  rank: number;
  start: number;
  end: number;
  text: string;
  score: number;
  coverage: number;
  dense: number;
}

/**
 * The default answerer: no generative model. It picks the one to three
 * sentences of the retrieved passages that best answer the question and
 * quotes them verbatim, so every fact in an answer is in a cited passage.
 */
export class ExtractiveAnswerer implements Answerer {
  constructor(
    private readonly embedder: Embedder,
    private readonly vocabulary: TermStatistics,
    private readonly settings: ExtractiveSettings = DEFAULT_EXTRACTIVE,
  ) {}

  async answer(question: string, retrieval: RetrievalResult): Promise<AnswerResult> {
    const candidates = await this.scoreSentences(question, retrieval);
    const best = candidates[0];
    const evidence = best ? best.score : 0;
    if (!best || evidence < this.settings.abstainBelow) return this.abstain(retrieval, candidates, evidence);
    const chosen = this.pickSentences(candidates);
    return { ...compose(chosen), answered: true, evidence };
  }

  /** Every sentence of the retrieved passages, best first. */
  async scoreSentences(question: string, retrieval: RetrievalResult): Promise<Candidate[]> {
    const questionTerms = retrieval.answerTerms;
    const idf = (t: string) => this.vocabulary.idf(t);
    const type = answerTypeOf(question);
    const { weights, minSentenceWords } = this.settings;
    const raw = retrieval.passages.flatMap((retrieved, rank) =>
      splitSentences(retrieved.passage.text, retrieved.document.lang)
        .map((s) => ({ retrieved, rank, start: s.start, end: s.end, text: retrieved.passage.text.slice(s.start, s.end) }))
        .filter((c) => words(c.text).length >= minSentenceWords),
    );
    if (raw.length === 0) return [];
    const vectors = await this.embedder.embed(raw.map((c) => c.text), 'passage');
    return raw
      .map((c, i) => {
        const dense = Math.max(0, cosine(vectors[i], retrieval.queryVector));
        const coverage = termCoverage(questionTerms, c.text, idf);
        // Squared: a sentence missing a key term of the question is weak evidence.
        const score = weights.dense * dense + weights.lexical * coverage * coverage + weights.rank / (1 + c.rank) + weights.type * answerTypeMatch(type, c.text, question);
        return { ...c, dense, coverage, score };
      })
      .sort((a, b) => b.score - a.score);
  }

  private pickSentences(candidates: Candidate[]): Candidate[] {
    const chosen = [candidates[0]];
    for (const c of candidates.slice(1)) {
      if (chosen.length >= this.settings.maxSentences || c.score < this.settings.followerShare * candidates[0].score) break;
      const terms = new Set(words(c.text));
      const redundant = chosen.some((x) => overlap(new Set(words(x.text)), terms) > 0.5 || sameSpan(x, c));
      if (!redundant) chosen.push(c);
    }
    return chosen;
  }

  private abstain(retrieval: RetrievalResult, candidates: Candidate[], evidence: number): AnswerResult {
    const related: Candidate[] = [];
    for (const c of candidates) {
      if (related.length >= 3) break;
      if (!related.some((r) => r.retrieved.passage.chunkId === c.retrieved.passage.chunkId)) related.push(c);
    }
    const citations = related.map((c, i) => citation(i + 1, c.retrieved, c.start, c.end));
    const markers = citations.map((c) => `[${c.n}]`).join(', ');
    return { answer: notAnsweredText(retrieval.lang, markers), answered: false, citations, evidence };
  }
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function sameSpan(a: Candidate, b: Candidate): boolean {
  const docA = a.retrieved.passage;
  const docB = b.retrieved.passage;
  return docA.docId === docB.docId && docA.start + a.start === docB.start + b.start;
}

/** Answer text and citations: one citation per passage, quoting the span of its chosen sentences. */
function compose(chosen: Candidate[]): { answer: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const spans = new Map<string, { start: number; end: number; retrieved: RetrievedPassage }>();
  for (const c of chosen) {
    const id = c.retrieved.passage.chunkId;
    const span = spans.get(id);
    spans.set(id, span ? { ...span, start: Math.min(span.start, c.start), end: Math.max(span.end, c.end) } : { start: c.start, end: c.end, retrieved: c.retrieved });
    if (!numberOf.has(id)) numberOf.set(id, numberOf.size + 1);
  }
  for (const [id, span] of spans) citations.push(citation(numberOf.get(id)!, span.retrieved, span.start, span.end));
  const answer = chosen.map((c) => `${c.text} [${numberOf.get(c.retrieved.passage.chunkId)}]`).join(' ');
  return { answer, citations: citations.sort((a, b) => a.n - b.n) };
}

function citation(n: number, r: RetrievedPassage, quoteStart: number, quoteEnd: number): Citation {
  return {
    n,
    docId: r.document.docId,
    title: r.document.title,
    source: r.document.source,
    published: r.document.published,
    chunkId: r.passage.chunkId,
    text: r.passage.text,
    quote: r.passage.text.slice(quoteStart, quoteEnd),
    start: r.passage.start,
    end: r.passage.end,
    score: Number(r.score.toFixed(6)),
  };
}
