import type { Embedder } from '../embed/index.js';
import { HybridRetriever, LexicalIndex, titleLookup, type FusionSettings, type RetrievalQuery } from '../retrieve/index.js';
import type { PassageStore } from '../store/index.js';
import type { AnswerResult } from './answer-result.js';
import type { Answerer } from './answerer.js';
import { AnswerModel } from './answer-model.js';
import { DEFAULT_ANSWER_MODEL_PATH, ExtractiveAnswerer, type ExtractiveSettings } from './extractive-answerer.js';

export interface AskResponse extends Omit<AnswerResult, 'evidence'> {
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
  index: { version: string; model: string };
}

export interface Tuning {
  fusion?: FusionSettings;
  extractive?: ExtractiveSettings;
}

/**
 * The models an engine runs: the index's embedder, the one the answerer compares the question with each
 * sentence by (the same one when not given), and the trained answer selector (the committed one when not given).
 */
export interface EngineModels {
  embedder: Embedder;
  sentenceEmbedder?: Embedder;
  answerModel?: AnswerModel;
}

let committedModel: AnswerModel | null = null;

/** The answer selector committed under models/ (read once). */
export function committedAnswerModel(): AnswerModel {
  committedModel ??= AnswerModel.load(DEFAULT_ANSWER_MODEL_PATH);
  return committedModel;
}

/** Retrieval and answering bound to one index version. */
export class QaEngine {
  constructor(
    readonly store: PassageStore,
    readonly retriever: HybridRetriever,
    readonly answerer: Answerer,
  ) {}

  static create(store: PassageStore, models: EngineModels, tuning: Tuning = {}, lexical?: LexicalIndex): QaEngine {
    const retriever = new HybridRetriever(store, models.embedder, tuning.fusion, lexical);
    const answerer = new ExtractiveAnswerer(models.sentenceEmbedder ?? models.embedder, retriever.lexical, models.answerModel ?? committedAnswerModel(), tuning.extractive);
    return new QaEngine(store, retriever, answerer);
  }

  /** Like `create`, but builds the lexical index without blocking the event loop (used when a server swaps versions). */
  static async build(store: PassageStore, models: EngineModels, tuning: Tuning = {}): Promise<QaEngine> {
    const lexical = await LexicalIndex.build(store.passages, titleLookup(store.documents()));
    return QaEngine.create(store, models, tuning, lexical);
  }

  async ask(query: RetrievalQuery): Promise<AskResponse & { evidence: number }> {
    const t0 = performance.now();
    const retrieval = await this.retriever.retrieve(query);
    const t1 = performance.now();
    const result = await this.answerer.answer(query.question, retrieval);
    const t2 = performance.now();
    return {
      ...result,
      timings: { retrieveMs: round(t1 - t0), answerMs: round(t2 - t1), totalMs: round(t2 - t0) },
      index: { version: this.store.manifest.version, model: this.store.manifest.model },
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
