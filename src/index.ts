/**
 * The package's public entry point, for apps that use newsdesk-qa as a library:
 * the LangChain retriever over an index, the answerers, and what they need.
 *
 *   import { NewsdeskRetriever } from 'newsdesk-qa';
 *   const retriever = await NewsdeskRetriever.fromIndex({ indexDir: 'index', k: 4 });
 *   const docs = await retriever.invoke('When does Vietnam International Digital Week 2025 take place?');
 */
export { HybridRetriever, type Retriever, type RetrievalQuery, type RetrievalResult, type RetrievalFilters, type ChatTurn } from './retrieve/index.js';
export { NewsdeskRetriever, type NewsdeskRetrieverInput, type PassageMetadata, type SearchOptions, type FromIndexOptions } from './retrieve/newsdesk-retriever.js';
export {
  QaEngine,
  ExtractiveAnswerer,
  GenerativeAnswerer,
  openAiCompatibleChat,
  checkCitations,
  supportOf,
  type Answerer,
  type AnswerOptions,
  type AnswerResult,
  type AskResponse,
  type Citation,
  type CitationCheck,
  type CitationCheckSummary,
  type EngineModels,
  type Fallback,
} from './answer/index.js';
export { TransformersEmbedder, type Embedder } from './embed/index.js';
export { loadIndex, updateIndex } from './store/index.js';
export { loadConfig, type Config, type LlmSettings } from './config.js';
export { NewsdeskError } from './errors.js';
