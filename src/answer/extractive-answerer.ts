import { cosine, type Embedder } from '../embed/index.js';
import { splitSentences } from '../ingest/index.js';
import type { RetrievalResult, RetrievedPassage } from '../retrieve/index.js';
import type { AnswerResult, AnswerSpanResult, Citation } from './answer-result.js';
import { findAnswerSpan, type SpanReading } from './answer-span.js';
import type { Answerer } from './answerer.js';
import { fileURLToPath } from 'node:url';
import { LRUCache } from 'lru-cache';
import { answerTypeOf, canonicalText, syllablePairs, words, type Lang } from '../analysis/index.js';
import { addRelativeFeatures, nameMissing, questionFeatures, sentenceFeatures, summarizeQuestion, type FeatureVector, type QuestionView } from './answer-features.js';
import type { AnswerModel } from './answer-model.js';
import { termPresence, termSequence, termSequenceOfWords, weighTerms, type WeightedTerm } from './sentence-scoring.js';
import { notAnsweredText } from './messages.js';
import { citedDocument } from './cited-document.js';

export interface ExtractiveSettings {
  maxSentences: number;
  /** Extra sentences must have at least this share of the best one's probability. */
  followerShare: number;
  minSentenceWords: number;
  /** Questions with at most this many corpus-known terms need all of them in the cited passage. */
  shortQuestionTerms: number;
  /**
   * Passages whose sentences are considered (the retrieval's best first), by the question's language. Out of fold,
   * reading 5 / 6 / 7 / 8 / 9 / 10 passages gave Vietnamese left-out abstention 41.9 / 42.7 / 50.4 / 51.3 / 48.7 /
   * 53.0 % and mlqa-vi answer correct 58.9 / 59.3 / 59.7 / 59.7 / 60.1 / 60.1 %; English gained nothing (squad2-en
   * 79.1–79.7 % correct, left-out 65.7–68.5 %), the seed lost two answers from 8 on, and each English passage costs
   * its sentences' embeddings (p50 +2 to +4 ms at 8 on the 72k-passage archive). So Vietnamese questions read 8.
   */
  passages: Record<Lang, number>;
  /** The answer's span is given when the span finder is at least this sure (F1 of spans falls below 0.5 under it: bench/span-eval.ts). */
  minSpanConfidence: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveSettings = {
  maxSentences: 2,
  followerShare: 0.5,
  minSentenceWords: 4,
  shortQuestionTerms: 3,
  passages: { en: 5, vi: 8 },
  minSpanConfidence: 0.5,
};

/** How many passages /ask retrieves unless told: as many as the answerer reads for any language. */
export const PASSAGES_CONSIDERED = Math.max(...Object.values(DEFAULT_EXTRACTIVE.passages));

/** The committed answer selector (npm run train:answerer). */
export const DEFAULT_ANSWER_MODEL_PATH = fileURLToPath(new URL('../../models/newsdesk/answer-selector/weights.json', import.meta.url));

/**
 * Sentences whose vector, stems and word pairs are remembered (each cache), the least recently used
 * dropped first: a question reads about 21 (English) or 35 (Vietnamese), so this is the last several
 * hundred questions' sentences, about 30 MB at most over the two caches.
 */
const SENTENCE_CACHE_SIZE = 20_000;

/** Corpus statistics of (folded) terms. */
export interface TermStatistics {
  idf(term: string): number;
  knows(term: string): boolean;
}

/** A sentence (or a title) as the answerer reads it, from one pass over its words. */
interface ReadSentence {
  /** Stems of its content words, in order. */
  sequence: readonly string[];
  /** Adjacent pairs: Vietnamese syllable pairs as the lexical index has them, English adjacent content-word stems. */
  phrases: ReadonlySet<string>;
  wordCount: number;
}

/** A retrieved passage as the answerer reads it. */
interface ReadPassage {
  retrieved: RetrievedPassage;
  spans: ReadonlyArray<{ start: number; end: number }>;
  sentences: readonly ReadSentence[];
  titleSequence: readonly string[];
  /** Stems of the title and of every sentence. */
  stems: ReadonlySet<string>;
}

export interface Candidate {
  retrieved: RetrievedPassage;
  rank: number;
  start: number;
  end: number;
  text: string;
  features: FeatureVector;
  /** Probability that the sentence states the answer (0 without a model). */
  probability: number;
}

/**
 * The default answerer: no generative model. It picks the one to three
 * sentences of the retrieved passages that best answer the question and
 * quotes them verbatim, so every fact in an answer is in a cited passage.
 */
export class ExtractiveAnswerer implements Answerer {
  private readonly vectorCache = new LRUCache<string, Float32Array>({ max: SENTENCE_CACHE_SIZE });
  /** Sentences and titles as read: the same passages come back for popular questions. */
  private readonly readingCache = new LRUCache<string, ReadSentence>({ max: SENTENCE_CACHE_SIZE });

  constructor(
    private readonly embedder: Embedder,
    private readonly vocabulary: TermStatistics,
    private readonly model: AnswerModel | null,
    private readonly settings: ExtractiveSettings = DEFAULT_EXTRACTIVE,
  ) {}

  async answer(asked: string, retrieval: RetrievalResult): Promise<AnswerResult> {
    if (!this.model) throw new Error('ExtractiveAnswerer needs an answer model to answer (npm run train:answerer)');
    const question = retrieval.question ?? canonicalText(asked);
    const { candidates, view } = await this.rankSentences(question, retrieval);
    const reading = { lang: view.evidenceLang, translated: view.lang !== view.evidenceLang };
    const evidence = candidates.length === 0 ? 0 : this.model.answerableProbability(reading, questionFeatures(summarizeQuestion(view), candidates));
    if (evidence < this.model.threshold(reading)) return this.abstain(retrieval, candidates, evidence);
    const chosen = withAntecedent(this.pickSentences(candidates), candidates);
    const composed = compose(chosen);
    const answerSpan = this.answerSpan(question, view.lang, retrieval.searchedText, chosen, composed.citations);
    return { ...composed, answered: true, evidence, ...(answerSpan ? { answerSpan } : {}) };
  }

  /** The shortest part of a quoted sentence that answers, as offsets in its citation's quote, when the span finder is confident. */
  private answerSpan(question: string, lang: 'en' | 'vi', searchedText: string, chosen: Candidate[], citations: Citation[]): AnswerSpanResult | null {
    // The words searched (a follow-up's previous question, a Vietnamese question's glossary English) are looked for too;
    // a Vietnamese question's English sentence is read as English.
    const reading = (c: Candidate): SpanReading => ({ searchedText, ...(lang === 'vi' && c.retrieved.document.lang === 'en' ? { sentenceLang: 'en' } : {}) });
    const found = chosen
      .map((sentence) => ({ sentence, span: findAnswerSpan(question, sentence.text, lang, reading(sentence)) }))
      .filter((x) => x.span !== null && x.span.confidence >= this.settings.minSpanConfidence)
      .sort((a, b) => b.span!.confidence - a.span!.confidence)[0];
    if (!found) return null;
    const cited = citations.find((c) => c.chunkId === found.sentence.retrieved.passage.chunkId);
    const offset = cited ? cited.quote.indexOf(found.sentence.text) : -1;
    if (!cited || offset < 0) return null;
    return { n: cited.n, start: offset + found.span!.start, end: offset + found.span!.end, text: found.span!.text };
  }

  /** Every sentence of the retrieved passages with its features, most probable answer first. */
  async rankSentences(question: string, retrieval: RetrievalResult): Promise<{ candidates: Candidate[]; view: QuestionView }> {
    const view = this.questionView(retrieval.question ?? question, retrieval);
    const { minSentenceWords } = this.settings;
    const passages = this.passagesRead(retrieval).map((retrieved) => this.readPassage(retrieved));
    const scattered = this.scatteredTerms(view.terms, passages);
    const namesMissing = passages.map((p) => nameMissing(view.names, p.stems));
    const raw = passages.flatMap(({ retrieved, spans, sentences, titleSequence, stems: passageStems }, rank) => {
      const { passage } = retrieved;
      const titleStems = new Set(titleSequence);
      return spans
        .map((s, i) => {
          const { sequence, phrases, wordCount } = sentences[i];
          return {
            retrieved,
            rank,
            position: i,
            start: s.start,
            end: s.end,
            text: passage.text.slice(s.start, s.end),
            sequence,
            stems: new Set(sequence),
            // "The event … runs from October 27": the subject is often named in the previous sentence or the title.
            contextStems: new Set([...titleSequence, ...(i > 0 ? sentences[i - 1].sequence : []), ...sequence]),
            phrases,
            wordCount,
            passageStems,
            titleStems,
            scattered: scattered.has(passage.chunkId),
            namesMissing: namesMissing[rank],
          };
        })
        .filter((c) => c.wordCount >= minSentenceWords);
    });
    if (raw.length === 0) return { candidates: [], view };
    const similarities = await this.similarities(view, retrieval, raw);
    const features = raw.map((c, i) => sentenceFeatures(view, { ...c, similarity: similarities[i] }));
    addRelativeFeatures(features);
    const probabilities = this.model ? this.model.sentenceProbabilities(view.evidenceLang, features) : features.map(() => 0);
    const candidates = raw
      .map((c, i) => ({
        retrieved: c.retrieved,
        rank: c.rank,
        start: c.start,
        end: c.end,
        text: c.text,
        features: features[i],
        probability: probabilities[i],
      }))
      .sort((a, b) => b.probability - a.probability);
    return { candidates, view };
  }

  private questionView(question: string, retrieval: RetrievalResult): QuestionView {
    const terms = weighTerms(retrieval.answerTerms, (t) => this.vocabulary.idf(t));
    const total = terms.reduce((sum, t) => sum + t.weight, 0);
    const unknown = terms.filter((t) => t.forms.every((f) => f.words.some((w) => !this.vocabulary.knows(w)))).reduce((sum, t) => sum + t.weight, 0);
    const sequence = termSequence(question);
    const phrases = phraseKeys(retrieval.lang, words(question), sequence).map((key) => ({ key, weight: this.phraseWeight(retrieval.lang, key) }));
    const phraseTotal = phrases.reduce((sum, p) => sum + p.weight, 0);
    const unknownPhrases = retrieval.lang === 'vi' && phraseTotal > 0 ? phrases.filter((p) => !this.vocabulary.knows(p.key)).reduce((sum, p) => sum + p.weight, 0) / phraseTotal : 0;
    return {
      text: question,
      lang: retrieval.lang,
      evidenceLang: evidenceLanguage(retrieval.lang, this.passagesRead(retrieval)),
      phrases,
      unknownPhrases,
      type: answerTypeOf(question),
      terms,
      sequence,
      unknownTerms: total > 0 ? unknown / total : 0,
      unknownName: this.namesSomethingUnknown(retrieval.names),
      names: retrieval.names,
      ...this.retrievalShape(this.passagesRead(retrieval)),
    };
  }

  private passagesRead(retrieval: RetrievalResult): RetrievedPassage[] {
    return retrieval.passages.slice(0, this.settings.passages[retrieval.lang]);
  }

  /**
   * How the search found the passages read. An article the corpus holds tends to win the lexical search
   * clearly and fill several of the places; without it, near-equal passages of as many articles come back.
   */
  private retrievalShape(passages: readonly RetrievedPassage[]): Pick<QuestionView, 'lexicalRunnerUp' | 'articleSpread'> {
    const scores = passages.flatMap((r) => (r.lexicalScore === null ? [] : [r.lexicalScore])).sort((a, b) => b - a);
    return {
      lexicalRunnerUp: scores.length < 2 || scores[0] <= 0 ? 0 : scores[1] / scores[0],
      articleSpread: passages.length === 0 ? 0 : new Set(passages.map((r) => r.passage.docId)).size / passages.length,
    };
  }

  /** Sentence-model similarity of question and each sentence; the word model reads English only. */
  private async similarities(view: QuestionView, retrieval: RetrievalResult, sentences: Array<{ retrieved: RetrievedPassage; start: number; text: string }>): Promise<number[]> {
    if (view.evidenceLang !== 'en') return sentences.map(() => 0);
    const [questionVector, vectors] = await Promise.all([this.questionVector(retrieval), this.sentenceVectors(sentences)]);
    return vectors.map((v) => Math.max(0, cosine(v, questionVector)));
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
    const vectors = new Map<string, Float32Array>();
    for (const k of keys) {
      const cached = this.vectorCache.get(k);
      if (cached) vectors.set(k, cached);
    }
    const missing = [...new Set(keys.filter((k) => !vectors.has(k)))];
    if (missing.length > 0) {
      const byKey = new Map(sentences.map((c, i) => [keys[i], c]));
      const fresh = await this.embedder.embed(missing.map((k) => `${byKey.get(k)!.retrieved.document.title}\n${byKey.get(k)!.text}`), 'passage');
      missing.forEach((k, i) => {
        vectors.set(k, fresh[i]);
        this.vectorCache.set(k, fresh[i]);
      });
    }
    return keys.map((k) => vectors.get(k)!);
  }

  /** A passage's sentences with their stems in order, its title's, and all of them together. */
  private readPassage(retrieved: RetrievedPassage): ReadPassage {
    const { passage, document } = retrieved;
    const spans = splitSentences(passage.text, document.lang);
    const sentences = spans.map((s) => this.readSentence(`${passage.chunkId}@${s.start}`, document.lang, () => passage.text.slice(s.start, s.end)));
    const titleSequence = this.readSentence(`title@${document.docId}`, document.lang, () => document.title).sequence;
    return { retrieved, spans, sentences, titleSequence, stems: new Set([...titleSequence, ...sentences.flatMap((s) => s.sequence)]) };
  }

  private readSentence(key: string, lang: Lang, text: () => string): ReadSentence {
    let reading = this.readingCache.get(key);
    if (!reading) {
      const tokens = words(text());
      const sequence = termSequenceOfWords(tokens);
      reading = { sequence, phrases: new Set(phraseKeys(lang, tokens, sequence)), wordCount: tokens.length };
      this.readingCache.set(key, reading);
    }
    return reading;
  }

  /** A Vietnamese syllable pair weighs its own IDF (it is indexed); an English pair its rarer word's. */
  private phraseWeight(lang: 'en' | 'vi', key: string): number {
    if (lang === 'vi') return this.vocabulary.idf(key);
    const [a, b] = key.split(' ');
    return Math.max(this.vocabulary.idf(a), this.vocabulary.idf(b));
  }

  /**
   * Passages that miss a term of a short question ("capital" / "Australia"):
   * when every term matters, a passage holding only some of them is no answer.
   */
  private scatteredTerms(questionTerms: readonly WeightedTerm[], passages: readonly ReadPassage[]): Set<string> {
    const known = questionTerms.filter((t) => t.forms.some((f) => f.words.every((w) => this.vocabulary.knows(w))));
    if (known.length === 0 || known.length > this.settings.shortQuestionTerms) return new Set();
    const missing = passages.filter((p) => known.some((t) => termPresence(t, p.stems) < 1));
    return new Set(missing.map((p) => p.retrieved.passage.chunkId));
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
      if (chosen.length >= this.settings.maxSentences || c.probability < this.settings.followerShare * candidates[0].probability) break;
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

/** Adjacent word pairs: Vietnamese syllable pairs as the lexical index has them, English adjacent content-word stems. */
function phraseKeys(lang: Lang, tokens: readonly string[], sequence: readonly string[]): string[] {
  if (lang === 'vi') return syllablePairs(tokens);
  const keys: string[] = [];
  for (let i = 0; i + 1 < sequence.length; i++) keys.push(`${sequence[i]} ${sequence[i + 1]}`);
  return keys;
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

/** "She later gave a speech …": a sentence that opens on a pronoun for a person or people, before a verb. */
const OPENS_ON_PRONOUN = /^(?:(?:He|She|They|His|Her|Their)\b|(?:Ông|Bà|Anh|Chị|Cô|Họ|Nó|Hắn)(?:\s+ấy)?\s+\p{Ll})/u;

/**
 * The answer's first sentence quoted with the one before it when it opens on a pronoun: "She later gave a
 * speech …" does not say who did; the sentence before, in the same passage, does.
 */
function withAntecedent(chosen: Candidate[], candidates: Candidate[]): Candidate[] {
  const [first] = chosen;
  if (!OPENS_ON_PRONOUN.test(first.text)) return chosen;
  const { passage } = first.retrieved;
  const before = candidates.find((c) => c.retrieved.passage.chunkId === passage.chunkId && c.end <= first.start && passage.text.slice(c.end, first.start).trim() === '');
  return before && !chosen.includes(before) ? [before, ...chosen] : chosen;
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
    ...citedDocument(r.document),
    chunkId: r.passage.chunkId,
    text: r.passage.text,
    quote: r.passage.text.slice(quoteStart, quoteEnd),
    start: r.passage.start,
    end: r.passage.end,
    score: Number(r.score.toFixed(6)),
  };
}

/** English for a Vietnamese question most of whose passages read are English; the question's language otherwise. */
function evidenceLanguage(questionLang: 'en' | 'vi', passages: readonly RetrievedPassage[]): 'en' | 'vi' {
  if (questionLang !== 'vi') return questionLang;
  const english = passages.filter((r) => r.document.lang === 'en').length;
  return english * 2 > passages.length ? 'en' : 'vi';
}
