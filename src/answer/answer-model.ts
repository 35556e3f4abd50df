import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURE_NAMES, QUESTION_FEATURE_NAMES, type FeatureVector, type QuestionFeatureVector } from './answer-features.js';
import { RegressionForestSchema, forestPrediction, forestProblem } from './regression-forest.js';

/** Standardization of each feature (in the names' order), then logistic regression. */
const LogisticSchema = z.object({
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});

/**
 * The abstainer: the mean of a regression forest and a logistic regression, both fitted on 0/1 labels (answerable or
 * not). The forest finds what a sum of weights cannot (out of fold, averaged, it abstains on 8 points more English questions
 * about articles the corpus lacks); the linear part keeps the answer sensible where the forest has seen few questions
 * ("What is the capital of France?", which no article answers, had the forest alone answering).
 */
const AbstainerSchema = z.object({ forest: RegressionForestSchema, linear: LogisticSchema });

const LanguageModelSchema = z.object({
  /** Which sentence states the answer: a conditional logit (softmax over a question's sentences) on FEATURE_NAMES. */
  selector: LogisticSchema,
  /** P(the articles answer the question), from QUESTION_FEATURE_NAMES (see AbstainerSchema). */
  abstainer: AbstainerSchema,
  /** Below this abstainer probability the answer is "not in the articles". */
  threshold: z.number().min(0).max(1),
  /** The threshold of the linear part alone, which reads questions asked in another language (see EvidenceReading). */
  translatedThreshold: z.number().min(0).max(1),
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

export type AbstainerData = z.infer<typeof AbstainerSchema>;

/** [the abstainer's probability, its linear part's alone] that the articles answer a question with these features. */
export function abstainerProbabilities(abstainer: AbstainerData, features: QuestionFeatureVector): [number, number] {
  const linear = logistic(abstainer.linear, QUESTION_FEATURE_NAMES, features);
  return [(forestPrediction(abstainer.forest, QUESTION_FEATURE_NAMES, features) + linear) / 2, linear];
}

/**
 * How a question's evidence is read: in the articles' language, and whether the question was asked in another one
 * (Vietnamese about English articles, matched through the glossary). Such questions are in no training set and
 * their words are only partly translated: the forest refused a third of the answerable ones, the linear part alone
 * one in fifteen, as before the forest (models/newsdesk/answer-selector/README.md), so it alone reads them.
 */
export interface EvidenceReading {
  lang: 'en' | 'vi';
  translated: boolean;
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
    for (const [lang, { selector, abstainer }] of Object.entries(languages)) {
      for (const [part, l, names] of [['selector', selector, FEATURE_NAMES], ['linear abstainer', abstainer.linear, QUESTION_FEATURE_NAMES]] as const) {
        if ([l.mean, l.scale, l.weights].some((a) => a.length !== names.length)) throw new Error(`${origin}: the ${lang} ${part} has ${l.weights.length} weights for ${names.length} features`);
      }
      const problem = forestProblem(abstainer.forest, QUESTION_FEATURE_NAMES.length);
      if (problem) throw new Error(`${origin}: the ${lang} abstainer's ${problem}`);
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
  answerableProbability(reading: EvidenceReading, features: QuestionFeatureVector): number {
    const [both, linear] = abstainerProbabilities(this.data.languages[reading.lang].abstainer, features);
    return reading.translated ? linear : both;
  }

  /** The probability under which the answer is "not in the articles". */
  threshold(reading: EvidenceReading): number {
    const m = this.data.languages[reading.lang];
    return reading.translated ? m.translatedThreshold : m.threshold;
  }
}
