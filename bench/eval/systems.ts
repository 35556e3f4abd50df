import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { PASSAGES_CONSIDERED, QaEngine, type Answerer, type EngineModels } from '../../src/answer/index.js';
import { cosine, type TransformersEmbedder } from '../../src/embed/index.js';
import { readCorpus, type ArticleDocument, type Passage } from '../../src/ingest/index.js';
import { DEFAULT_FUSION, buildQueryContext, type FusionSettings, type RetrievalResult, type RetrievedPassage } from '../../src/retrieve/index.js';
import type { PassageStore } from '../../src/store/index.js';
import type { QaItem } from './dataset.js';
import type { SystemOutput } from './metrics.js';

export interface EvalSystem {
  name: string;
  run(item: QaItem): Promise<SystemOutput>;
}

const K = PASSAGES_CONSIDERED;

/** The index's embedder (a LangChain `Embeddings` too, for the LangChain baseline) and the answerer's sentence model. */
export type EvalModels = EngineModels & { embedder: TransformersEmbedder };

export function toOutput(r: { citations: Array<{ text: string; quote: string }>; answer: string; answered: boolean; answerSpan?: { text: string } }, passages: string[], started: number): SystemOutput {
  return { passages, answer: r.answer, answered: r.answered, quotes: r.citations.map((c) => c.quote), span: r.answerSpan?.text ?? null, latencyMs: performance.now() - started };
}

/** The product: hybrid retrieval and the extractive answerer, as /ask runs them. */
export function projectSystem(store: PassageStore, models: EvalModels, fusion: FusionSettings = DEFAULT_FUSION, name = 'newsdesk (hybrid)'): EvalSystem {
  const engine = QaEngine.create(store, models, { fusion });
  return {
    name,
    async run(item) {
      const started = performance.now();
      const retrieval = await engine.retriever.retrieve({ question: item.q, k: K });
      const result = await engine.answerer.answer(item.q, retrieval);
      return toOutput(result, retrieval.passages.map((p) => p.passage.text), started);
    },
  };
}

/** BM25 alone (the same lexical index, dense weight 0). */
export function bm25System(store: PassageStore, models: EvalModels): EvalSystem {
  return projectSystem(store, models, { ...DEFAULT_FUSION, denseWeight: { en: 0, vi: 0 } }, 'BM25 only');
}

/** Exact brute-force cosine over the same vectors, no lexical ranker. */
export function denseExactSystem(store: PassageStore, models: EvalModels): EvalSystem {
  const { embedder } = models;
  const answerer = makeAnswerer(store, models);
  const vectors = store.allPassages().map((p) => ({ p, v: store.vectorOf(p) }));
  return {
    name: 'dense only (exact)',
    async run(item) {
      const started = performance.now();
      const context = buildQueryContext(item.q);
      const [query] = await embedder.embed([context.denseText], 'query');
      const top = vectors.map(({ p, v }) => ({ p, s: cosine(query, v) })).sort((a, b) => b.s - a.s).slice(0, K);
      const retrieval = asRetrieval(top.map(({ p, s }) => ({ passage: p, document: store.document(p.docId)!, score: s })), query, embedder.modelId, item.q);
      const result = await answerer.answer(item.q, retrieval);
      return toOutput(result, top.map(({ p }) => p.text), started);
    },
  };
}

/**
 * The plain LangChain pattern: raw files (no cleaning), RecursiveCharacterTextSplitter
 * defaults, HNSWLib.fromDocuments and similaritySearch; answered by the same
 * extractive answerer so that only retrieval differs.
 */
export async function langchainSystem(corpusDir: string, store: PassageStore, models: EvalModels): Promise<EvalSystem> {
  const { embedder } = models;
  const { files } = await readCorpus(corpusDir, Number.MAX_SAFE_INTEGER);
  const splitter = new RecursiveCharacterTextSplitter();
  const docs = await splitter.createDocuments(files.map((f) => f.content), files.map((f) => ({ source: f.relativePath })));
  const vectorStore = await HNSWLib.fromDocuments(docs, embedder);
  const answerer = makeAnswerer(store, models);
  return {
    name: 'LangChain plain',
    async run(item) {
      const started = performance.now();
      const [query] = await embedder.embed([item.q], 'query');
      const hits = await vectorStore.similaritySearchVectorWithScore(Array.from(query), K);
      const retrieved = hits.map(([doc, distance], i) => ({ passage: chunkPassage(doc, i), document: rawDocument(doc), score: 1 - distance }));
      const retrieval = asRetrieval(retrieved, query, embedder.modelId, item.q);
      const result = await answerer.answer(item.q, retrieval);
      return toOutput(result, hits.map(([doc]) => doc.pageContent), started);
    },
  };
}

/** The product's answerer, so that the baselines differ from it in retrieval only. */
function makeAnswerer(store: PassageStore, models: EvalModels): Answerer {
  return QaEngine.create(store, models).answerer;
}

function asRetrieval(items: Array<{ passage: Passage; document: ArticleDocument; score: number }>, queryVector: Float32Array, queryModel: string, question: string): RetrievalResult {
  const passages: RetrievedPassage[] = items.map((x, i) => ({ ...x, lexicalRank: null, lexicalScore: null, denseRank: i + 1, denseScore: x.score }));
  const context = buildQueryContext(question);
  return { passages, searchedText: context.lexicalText, queryVector, queryModel, denseText: context.denseText, lang: context.lang, answerTerms: context.answerTerms, names: context.names };
}

function chunkPassage(doc: Document, i: number): Passage {
  return { chunkId: `lc-${String(doc.metadata.source)}-${i}`, docId: String(doc.metadata.source), start: 0, end: doc.pageContent.length, text: doc.pageContent };
}

function rawDocument(doc: Document): ArticleDocument {
  const source = String(doc.metadata.source);
  return { docId: source, path: source, title: source, published: null, source: null, url: null, lang: 'en', hash: '', addedAt: new Date(0).toISOString(), cleanText: doc.pageContent };
}

export async function readText(path: string): Promise<string> {
  return readFile(join(path), 'utf8');
}
