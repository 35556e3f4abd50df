import type { RetrievalResult } from '../retrieve/index.js';
import type { AnswerResult } from './answer-result.js';

/** Turns a question and its retrieved passages into a cited answer. */
export interface Answerer {
  answer(question: string, retrieval: RetrievalResult): Promise<AnswerResult>;
}
