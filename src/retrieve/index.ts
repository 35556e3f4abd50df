/** Public surface of retrieval: find the passages that answer a question. */
export type { Retriever, RetrievalQuery, RetrievalResult, RetrievedPassage, RetrievalFilters, ChatTurn } from './retriever.js';
export { HybridRetriever } from './hybrid-retriever.js';
export { LexicalIndex, titleLookup, type LexicalHit } from './lexical-index.js';
export { DEFAULT_FUSION, type FusionSettings } from './fusion.js';
export { buildQueryContext } from './query-context.js';
export { literalTerms, type AnswerTerm } from './answer-terms.js';
export type { SpellingCorrection } from './spelling-correction.js';
// The LangChain retriever (newsdesk-retriever.ts) is exported by the package entry, src/index.ts, and
// not from here: loading LangChain's retriever classes took 0.3 s of every server start, which never uses them.
