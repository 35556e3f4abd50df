/** Public surface of answering: compose a cited answer from retrieved passages. */
export type { Answerer } from './answerer.js';
export type { AnswerResult, Citation } from './answer-result.js';
export { ExtractiveAnswerer, DEFAULT_EXTRACTIVE, type ExtractiveSettings, type TermStatistics } from './extractive-answerer.js';
export { answerTypeOf, answerTypeMatch, termCoverage, weighTerms, type AnswerType } from './sentence-scoring.js';
export { notAnsweredText } from './messages.js';
export { QaEngine, type AskResponse, type EngineModels, type Tuning } from './qa-engine.js';
