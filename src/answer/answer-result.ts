/** One numbered source of an answer: the passage and the exact sentence(s) quoted from it. */
export interface Citation {
  n: number;
  docId: string;
  title: string;
  /** The source the article states, else the site of its URL ("vietnamplus.vn"); null when neither is known. */
  source: string | null;
  /** The article's web address, when it states one. */
  url: string | null;
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
  /** The evidence score abstention was decided on (for a generated answer: the share of its sentences that were supported). */
  evidence: number;
  /** Which answerer wrote `answer`; absent means extractive. */
  answerer?: AnswererName;
  /** The LLM that generated the answer (generative answers only). */
  llmModel?: string;
  /** The server's check of a generated answer's citations. */
  check?: CitationCheckSummary;
  /** Why the extractive answer was returned although the generative answerer was asked. */
  fallback?: Fallback;
}

export type AnswererName = 'extractive' | 'generative';

export interface CitationCheckSummary {
  /** Sentences the model wrote (markers and blank lines aside). */
  sentences: number;
  supported: number;
  /** Unsupported sentences, left out of `answer`. */
  removed: number;
  /** `[n]` markers naming a passage the model was not given. */
  missingCitations: number[];
  removedSentences: Array<{ text: string; problems: string[] }>;
}

export type FallbackCode = 'LLM_UNREACHABLE' | 'LLM_TIMEOUT' | 'LLM_FAILED' | 'CITATIONS_UNSUPPORTED' | 'NO_PASSAGES';

export interface Fallback {
  code: FallbackCode;
  message: string;
}
