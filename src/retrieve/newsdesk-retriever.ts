import { fileURLToPath } from 'node:url';
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { RunnableConfig } from '@langchain/core/runnables';
import { TransformersEmbedder, type Embedder } from '../embed/index.js';
import { articleSource } from '../ingest/index.js';
import { loadIndex } from '../store/index.js';
import { HybridRetriever } from './hybrid-retriever.js';
import type { ChatTurn, RetrievalFilters, RetrievedPassage, Retriever } from './retriever.js';

/** What each returned Document carries besides the passage text. */
export interface PassageMetadata {
  docId: string;
  chunkId: string;
  title: string;
  /** The source the article states, else the site of its URL; null when neither is known. */
  source: string | null;
  /** The article's own web address when it states one (`url` is where the server shows the cleaned text). */
  articleUrl: string | null;
  /** The article's published date (YYYY-MM-DD), or null when it states none. */
  date: string | null;
  /** Where the cleaned article can be read: the server's `/documents/:docId` unless `documentUrl` says otherwise. */
  url: string;
  lang: 'en' | 'vi';
  /** Offsets of the passage in the article's clean text. */
  start: number;
  end: number;
  /** 1-based rank in this result. */
  rank: number;
  /** Fused relevance (higher is better), the BM25 and dense ranks it was fused from, and the cosine similarity to the question. */
  score: number;
  lexicalRank: number | null;
  denseRank: number | null;
  denseScore: number;
}

export interface SearchOptions {
  /** Passages to return (default 5). */
  k?: number;
  filters?: RetrievalFilters;
  /** Earlier turns, so that a follow-up question ("When was it signed?") is searched with its subject. */
  history?: ChatTurn[];
}

export interface NewsdeskRetrieverInput extends BaseRetrieverInput, SearchOptions {
  /** The retriever to ask; a function is called on every query (a server swapping index versions passes one). */
  retriever: Retriever | (() => Retriever);
  documentUrl?: (docId: string) => string;
}

export interface FromIndexOptions extends SearchOptions, BaseRetrieverInput {
  /** The index folder (the one holding CURRENT), e.g. `index`. */
  indexDir: string;
  /** Where the embedding model's files are (default: this package's models/). */
  modelsDir?: string;
  /** An embedder to reuse; default: the model the index was built with, loaded from `modelsDir`. */
  embedder?: Embedder;
  documentUrl?: (docId: string) => string;
}

const PACKAGE_MODELS = fileURLToPath(new URL('../../models', import.meta.url));

/**
 * The project's hybrid retrieval as a LangChain retriever: `invoke(question)`
 * returns the best passages as `Document`s (passage text and its article's
 * metadata), so any LangChain app or LCEL chain can use the index.
 * `k`, `filters` and `history` are set at construction, by `withSearch`, or per call:
 * `invoke(question, { k: 3, filters: { after: '2025-06-01' } })`.
 */
export class NewsdeskRetriever extends BaseRetriever {
  lc_namespace = ['newsdesk', 'retrievers'];
  private readonly source: Retriever | (() => Retriever);
  private readonly documentUrl: (docId: string) => string;
  readonly search: Required<Pick<SearchOptions, 'k'>> & Omit<SearchOptions, 'k'>;

  static lc_name(): string {
    return 'NewsdeskRetriever';
  }

  constructor(input: NewsdeskRetrieverInput) {
    super(input);
    this.source = input.retriever;
    this.documentUrl = input.documentUrl ?? ((docId) => `/documents/${docId.split('/').map(encodeURIComponent).join('/')}`);
    this.search = { k: input.k ?? 5, filters: input.filters, history: input.history };
  }

  /** Opens an index built by `npm run ingest` with the model it was built with. */
  static async fromIndex(options: FromIndexOptions): Promise<NewsdeskRetriever> {
    const store = await loadIndex(options.indexDir);
    const embedder = options.embedder ?? (await TransformersEmbedder.load({ modelId: store.manifest.model, modelsDir: options.modelsDir ?? PACKAGE_MODELS }));
    return new NewsdeskRetriever({ ...options, retriever: new HybridRetriever(store, embedder) });
  }

  /** The same retriever with other search options (unset ones are kept). */
  withSearch(options: SearchOptions): NewsdeskRetriever {
    return new NewsdeskRetriever({
      retriever: this.source,
      documentUrl: this.documentUrl,
      callbacks: this.callbacks,
      tags: this.tags,
      metadata: this.metadata,
      verbose: this.verbose,
      ...this.search,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    });
  }

  override async invoke(input: string, options?: RunnableConfig & SearchOptions): Promise<Document<PassageMetadata>[]> {
    const { k, filters, history, ...config } = options ?? {};
    if (k === undefined && filters === undefined && history === undefined) return (await super.invoke(input, config)) as Document<PassageMetadata>[];
    return this.withSearch({ k, filters, history }).invoke(input, config);
  }

  async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<PassageMetadata>[]> {
    const retriever = typeof this.source === 'function' ? this.source() : this.source;
    const result = await retriever.retrieve({ question: query, k: this.search.k, filters: this.search.filters, history: this.search.history });
    return result.passages.map((p, i) => this.toDocument(p, i + 1));
  }

  private toDocument({ passage, document, score, lexicalRank, denseRank, denseScore }: RetrievedPassage, rank: number): Document<PassageMetadata> {
    return new Document<PassageMetadata>({
      id: passage.chunkId,
      pageContent: passage.text,
      metadata: {
        docId: document.docId,
        chunkId: passage.chunkId,
        title: document.title,
        source: articleSource(document),
        articleUrl: document.url,
        date: document.published,
        url: this.documentUrl(document.docId),
        lang: document.lang,
        start: passage.start,
        end: passage.end,
        rank,
        score,
        lexicalRank,
        denseRank,
        denseScore,
      },
    });
  }
}
