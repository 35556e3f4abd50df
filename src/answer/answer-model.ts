import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURE_NAMES, QUESTION_FEATURE_NAMES, type FeatureVector, type QuestionFeatureVector } from './answer-features.js';

/** Standardization of each feature (in the names' order), then logistic regression. */
const LogisticSchema = z.object({
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const LanguageModelSchema = z.object({
  /** Which sentence states the answer: a conditional logit (softmax over a question's sentences) on FEATURE_NAMES. */
  selector: LogisticSchema,
  /** P(the articles answer the question), from QUESTION_FEATURE_NAMES. */
  abstainer: LogisticSchema,
  /** Below this abstainer probability the answer is "not in the articles". */
  threshold: z.number().min(0).max(1),
});

const AnswerModelSchema = z.object({
  features: z.array(z.string()),
  questionFeatures: z.array(z.string()),
  languages: z.object({ en: LanguageModelSchema, vi: LanguageModelSchema }),
});

export type AnswerModelData = z.infer<typeof AnswerModelSchema>;
export type LanguageModelData = z.infer<typeof LanguageModelSchema>;
export type LogisticData = z.infer<typeof LogisticSchema>;

/** bias + Σ wᵢ (xᵢ − meanᵢ) / scaleᵢ over `values` in the order of `names`. */
export function linearScore<N extends string>(m: LogisticData, names: readonly N[], values: Record<N, number>): number {
  let z = m.bias;
  names.forEach((name, i) => {
    z += m.weights[i] * ((values[name] - m.mean[i]) / m.scale[i]);
  });
  return z;
}

export function logistic<N extends string>(m: LogisticData, names: readonly N[], values: Record<N, number>): number {
  return 1 / (1 + Math.exp(-linearScore(m, names, values)));
}

export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/**
 * The trained answer model, one per question language: a selector that gives
 * each sentence the probability that it states the answer, and an abstainer
 * that gives the question the probability that the articles answer it, with the
 * threshold chosen on held-out folds (`npm run train:answerer`).
 */
export class AnswerModel {
  private constructor(private readonly data: AnswerModelData) {}

  static fromData(data: unknown, origin = 'answer model'): AnswerModel {
    const parsed = AnswerModelSchema.safeParse(data);
    if (!parsed.success) throw new Error(`${origin}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { features, questionFeatures, languages } = parsed.data;
    if (features.join(',') !== FEATURE_NAMES.join(',') || questionFeatures.join(',') !== QUESTION_FEATURE_NAMES.join(',')) {
      throw new Error(`${origin} was trained on other features; run npm run train:answerer`);
    }
    for (const [lang, m] of Object.entries(languages)) {
      for (const [part, names] of [['selector', FEATURE_NAMES], ['abstainer', QUESTION_FEATURE_NAMES]] as const) {
        const l = m[part];
        if ([l.mean, l.scale, l.weights].some((a) => a.length !== names.length)) throw new Error(`${origin}: the ${lang} ${part} has ${l.weights.length} weights for ${names.length} features`);
      }
    }
    return new AnswerModel(parsed.data);
  }

  static load(path: string): AnswerModel {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the answer model ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return AnswerModel.fromData(JSON.parse(raw), path);
  }

  /** For each of a question's sentences, the probability that it is the one stating the answer (they sum to 1). */
  sentenceProbabilities(lang: 'en' | 'vi', sentences: readonly FeatureVector[]): number[] {
    const selector = this.data.languages[lang].selector;
    return softmax(sentences.map((f) => linearScore(selector, FEATURE_NAMES, f)));
  }

  /** Probability that the articles answer the question. */
  answerableProbability(lang: 'en' | 'vi', features: QuestionFeatureVector): number {
    return logistic(this.data.languages[lang].abstainer, QUESTION_FEATURE_NAMES, features);
  }

  threshold(lang: 'en' | 'vi'): number {
    return this.data.languages[lang].threshold;
  }
}
