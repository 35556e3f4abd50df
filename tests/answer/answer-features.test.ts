import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, QUESTION_FEATURE_NAMES, questionFeatures, weighTerms, type QuestionView } from '../../src/answer/index.js';
import { nameMissing, sentenceFeatures, type SentenceView } from '../../src/answer/answer-features.js';
import { termSequence } from '../../src/answer/sentence-scoring.js';
import { literalTerms, type RetrievedPassage } from '../../src/retrieve/index.js';
import { detectLanguage, questionNames } from '../../src/analysis/index.js';

const idf = (t: string) => ({ treaty: 3, hanoi: 2, signed: 1.5, convention: 2.5 })[t] ?? 1;

function question(text: string): QuestionView {
  const sequence = termSequence(text);
  const lang = detectLanguage(text);
  return { text, lang, evidenceLang: lang, type: 'date', terms: weighTerms(literalTerms(text), idf), sequence, unknownTerms: 0, unknownName: false, names: questionNames(text), phrases: [], unknownPhrases: 0, lexicalRunnerUp: 0, articleSpread: 0 };
}

function sentence(text: string, rank = 0): SentenceView {
  const sequence = termSequence(text);
  const retrieved = { passage: { chunkId: 'd#0', docId: 'd', start: 0, end: text.length, text }, lexicalRank: rank + 1, lexicalScore: null, denseRank: null, denseScore: 0.4, score: 1 } as unknown as RetrievedPassage;
  const stems = new Set(sequence);
  return { retrieved, rank, position: 0, text, sequence, stems, contextStems: stems, titleStems: new Set(), passageStems: stems, phrases: new Set(), similarity: 0.5, scattered: false, namesMissing: 0 };
}

describe('answer features', () => {
  const q = question('When was the Hanoi Convention signed?');

  it('measures coverage, word order and the kind of fact asked for', () => {
    const answer = sentenceFeatures(q, sentence('The Hanoi Convention was signed on October 25, 2025.'));
    const other = sentenceFeatures(q, sentence('The weather in Hanoi was mild.'));
    expect(answer.coverage).toBe(1);
    expect(answer.bigramCoverage).toBeGreaterThan(0);
    expect(answer.longestRun).toBeGreaterThan(other.longestRun);
    expect(answer.dateMatch).toBe(1);
    expect(answer.typeMissing).toBe(0);
    expect(other.typeMissing).toBe(1);
    expect(other.coverage).toBeCloseTo(2 / (2 + 2.5 + 1.5), 5);
    expect(other.missingRareTerm).toBe(1);
    expect(answer.missingRareTerm).toBe(0);
  });

  it('says when the passage lacks a name the question uses, spelled apart or together ("Viet Nam", "Vietnam")', () => {
    const missing = (question: string, passage: string) => nameMissing(questionNames(question), new Set(termSequence(passage)));
    const named = 'When did Antonio Guterres visit Viet Nam?';
    expect(missing(named, 'Antonio Guterres arrived in Vietnam on Monday.')).toBe(0);
    expect(missing(named, 'The envoy arrived in Vietnam on Monday.')).toBe(0.5);
    expect(missing(named, 'The envoy arrived on Monday.')).toBe(1);
    expect(missing('When was the Hanoi Convention signed?', 'The weather in Hanoi was mild.')).toBe(1);
    // A nationality counts as its country.
    expect(missing('What share of Vietnamese firms sell overseas?', "About 10% of Vietnam's firms export.")).toBe(0);
    expect(sentenceFeatures(q, { ...sentence('The weather in Hanoi was mild.'), namesMissing: 1 }).nameMissing).toBe(1);
  });

  it("measures the question's terms the article's title does not say: those pick the sentence within an article", () => {
    const drill = question('Who directed the counter-terrorism drill?');
    const titled = (text: string) => ({ ...sentence(text), titleStems: new Set(termSequence('Special forces hold a counter-terrorism drill')) });
    const directed = sentenceFeatures(drill, titled('General Tran Van Nam directed the exercise.'));
    const aboutDrill = sentenceFeatures(drill, titled('The counter-terrorism drill lasted two hours.'));
    expect(aboutDrill.coverage).toBeGreaterThan(directed.coverage);
    expect(directed.offTitleCoverage).toBe(1);
    expect(aboutDrill.offTitleCoverage).toBe(0);
    // A title that says every term leaves nothing to measure.
    expect(sentenceFeatures(drill, { ...sentence('x'), titleStems: new Set(termSequence('Who directed the counter-terrorism drill')) }).offTitleCoverage).toBe(0);
  });

  it('reads the index model\'s passage cosine for English articles only (the model reads English)', () => {
    expect(sentenceFeatures(q, sentence('The Hanoi Convention was signed in October.')).passageSimilarity).toBeCloseTo(0.4, 5);
    expect(sentenceFeatures(question('Công ước Hà Nội được ký khi nào?'), sentence('Công ước Hà Nội được ký vào tháng 10.')).passageSimilarity).toBe(0);
  });

  it('gives every named feature a finite value', () => {
    const f = sentenceFeatures(q, sentence('The Hanoi Convention was signed on October 25, 2025.'));
    for (const name of FEATURE_NAMES) expect(Number.isFinite(f[name]), name).toBe(true);
    const qf = questionFeatures({ termCount: 3, unknownTerms: 0, unknownName: false, unknownPhrases: 0, lexicalRunnerUp: 0, articleSpread: 0 }, [{ features: f, probability: 0.8 }]);
    for (const name of QUESTION_FEATURE_NAMES) expect(Number.isFinite(qf[name]), name).toBe(true);
  });
});
