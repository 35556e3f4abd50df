import type { ArticleDocument, Passage } from '../ingest/index.js';
import type { AnswerTerm } from './answer-terms.js';
import type { SpellingCorrection } from './spelling-correction.js';

export interface RetrievalFilters {
  docId?: string;
  /** Inclusive ISO dates on the article's published date. */
  after?: string;
  before?: string;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
  /** For an assistant turn: the articles its answer cited (a follow-up keeps them in view). */
  docIds?: string[];
}

export interface RetrievalQuery {
  question: string;
  k: number;
  history?: ChatTurn[];
  filters?: RetrievalFilters;
}

export interface RetrievedPassage {
  passage: Passage;
  document: ArticleDocument;
  /** Fused relevance score (higher is better). */
  score: number;
  lexicalRank: number | null;
  /** BM25 score of the passage, when the lexical search found it. */
  lexicalScore: number | null;
  denseRank: number | null;
  /** Cosine similarity of the passage vector and the query vector. */
  denseScore: number;
}

export interface RetrievalResult {
  passages: RetrievedPassage[];
  /** The text actually searched (the question, expanded by history and glossary). */
  searchedText: string;
  queryVector: Float32Array;
  /** The model that made `queryVector`. */
  queryModel: string;
  /** The text `queryVector` embeds: the question, or its English rendering for a Vietnamese one. */
  denseText: string;
  lang: 'en' | 'vi';
  /** What an answer should mention, and the ways it may say it. */
  answerTerms: AnswerTerm[];
  /** Names the question uses ("France", "iPhone"), each a list of folded words. */
  names: string[][];
  /** The question as searched and to be answered: its words no article has read as the nearest ones articles have. */
  question?: string;
  /** Those words, each with what it was read as. */
  corrections?: SpellingCorrection[];
}

export interface Retriever {
  retrieve(query: RetrievalQuery): Promise<RetrievalResult>;
}
