import { answerTypeMatch, stem, type AnswerType } from '../analysis/index.js';
import type { RetrievedPassage } from '../retrieve/index.js';
import { termCoverage, termPresence, type WeightedTerm } from './sentence-scoring.js';

/**
 * The measurements the answer model reads for one candidate sentence. Names
 * are stable: the trained weights (models/newsdesk/answer-selector) refer to them.
 */
export const FEATURE_NAMES = [
  'coverage',
  'coverageSquared',
  'contextCoverage',
  'passageCoverage',
  'titleCoverage',
  'bigramCoverage',
  'phraseCoverage',
  'missingRareTerm',
  'longestRun',
  'typeMatch',
  'typeMissing',
  'dateMatch',
  'numberMatch',
  'personMatch',
  'placeMatch',
  'otherYear',
  'novelWords',
  'passageRank',
  'lexicalRank',
  'denseRank',
  'sentenceSimilarity',
  'passageSimilarity',
  'lengthLog',
  'firstInPassage',
  'unknownTerms',
  'unknownName',
  'nameMissing',
  'unknownPhrases',
  'scatteredTerms',
  'bestCoverageGap',
  'offTitleCoverage',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

/** A question as the features read it: its weighted terms, in order, and what it asks for. */
export interface QuestionView {
  text: string;
  lang: 'en' | 'vi';
  /**
   * The language of the articles the answer is read from: a Vietnamese question about English articles
   * is matched through its English glossary terms, English sentences against English terms, so the
   * English model reads it.
   */
  evidenceLang: 'en' | 'vi';
  type: AnswerType;
  terms: readonly WeightedTerm[];
  /** Stems of the question's content words in question order, for adjacency and order. */
  sequence: readonly string[];
  /** IDF-weighted share of the question's terms that no article contains (0..1). */
  unknownTerms: number;
  /** The question names something no article mentions ("France", "iPhone"). */
  unknownName: boolean;
  /** The names the question uses (runs of capitalized words), each as its folded words. */
  names: ReadonlyArray<readonly string[]>;
  /** Adjacent word pairs of the question (Vietnamese: syllable pairs) with their weight. */
  phrases: ReadonlyArray<{ key: string; weight: number }>;
  /** Weighted share of those pairs that no article contains (Vietnamese only, 0..1). */
  unknownPhrases: number;
  /** BM25 score of the second-best passage read over the best's (0..1; 0 with fewer than two found lexically). */
  lexicalRunnerUp: number;
  /** Distinct articles among the passages read, over their number (0..1). */
  articleSpread: number;
}

/** A sentence as the features read it. */
export interface SentenceView {
  retrieved: RetrievedPassage;
  rank: number;
  /** Index of the sentence in its passage. */
  position: number;
  text: string;
  /** Stems of the sentence's content words, in order. */
  sequence: readonly string[];
  stems: ReadonlySet<string>;
  /** Stems of the title, the previous sentence and the sentence. */
  contextStems: ReadonlySet<string>;
  /** Stems of the article's title. */
  titleStems: ReadonlySet<string>;
  /** Stems of the passage and its article's title. */
  passageStems: ReadonlySet<string>;
  /** Adjacent word pairs of the sentence, keyed as the question's are. */
  phrases: ReadonlySet<string>;
  /** Similarity of question and sentence by the sentence model (0 when the model does not read the language). */
  similarity: number;
  /** The passage misses a term of a short question. */
  scattered: boolean;
  /** Share of the question's names that the passage and its title lack (see nameMissing). */
  namesMissing: number;
}

export function sentenceFeatures(q: QuestionView, s: SentenceView): FeatureVector {
  const coverage = termCoverage(q.terms, s.stems);
  const typeMatch = q.type === 'other' ? 0 : answerTypeMatch(q.type, s.text, q.text);
  const questionStems = new Set(q.sequence);
  const novel = s.sequence.filter((w) => !questionStems.has(w)).length;
  return {
    coverage,
    coverageSquared: coverage * coverage,
    contextCoverage: termCoverage(q.terms, s.contextStems),
    passageCoverage: termCoverage(q.terms, s.passageStems),
    titleCoverage: termCoverage(q.terms, s.titleStems),
    bigramCoverage: bigramCoverage(q.sequence, s.sequence),
    phraseCoverage: phraseCoverage(q.phrases, s.phrases),
    missingRareTerm: missingRareTerm(q.terms, s.contextStems),
    longestRun: q.sequence.length === 0 ? 0 : longestCommonRun(q.sequence, s.sequence) / q.sequence.length,
    typeMatch,
    typeMissing: q.type !== 'other' && typeMatch === 0 ? 1 : 0,
    // Per kind of fact: a day and month answer "when" far more often than a number answers "how many".
    dateMatch: q.type === 'date' ? typeMatch : 0,
    numberMatch: q.type === 'number' ? typeMatch : 0,
    personMatch: q.type === 'person' ? typeMatch : 0,
    placeMatch: q.type === 'place' ? typeMatch : 0,
    otherYear: mentionsOtherYear(q.text, s.text) ? 1 : 0,
    novelWords: Math.log1p(novel),
    passageRank: 1 / (1 + s.rank),
    lexicalRank: s.retrieved.lexicalRank === null ? 0 : 1 / s.retrieved.lexicalRank,
    denseRank: s.retrieved.denseRank === null ? 0 : 1 / s.retrieved.denseRank,
    sentenceSimilarity: s.similarity,
    // The index model reads English only (like the word model's similarity, 0 for Vietnamese articles).
    passageSimilarity: q.evidenceLang === 'vi' ? 0 : Math.max(0, s.retrieved.denseScore),
    lengthLog: Math.log1p(s.sequence.length),
    firstInPassage: s.position === 0 ? 1 : 0,
    unknownTerms: q.unknownTerms,
    unknownName: q.unknownName ? 1 : 0,
    nameMissing: s.namesMissing,
    unknownPhrases: q.unknownPhrases,
    scatteredTerms: s.scattered ? 1 : 0,
    bestCoverageGap: 0,
    offTitleCoverage: offTitleCoverage(q.terms, s.stems, s.titleStems),
  };
}

/**
 * IDF-weighted share of the question's terms that the article's title does not say, said by the sentence
 * (0 when the title says them all). Within an article the title's words are its subject, said everywhere:
 * the others ("Who directed the drill?" over "Special forces hold a counter-terrorism drill") pick the sentence.
 */
function offTitleCoverage(terms: readonly WeightedTerm[], present: ReadonlySet<string>, title: ReadonlySet<string>): number {
  const weights = offTitleWeights(terms, title);
  let total = 0;
  let found = 0;
  for (let i = 0; i < terms.length; i++) {
    if (weights[i] === 0) continue;
    total += weights[i];
    found += weights[i] * termPresence(terms[i], present);
  }
  return total === 0 ? 0 : found / total;
}

// The sentences of a passage share its title's stems (one set per passage and question): weighed once.
const titleWeights = new WeakMap<ReadonlySet<string>, { terms: readonly WeightedTerm[]; weights: number[] }>();

/** Each term's weight times the share of it the title does not say. */
function offTitleWeights(terms: readonly WeightedTerm[], title: ReadonlySet<string>): number[] {
  const known = titleWeights.get(title);
  if (known && known.terms === terms) return known.weights;
  const weights = terms.map((t) => t.weight * (1 - termPresence(t, title)));
  titleWeights.set(title, { terms, weights });
  return weights;
}

/** Fills the features that compare a sentence with the others retrieved for the same question. */
export function addRelativeFeatures(vectors: FeatureVector[]): void {
  const best = Math.max(0, ...vectors.map((v) => v.coverage));
  for (const v of vectors) v.bestCoverageGap = best - v.coverage;
}

const YEAR = /\b(1[5-9]|20)\d{2}\b/g;

/** The question names a year and the sentence names years, none of them the question's: it is about another time. */
function mentionsOtherYear(question: string, sentence: string): boolean {
  const asked = question.match(YEAR);
  if (!asked) return false;
  const said = sentence.match(YEAR);
  return said !== null && !said.some((y) => asked.includes(y));
}

function phraseCoverage(phrases: QuestionView['phrases'], present: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const p of phrases) {
    total += p.weight;
    if (present.has(p.key)) found += p.weight;
  }
  return total === 0 ? 0 : found / total;
}

/** Share of the question's names that the passage and its title (their stems) do not hold, every word of them. */
export function nameMissing(names: ReadonlyArray<readonly string[]>, present: ReadonlySet<string>): number {
  if (names.length === 0) return 0;
  return names.filter((name) => !holdsName(name, present)).length / names.length;
}

/** Every word of the name is there (as its stem), alone or joined to the next one ("Viet Nam" as "Vietnam"). */
function holdsName(name: readonly string[], present: ReadonlySet<string>): boolean {
  for (let i = 0; i < name.length; i++) {
    if (i + 1 < name.length && present.has(stem(name[i] + name[i + 1]))) i++;
    else if (!holdsWord(stem(name[i]), present)) return false;
  }
  return true;
}

/** The stem, or one it begins or that begins it: "Vietnamese" is about "Vietnam", "Indonesian" about "Indonesia". */
function holdsWord(word: string, present: ReadonlySet<string>): boolean {
  if (present.has(word)) return true;
  for (const p of present) {
    const [shorter, longer] = p.length < word.length ? [p, word] : [word, p];
    if (shorter.length >= NAME_PREFIX_MIN && longer.startsWith(shorter)) return true;
  }
  return false;
}

/** Shortest stem that counts as the start of a name's word (shorter ones begin too many unrelated words). */
const NAME_PREFIX_MIN = 4;

/**
 * How rare the rarest question term the sentence (with its context) does not say is, against the rarest
 * term of the question (0..1): a question that looks answered but for one changed name or number.
 */
function missingRareTerm(terms: readonly WeightedTerm[], present: ReadonlySet<string>): number {
  const rarest = Math.max(0, ...terms.map((t) => t.weight));
  if (rarest === 0) return 0;
  const missing = terms.filter((t) => termPresence(t, present) < 1).map((t) => t.weight);
  return Math.max(0, ...missing) / rarest;
}

/** Share of the question's adjacent word pairs that the sentence also has next to each other. */
function bigramCoverage(question: readonly string[], sentence: readonly string[]): number {
  if (question.length < 2) return 0;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < sentence.length; i++) pairs.add(`${sentence[i]} ${sentence[i + 1]}`);
  let found = 0;
  for (let i = 0; i + 1 < question.length; i++) if (pairs.has(`${question[i]} ${question[i + 1]}`)) found++;
  return found / (question.length - 1);
}

/** Length of the longest run of question words found in the same order, consecutively, in the sentence. */
function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best) best = current[j];
      }
    }
    previous = current;
  }
  return best;
}


/** What the abstainer reads about a question once its sentences are ranked. */
export const QUESTION_FEATURE_NAMES = [
  'bestLogit',
  'secondLogit',
  'candidates',
  'bestMargin',
  'questionTerms',
  'bestPassageCoverage',
  'passageCoverage',
  'bestTitleCoverage',
  'coverage',
  'contextCoverage',
  'phraseCoverage',
  'missingRareTerm',
  'typeMatch',
  'typeMissing',
  'sentenceSimilarity',
  'passageSimilarity',
  'lexicalRank',
  'unknownTerms',
  'unknownName',
  'nameMissing',
  'unknownPhrases',
  'scatteredTerms',
  'lexicalRunnerUp',
  'articleSpread',
] as const;

export type QuestionFeatureName = (typeof QUESTION_FEATURE_NAMES)[number];
export type QuestionFeatureVector = Record<QuestionFeatureName, number>;

const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));

/** What the abstainer needs of a question beyond its ranked sentences. */
export interface QuestionSummary {
  termCount: number;
  unknownTerms: number;
  unknownName: boolean;
  unknownPhrases: number;
  lexicalRunnerUp: number;
  articleSpread: number;
}

export function summarizeQuestion(q: QuestionView): QuestionSummary {
  const { unknownTerms, unknownName, unknownPhrases, lexicalRunnerUp, articleSpread } = q;
  return { termCount: q.terms.length, unknownTerms, unknownName, unknownPhrases, lexicalRunnerUp, articleSpread };
}

/** The question's features from its best two sentences (by the selector's probability, best first). */
export function questionFeatures(q: QuestionSummary, ranked: ReadonlyArray<{ features: FeatureVector; probability: number }>): QuestionFeatureVector {
  const [best, second] = ranked;
  const f = best?.features;
  return {
    bestLogit: best ? logit(best.probability) : logit(0),
    secondLogit: second ? logit(second.probability) : logit(0),
    candidates: Math.log1p(ranked.length),
    bestMargin: best ? best.probability - (second?.probability ?? 0) : 0,
    questionTerms: Math.log1p(q.termCount),
    bestPassageCoverage: Math.max(0, ...ranked.map((r) => r.features.passageCoverage)),
    passageCoverage: f?.passageCoverage ?? 0,
    bestTitleCoverage: Math.max(0, ...ranked.map((r) => r.features.titleCoverage)),
    coverage: f?.coverage ?? 0,
    contextCoverage: f?.contextCoverage ?? 0,
    phraseCoverage: f?.phraseCoverage ?? 0,
    missingRareTerm: f?.missingRareTerm ?? 1,
    typeMatch: f?.typeMatch ?? 0,
    typeMissing: f?.typeMissing ?? 0,
    sentenceSimilarity: f?.sentenceSimilarity ?? 0,
    passageSimilarity: f?.passageSimilarity ?? 0,
    lexicalRank: f?.lexicalRank ?? 0,
    unknownTerms: q.unknownTerms,
    unknownName: q.unknownName ? 1 : 0,
    nameMissing: f?.nameMissing ?? 0,
    unknownPhrases: q.unknownPhrases,
    scatteredTerms: f?.scatteredTerms ?? 0,
    lexicalRunnerUp: q.lexicalRunnerUp,
    articleSpread: q.articleSpread,
  };
}
