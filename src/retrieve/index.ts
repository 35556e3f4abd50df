/** Public surface of retrieval: find the passages that answer a question. */
export type { Retriever, RetrievalQuery, RetrievalResult, RetrievedPassage, RetrievalFilters, ChatTurn } from './retriever.js';
export { HybridRetriever } from './hybrid-retriever.js';
export { LexicalIndex, titleLookup, type LexicalHit } from './lexical-index.js';
export { DEFAULT_FUSION, type FusionSettings } from './fusion.js';
export { buildQueryContext } from './query-context.js';
export { literalTerms, type AnswerTerm } from './answer-terms.js';
export { NewsdeskRetriever, type NewsdeskRetrieverInput, type PassageMetadata, type SearchOptions, type FromIndexOptions } from './newsdesk-retriever.js';
