/** Public surface of answering: compose a cited answer from retrieved passages. */
export type { Answerer, AnswerOptions } from './answerer.js';
export type { AnswerResult, AnswererName, Citation, CitationCheckSummary, Fallback, FallbackCode } from './answer-result.js';
export { ExtractiveAnswerer, DEFAULT_EXTRACTIVE, type ExtractiveSettings, type TermStatistics } from './extractive-answerer.js';
export { answerTypeOf, answerTypeMatch, termCoverage, weighTerms, type AnswerType } from './sentence-scoring.js';
export { notAnsweredText } from './messages.js';
export { QaEngine, type AskOptions, type AskResponse, type EngineModels, type Tuning } from './qa-engine.js';
export { GenerativeAnswerer, openAiCompatibleChat, promptFor, DEFAULT_GENERATIVE, NOT_IN_ARTICLES, type GenerativeSettings } from './generative-answerer.js';
export { checkCitations, supportOf, answerSentences, citedNumbers, numbersIn, namesIn, DEFAULT_SUPPORT, type CitablePassage, type CitationCheck, type SentenceVerdict, type SupportProblem, type SupportSettings } from './citation-check.js';
