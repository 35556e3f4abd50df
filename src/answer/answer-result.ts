/** One numbered source of an answer: the passage and the exact sentence(s) quoted from it. */
export interface Citation {
  n: number;
  docId: string;
  title: string;
  source: string;
  published: string | null;
  chunkId: string;
  /** The whole passage. */
  text: string;
  /** The sentence(s) used, a substring of `text`. */
  quote: string;
  /** Passage offsets in the document's clean text. */
  start: number;
  end: number;
  score: number;
}

/** The shortest part of a quote that answers ("October 27 to 29, 2025"): offsets within citation `n`'s quote. */
export interface AnswerSpanResult {
  n: number;
  start: number;
  end: number;
  text: string;
}

export interface AnswerResult {
  answer: string;
  /** Given when an answer is confident of its exact words. */
  answerSpan?: AnswerSpanResult;
  /** False when the articles do not answer the question. */
  answered: boolean;
  citations: Citation[];
  /** The evidence score abstention was decided on. */
  evidence: number;
}
