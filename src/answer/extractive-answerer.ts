import { cosine, type Embedder } from '../embed/index.js';
import { splitSentences } from '../ingest/index.js';
import { words, type RetrievalResult, type RetrievedPassage } from '../retrieve/index.js';
import type { AnswerResult, Citation } from './answer-result.js';
import type { Answerer } from './answerer.js';
import { answerTypeMatch, answerTypeOf, termCoverage, termPresence, termStems, weighTerms, type WeightedTerm } from './sentence-scoring.js';
import { notAnsweredText } from './messages.js';

export interface ExtractiveSettings {
  /** dense and lexical make the evidence score; rank and the answer-type factor only order sentences. */
  weights: { dense: number; lexical: number; rank: number; type: number };
  /** Selection score multiplier for a sentence lacking the kind of fact asked for (a date for "when"). */
  typeMissFactor: number;
  /** Evidence below this means "the articles do not answer it" (calibrated, see README). */
  abstainBelow: number;
  maxSentences: number;
  /** Extra sentences must score at least this share of the best one. */
  followerShare: number;
  minSentenceWords: number;
  /** Questions with at most this many corpus-known terms need all of them in the cited passage. */
  shortQuestionTerms: number;
  /** Evidence multiplier when such a short question's terms never meet in one passage. */
  scatteredTermsFactor: number;
  /** Evidence multiplier when the question names something no article mentions ("France", "iPhone"). */
  unknownNameFactor: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveSettings = {
  weights: { dense: 0.45, lexical: 0.4, rank: 0, type: 0 },
  typeMissFactor: 0.6,
  abstainBelow: 0.37,
  maxSentences: 2,
  followerShare: 0.9,
  minSentenceWords: 4,
  shortQuestionTerms: 3,
  scatteredTermsFactor: 0.4,
  unknownNameFactor: 0.4,
};

const SENTENCE_CACHE_LIMIT = 50_000;

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
  /** How well the sentence answers the question, independent of passage rank: decides abstention. */
  evidence: number;
  coverage: number;
  dense: number;
}

/**
 * The default answerer: no generative model. It picks the one to three
 * sentences of the retrieved passages that best answer the question and
 * quotes them verbatim, so every fact in an answer is in a cited passage.
 */
export class ExtractiveAnswerer implements Answerer {
  private readonly vectorCache = new Map<string, Float32Array>();
  /** Stems of sentences, titles and passages: the same passages come back for popular questions. */
  private readonly stemCache = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly embedder: Embedder,
    private readonly vocabulary: TermStatistics,
    private readonly settings: ExtractiveSettings = DEFAULT_EXTRACTIVE,
  ) {}

  async answer(question: string, retrieval: RetrievalResult): Promise<AnswerResult> {
    const candidates = await this.scoreSentences(question, retrieval);
    const best = candidates[0];
    const evidence = best ? best.evidence : 0;
    if (!best || evidence < this.settings.abstainBelow) return this.abstain(retrieval, candidates, evidence);
    const chosen = this.pickSentences(candidates);
    return { ...compose(chosen), answered: true, evidence };
  }

  /** Every sentence of the retrieved passages, best first. */
  async scoreSentences(question: string, retrieval: RetrievalResult): Promise<Candidate[]> {
    const questionTerms = weighTerms(retrieval.answerTerms, (t) => this.vocabulary.idf(t));
    const type = answerTypeOf(question);
    const { weights, minSentenceWords } = this.settings;
    const raw = retrieval.passages.flatMap((retrieved, rank) => {
      const spans = splitSentences(retrieved.passage.text, retrieved.document.lang);
      const { passage, document } = retrieved;
      const stemsOf = (i: number) => this.stems(`${passage.chunkId}@${spans[i].start}`, () => passage.text.slice(spans[i].start, spans[i].end));
      const titleStems = this.stems(`title@${document.docId}`, () => document.title);
      return spans
        .map((s, i) => ({
          retrieved,
          rank,
          start: s.start,
          end: s.end,
          text: passage.text.slice(s.start, s.end),
          stems: stemsOf(i),
          // "The event … runs from October 27": the subject is often named in the previous sentence or the title.
          contextStems: new Set([...titleStems, ...(i > 0 ? stemsOf(i - 1) : []), ...stemsOf(i)]),
        }))
        .filter((c) => words(c.text).length >= minSentenceWords);
    });
    if (raw.length === 0) return [];
    const [questionVector, vectors] = await Promise.all([this.questionVector(retrieval), this.sentenceVectors(raw)]);
    const scattered = this.scatteredTerms(questionTerms, retrieval);
    const nameFactor = this.namesSomethingUnknown(retrieval.names) ? this.settings.unknownNameFactor : 1;
    return raw
      .map((c, i) => {
        const dense = Math.max(0, cosine(vectors[i], questionVector));
        const own = termCoverage(questionTerms, c.stems);
        const coverage = Math.max(own, 0.9 * termCoverage(questionTerms, c.contextStems));
        // Squared: a sentence missing a key term of the question is weak evidence.
        const scatter = scattered.has(c.retrieved.passage.chunkId) ? this.settings.scatteredTermsFactor : 1;
        const evidence = (weights.dense * dense + weights.lexical * coverage * coverage) * scatter * nameFactor;
        const typeMatch = answerTypeMatch(type, c.text, question);
        const typeFactor = type === 'other' ? 1 : this.settings.typeMissFactor + (1 - this.settings.typeMissFactor) * typeMatch;
        const score = (evidence + weights.rank / (1 + c.rank) + weights.type * typeMatch) * typeFactor;
        return { ...c, dense, coverage, evidence, score };
      })
      .sort((a, b) => b.score - a.score);
  }

  /** The answerer's model may differ from the retriever's: then the question is embedded again, with it. */
  private async questionVector(retrieval: RetrievalResult): Promise<Float32Array> {
    if (this.embedder.modelId === retrieval.queryModel) return retrieval.queryVector;
    const [vector] = await this.embedder.embed([retrieval.denseText], 'query');
    return vector;
  }

  /**
   * Like passages, sentences are embedded with their article's title so that
   * "The event runs from…" still says which event. Vectors are cached per
   * sentence: the same passages come back for popular questions.
   */
  private async sentenceVectors(sentences: Array<{ retrieved: RetrievedPassage; start: number; text: string }>): Promise<Float32Array[]> {
    const keys = sentences.map((c) => `${c.retrieved.passage.chunkId}@${c.start}`);
    const missing = [...new Set(keys.filter((k) => !this.vectorCache.has(k)))];
    if (missing.length > 0) {
      const byKey = new Map(sentences.map((c, i) => [keys[i], c]));
      const fresh = await this.embedder.embed(missing.map((k) => `${byKey.get(k)!.retrieved.document.title}\n${byKey.get(k)!.text}`), 'passage');
      if (this.vectorCache.size + missing.length > SENTENCE_CACHE_LIMIT) this.vectorCache.clear();
      missing.forEach((k, i) => this.vectorCache.set(k, fresh[i]));
    }
    return keys.map((k) => this.vectorCache.get(k)!);
  }

  private stems(key: string, text: () => string): ReadonlySet<string> {
    let stems = this.stemCache.get(key);
    if (!stems) {
      if (this.stemCache.size >= SENTENCE_CACHE_LIMIT) this.stemCache.clear();
      stems = termStems(text());
      this.stemCache.set(key, stems);
    }
    return stems;
  }

  /**
   * Passages that miss a term of a short question ("capital" / "Australia"):
   * when every term matters, a passage holding only some of them is no answer.
   */
  private scatteredTerms(questionTerms: readonly WeightedTerm[], retrieval: RetrievalResult): Set<string> {
    const known = questionTerms.filter((t) => t.forms.some((f) => f.words.every((w) => this.vocabulary.knows(w))));
    if (known.length === 0 || known.length > this.settings.shortQuestionTerms) return new Set();
    const missing = retrieval.passages.filter((r) => {
      const terms = this.stems(`passage@${r.passage.chunkId}`, () => `${r.document.title} ${r.passage.text}`);
      return known.some((t) => termPresence(t, terms) < 1);
    });
    return new Set(missing.map((r) => r.passage.chunkId));
  }

  private namesSomethingUnknown(names: readonly string[][]): boolean {
    return names.some((name) => !this.mentionsName(name));
  }

  /** Every word of the name is in some article, alone or joined to the next one ("Viet Nam" as "Vietnam"). */
  private mentionsName(name: readonly string[]): boolean {
    for (let i = 0; i < name.length; i++) {
      if (this.vocabulary.knows(name[i])) continue;
      if (i + 1 < name.length && this.vocabulary.knows(name[i] + name[i + 1])) i++;
      else return false;
    }
    return true;
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
