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

export interface AnswerResult {
  answer: string;
  /** False when the articles do not answer the question. */
  answered: boolean;
  citations: Citation[];
  /** The evidence score abstention was decided on. */
  evidence: number;
}
