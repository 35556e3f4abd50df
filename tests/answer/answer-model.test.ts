import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnswerModel, DEFAULT_ANSWER_MODEL_PATH, FEATURE_NAMES, QUESTION_FEATURE_NAMES, committedAnswerModel, type FeatureVector, type QuestionFeatureVector } from '../../src/answer/index.js';

const vector = (value: (name: string) => number) => Object.fromEntries(FEATURE_NAMES.map((n) => [n, value(n)])) as FeatureVector;

/** Each language's abstainer for questions in the articles' language, and for questions asked in the other. */
const READINGS = (['en', 'vi'] as const).flatMap((lang) => [false, true].map((translated) => ({ lang, translated })));

describe('the trained answer model', () => {
  it('loads the committed weights for English and Vietnamese, with thresholds in range', () => {
    const model = committedAnswerModel();
    for (const reading of READINGS) {
      expect(model.threshold(reading)).toBeGreaterThan(0);
      expect(model.threshold(reading)).toBeLessThan(1);
    }
  });

  it('ranks a sentence that covers the question and has the fact asked for above one that does not', () => {
    const model = committedAnswerModel();
    const strong = vector((n) => (['coverage', 'coverageSquared', 'contextCoverage', 'passageCoverage', 'typeMatch', 'dateMatch', 'lexicalRank', 'passageRank'].includes(n) ? 1 : 0));
    const weak = vector((n) => (n === 'typeMissing' || n === 'missingRareTerm' ? 1 : 0));
    for (const lang of ['en', 'vi'] as const) {
      const [p, q] = model.sentenceProbabilities(lang, [strong, weak]);
      expect(p + q).toBeCloseTo(1, 6);
      expect(p).toBeGreaterThan(q);
    }
  });

  it('finds a question answered when its best sentence covers it, and not when its words are unknown, by either abstainer', () => {
    const model = committedAnswerModel();
    const question = (value: (name: string) => number) => Object.fromEntries(QUESTION_FEATURE_NAMES.map((n) => [n, value(n)])) as QuestionFeatureVector;
    const covered = ['coverage', 'contextCoverage', 'passageCoverage', 'bestPassageCoverage', 'phraseCoverage', 'typeMatch', 'lexicalRank', 'bestMargin'];
    const answered = question((n) => (covered.includes(n) ? 1 : n === 'bestLogit' ? 3 : n === 'questionTerms' ? Math.log1p(5) : 0));
    const missing: Record<string, number> = { unknownTerms: 1, unknownName: 1, unknownPhrases: 1, missingRareTerm: 1, typeMissing: 1, articleSpread: 1, bestLogit: -3, secondLogit: -3, candidates: Math.log1p(20), questionTerms: Math.log1p(5) };
    const unknown = question((n) => missing[n] ?? 0);
    for (const reading of READINGS) {
      expect(model.answerableProbability(reading, answered)).toBeGreaterThan(model.threshold(reading));
      expect(model.answerableProbability(reading, unknown)).toBeLessThan(model.threshold(reading));
    }
  });

  it('refuses weights trained on other features, naming the fix', () => {
    const data = JSON.parse(readFileSync(DEFAULT_ANSWER_MODEL_PATH, 'utf8')) as { features: string[] };
    expect(() => AnswerModel.fromData({ ...data, features: data.features.slice(1) })).toThrow(/train:answerer/);
    expect(() => AnswerModel.fromData({ nonsense: true })).toThrow(/languages/);
    const en = (data as unknown as { languages: { en: { abstainer: object } } }).languages.en;
    const forest = { trees: [[99, 0.5, 2, -1, 0, -1, -1, 1, -1]] };
    const broken = { ...data, languages: { ...(data as unknown as { languages: object }).languages, en: { ...en, abstainer: { ...en.abstainer, forest } } } };
    expect(() => AnswerModel.fromData(broken)).toThrow(/en abstainer's tree 0 splits on feature 99/);
  });
});
