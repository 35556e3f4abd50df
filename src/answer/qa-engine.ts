import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Embedder } from '../embed/index.js';
import { GenerativeDisabledError } from '../errors.js';
import { HybridRetriever, LexicalIndex, type FusionSettings, type RetrievalQuery, type SpellingCorrection } from '../retrieve/index.js';
import type { PassageStore } from '../store/index.js';
import type { AnswerResult, AnswererName } from './answer-result.js';
import type { AnswerOptions, Answerer } from './answerer.js';
import { AnswerModel } from './answer-model.js';
import { DEFAULT_ANSWER_MODEL_PATH, ExtractiveAnswerer, type ExtractiveSettings } from './extractive-answerer.js';
import { GenerativeAnswerer, type GenerativeSettings } from './generative-answerer.js';

export interface AskResponse extends Omit<AnswerResult, 'evidence' | 'answerer'> {
  answerer: AnswererName;
  /** Words of the question that no article has, each read as the nearest word the articles have ("Eistein" as "Einstein"). */
  corrections?: SpellingCorrection[];
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
  /** A chat model for generated answers; without it every answer is extractive. */
  llm?: { chat: BaseChatModel; name: string; settings?: Partial<GenerativeSettings> };
}

let committedModel: AnswerModel | null = null;

/** The answer selector committed under models/ (read once). */
export function committedAnswerModel(): AnswerModel {
  committedModel ??= AnswerModel.load(DEFAULT_ANSWER_MODEL_PATH);
  return committedModel;
}

export interface AskOptions extends AnswerOptions {
  /** Which answerer to use; the generative one by default when there is one. */
  mode?: AnswererName;
}

/** Retrieval and answering bound to one index version. */
export class QaEngine {
  constructor(
    readonly store: PassageStore,
    readonly retriever: HybridRetriever,
    /** The extractive answerer: the default, and the fallback of the generative one. */
    readonly answerer: Answerer,
    readonly generative: GenerativeAnswerer | null = null,
  ) {}

  static create(store: PassageStore, models: EngineModels, tuning: Tuning = {}, lexical?: LexicalIndex): QaEngine {
    const retriever = new HybridRetriever(store, models.embedder, tuning.fusion, lexical);
    const answerer = new ExtractiveAnswerer(models.sentenceEmbedder ?? models.embedder, retriever.lexical, models.answerModel ?? committedAnswerModel(), tuning.extractive);
    const generative = models.llm ? new GenerativeAnswerer(models.llm.chat, answerer, models.llm.name, models.llm.settings) : null;
    return new QaEngine(store, retriever, answerer, generative);
  }

  get defaultMode(): AnswererName {
    return this.generative ? 'generative' : 'extractive';
  }

  async ask(query: RetrievalQuery, options: AskOptions = {}): Promise<AskResponse & { evidence: number }> {
    const mode = options.mode ?? this.defaultMode;
    if (mode === 'generative' && !this.generative) throw new GenerativeDisabledError();
    const answerer = mode === 'generative' && this.generative ? this.generative : this.answerer;
    const t0 = performance.now();
    const retrieval = await this.retriever.retrieve(query);
    const t1 = performance.now();
    const result = await answerer.answer(query.question, retrieval, { onToken: options.onToken, signal: options.signal, history: query.history });
    const t2 = performance.now();
    return {
      ...result,
      answerer: result.answerer ?? 'extractive',
      ...(retrieval.corrections?.length ? { corrections: retrieval.corrections } : {}),
      timings: { retrieveMs: round(t1 - t0), answerMs: round(t2 - t1), totalMs: round(t2 - t0) },
      index: { version: this.store.manifest.version, model: this.store.manifest.model },
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
