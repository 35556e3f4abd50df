import type { ChatTurn, RetrievalResult } from '../retrieve/index.js';
import type { AnswerResult } from './answer-result.js';

/** What a caller may pass along with a question; an answerer that cannot stream ignores `onToken`. */
export interface AnswerOptions {
  /** Receives the text as it is generated (before it is checked). */
  onToken?: (text: string) => void;
  /** Aborted when nobody waits for the answer any more (the client went away). */
  signal?: AbortSignal;
  /** The conversation so far, for an answerer that words a follow-up answer with it. */
  history?: readonly ChatTurn[];
}

/** Turns a question and its retrieved passages into a cited answer. */
export interface Answerer {
  answer(question: string, retrieval: RetrievalResult, options?: AnswerOptions): Promise<AnswerResult>;
}
