import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnswerModel, DEFAULT_ANSWER_MODEL_PATH, FEATURE_NAMES, committedAnswerModel, type FeatureVector } from '../../src/answer/index.js';

const vector = (value: (name: string) => number) => Object.fromEntries(FEATURE_NAMES.map((n) => [n, value(n)])) as FeatureVector;

describe('the trained answer model', () => {
  it('loads the committed weights for English and Vietnamese, with thresholds in range', () => {
    const model = committedAnswerModel();
    for (const lang of ['en', 'vi'] as const) {
      expect(model.threshold(lang)).toBeGreaterThan(0);
      expect(model.threshold(lang)).toBeLessThan(1);
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

  it('refuses weights trained on other features, naming the fix', () => {
    const data = JSON.parse(readFileSync(DEFAULT_ANSWER_MODEL_PATH, 'utf8')) as { features: string[] };
    expect(() => AnswerModel.fromData({ ...data, features: data.features.slice(1) })).toThrow(/train:answerer/);
    expect(() => AnswerModel.fromData({ nonsense: true })).toThrow(/languages/);
  });
});
