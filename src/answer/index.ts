/** Public surface of answering: compose a cited answer from retrieved passages. */
export type { Answerer, AnswerOptions } from './answerer.js';
export type { AnswerResult, AnswerSpanResult, AnswererName, Citation, CitationCheckSummary, Fallback, FallbackCode } from './answer-result.js';
export { findAnswerSpan, type AnswerSpan } from './answer-span.js';
export { warmUpAnswering } from './warm-up.js';
export { ExtractiveAnswerer, DEFAULT_EXTRACTIVE, DEFAULT_ANSWER_MODEL_PATH, PASSAGES_CONSIDERED, type Candidate, type ExtractiveSettings, type TermStatistics } from './extractive-answerer.js';
export { AnswerModel, abstainerProbabilities, linearScore, softmax, type AbstainerData, type AnswerModelData, type EvidenceReading, type LanguageModelData, type LogisticData } from './answer-model.js';
export { forestPrediction, type RegressionForestData } from './regression-forest.js';
export { FEATURE_NAMES, QUESTION_FEATURE_NAMES, questionFeatures, summarizeQuestion, type FeatureName, type QuestionSummary, type FeatureVector, type QuestionFeatureVector, type QuestionView } from './answer-features.js';
export { termCoverage, weighTerms } from './sentence-scoring.js';
export { answerTypeOf, answerTypeMatch, type AnswerType } from '../analysis/index.js';
export { notAnsweredText } from './messages.js';
export { QaEngine, committedAnswerModel, type AskOptions, type AskResponse, type EngineModels, type Tuning } from './qa-engine.js';
export { GenerativeAnswerer, openAiCompatibleChat, promptFor, DEFAULT_GENERATIVE, NOT_IN_ARTICLES, type GenerativeSettings } from './generative-answerer.js';
export { checkCitations, supportOf, answerSentences, citedNumbers, numbersIn, namesIn, DEFAULT_SUPPORT, type CitablePassage, type CitationCheck, type SentenceVerdict, type SupportProblem, type SupportSettings } from './citation-check.js';
