import { endianness } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { Tokenizer } from '@huggingface/tokenizers';
import type { FeatureExtractionPipeline } from '@xenova/transformers';
import type { Embedder, EmbedKind } from './embedder.js';
import { conventionsFor, isProjectModel, type ModelConventions } from './known-models.js';
import { assertModelAvailable } from './model-locator.js';
import { readStaticTable, type StaticTable } from './static-table.js';
import { chunkedTokenIds } from './chunked-tokenizer.js';

export interface TransformersEmbedderOptions {
  modelId: string;
  modelsDir: string;
  allowRemoteModels?: boolean;
  quantized?: 'auto' | 'true' | 'false';
  batchSize?: number;
}

/** What turns texts into vectors: the ONNX model's pipeline, or a static model's tokenizer and table read directly. */
type TokenVectors = { kind: 'model'; extractor: FeatureExtractionPipeline } | { kind: 'table'; table: StaticTable; tokenizer: TokenIds };

/** A text's token ids, as the model's tokenizer gives them (truncated to the model's length). */
type TokenIds = (text: string) => number[];

/**
 * An Embedder backed by transformers.js, with mean pooling and normalization. For the project's static
 * models the token vectors are rows of a table, so only a tokenizer is needed: Hugging Face's
 * tokenizers.js (the tokenizers of transformers.js, without its ONNX runtimes), which loads in 10 ms
 * where importing transformers.js takes 0.3 s of every server start. It gives the same token ids
 * (checked on 14k paragraphs of English and Vietnamese news and Wikipedia), so the same vectors.
 * Other models run through transformers.js' ONNX pipeline. It is also a LangChain `Embeddings`, so it
 * can be handed to any LangChain vector store.
 */
export class TransformersEmbedder extends Embeddings implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  private readonly conventions: ModelConventions;
  private reference: Promise<FeatureExtractionPipeline> | null = null;

  private constructor(
    modelId: string,
    private readonly vectors: TokenVectors,
    dimensions: number,
    private readonly batchSize: number,
    /** The unmodified transformers.js pipeline, loaded when first asked for. */
    private readonly loadPipeline: () => Promise<FeatureExtractionPipeline>,
  ) {
    super({});
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.conventions = conventionsFor(modelId);
  }

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const allowRemoteModels = options.allowRemoteModels ?? false;
    assertModelAvailable({ modelsDir: options.modelsDir, modelId: options.modelId, allowRemoteModels });
    const quantized = resolveQuantized(options.modelId, options.quantized ?? 'auto');
    const loadPipeline = async () => {
      const { pipeline, env } = await import('@xenova/transformers');
      env.localModelPath = options.modelsDir;
      env.allowLocalModels = true;
      env.allowRemoteModels = allowRemoteModels;
      return pipeline('feature-extraction', options.modelId, { quantized });
    };
    const batchSize = options.batchSize ?? 8;
    const modelDir = join(options.modelsDir, options.modelId);
    const table = quantized ? null : readStaticTable(modelDir);
    if (table) return new TransformersEmbedder(options.modelId, { kind: 'table', table, tokenizer: readTokenizer(modelDir) }, table.dims, batchSize, loadPipeline);
    const extractor = await loadPipeline();
    memoizeWordTokenization(extractor.tokenizer);
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    const dimensions = probe.dims[probe.dims.length - 1] ?? 0;
    return new TransformersEmbedder(options.modelId, { kind: 'model', extractor }, dimensions, batchSize, loadPipeline);
  }

  /** Model runs are queued first-in first-out: under load every request waits its turn instead of starving. */
  private queue: Promise<unknown> = Promise.resolve();

  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const run = this.queue.then(() => this.embedNow(texts, kind));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async embedNow(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const prefix = kind === 'query' ? this.conventions.queryPrefix : this.conventions.passagePrefix;
    const result = new Array<Float32Array>(texts.length);
    // Batches of similar length waste less work on padding.
    const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
    for (let from = 0; from < order.length; from += this.batchSize) {
      const ids = order.slice(from, from + this.batchSize);
      const vectors = await this.runBatch(ids.map((i) => prefix + texts[i]));
      ids.forEach((id, j) => (result[id] = vectors[j]));
    }
    return result;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.embed(documents, 'passage')).map((v) => Array.from(v));
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embed([document], 'query');
    return Array.from(vector);
  }

  /**
   * The feature-extraction pipeline's own steps (tokenize with padding, run the model, mean-pool over
   * the attention mask, L2-normalize), with the pooling done on the raw buffers: transformers.js'
   * generic pooling reads tensors element by element and dominated the embedding time. A static
   * model's token vectors are read from its table instead of running its graph (the same numbers).
   */
  private async runBatch(texts: string[]): Promise<Float32Array[]> {
    if (this.vectors.kind === 'table') {
      const { table, tokenizer } = this.vectors;
      return texts.map((text) => sumOfRows(table, tokenizer(text)));
    }
    const { extractor } = this.vectors;
    const inputs = extractor.tokenizer(texts, { padding: true, truncation: true }) as { input_ids: RawTensor; attention_mask: RawTensor };
    const outputs = (await extractor.model(inputs)) as Record<string, RawTensor | undefined>;
    const hidden = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
    if (!hidden) throw new Error(`Model "${this.modelId}" returned no last_hidden_state`);
    return meanPoolNormalized(hidden, inputs.attention_mask);
  }

  /** The unmodified pipeline, kept to check that the fast path gives the same vectors. */
  async embedWithPipeline(texts: string[]): Promise<Float32Array[]> {
    this.reference ??= this.vectors.kind === 'model' ? Promise.resolve(this.vectors.extractor) : this.loadPipeline();
    const output = await (await this.reference)(texts, { pooling: 'mean', normalize: true });
    const data = output.data as Float32Array;
    return texts.map((_, i) => data.slice(i * this.dimensions, (i + 1) * this.dimensions));
  }
}

interface RawTensor {
  data: ArrayLike<number | bigint>;
  dims: number[];
}

export function meanPoolNormalized(hidden: RawTensor, mask: RawTensor): Float32Array[] {
  const [batch, seq, dims] = hidden.dims;
  const data = hidden.data as Float32Array;
  return pooled(batch, seq, dims, mask, (v, b, t) => addRow(v, data, (b * seq + t) * dims));
}

/** A static model's vector of a text: the sum of the rows of its tokens, normalized (what mean pooling of the graph's output gives). */
function sumOfRows(table: StaticTable, ids: readonly number[]): Float32Array {
  const v = new Float32Array(table.dims);
  for (const id of ids) table.addRow(v, id);
  return normalized(v, ids.length);
}

/** One normalized sum per text of the batch, adding the vector of each token the mask keeps (in order). */
function pooled(batch: number, seq: number, dims: number, mask: RawTensor, add: (v: Float32Array, b: number, t: number) => void): Float32Array[] {
  const kept = integers(mask.data);
  const vectors: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(dims);
    let count = 0;
    for (let t = 0; t < seq; t++) {
      if (kept(b * seq + t) === 0) continue;
      count++;
      add(v, b, t);
    }
    vectors.push(normalized(v, count));
  }
  return vectors;
}

/** Scales a sum of `count` token vectors to unit length (a zero vector when there were none). */
function normalized(v: Float32Array, count: number): Float32Array {
  let norm = 0;
  for (let d = 0; d < v.length; d++) norm += v[d] * v[d];
  const scale = count === 0 || norm === 0 ? 0 : 1 / Math.sqrt(norm);
  for (let d = 0; d < v.length; d++) v[d] *= scale;
  return v;
}

/**
 * Reads a tensor's integers. Token ids and masks come as int64: converting each BigInt to a number
 * took a fifth of the embedding time, so they are read as the low 32-bit words (ids and masks are
 * small non-negative numbers, and the low word comes first on a little-endian machine).
 */
const LITTLE_ENDIAN = endianness() === 'LE';

function integers(data: ArrayLike<number | bigint>): (i: number) => number {
  if (data instanceof BigInt64Array && LITTLE_ENDIAN) {
    const words = new Int32Array(data.buffer, data.byteOffset, data.length * 2);
    return (i) => words[2 * i];
  }
  return (i) => Number(data[i]);
}

/**
 * v += data[offset .. offset + v.length), four at a time: pooling token vectors was a fifth of a full
 * ingest's time, and this is 1.8× faster than one at a time (the sums are the same, added in the same order).
 */
function addRow(v: Float32Array, data: Float32Array, offset: number): void {
  const whole = v.length - (v.length % 4);
  let d = 0;
  for (let o = offset; d < whole; d += 4, o += 4) {
    v[d] += data[o];
    v[d + 1] += data[o + 1];
    v[d + 2] += data[o + 2];
    v[d + 3] += data[o + 3];
  }
  for (; d < v.length; d++) v[d] += data[offset + d];
}

function resolveQuantized(modelId: string, setting: 'auto' | 'true' | 'false'): boolean {
  if (setting === 'auto') return !isProjectModel(modelId);
  return setting === 'true';
}

/** A static model's tokenizer (tokenizer.json and tokenizer_config.json), giving at most its `model_max_length` ids per text. */
function readTokenizer(modelDir: string): TokenIds {
  const readJson = (name: string): object => JSON.parse(readFileSync(join(modelDir, name), 'utf8')) as object;
  const config = readJson('tokenizer_config.json') as { model_max_length?: unknown };
  const definition = readJson('tokenizer.json');
  const tokenIds = chunkedTokenIds(new Tokenizer(definition, config), definition);
  const maxLength = typeof config.model_max_length === 'number' ? config.model_max_length : Infinity;
  return (text) => {
    const ids = tokenIds(text);
    return ids.length > maxLength ? ids.slice(0, maxLength) : ids;
  };
}

interface WordTokenizingModel {
  tokenize?: (word: string) => string[];
}

const WORD_CACHE_LIMIT = 200_000;

/**
 * Unigram tokenizers split text into words first and run a Viterbi search per
 * word; news text repeats its words constantly, so the per-word result is
 * cached. This removes most of the tokenization cost (see npm run bench).
 */
function memoizeWordTokenization(tokenizer: object): void {
  const model = (tokenizer as { model?: WordTokenizingModel | null }).model;
  const tokenize = model?.tokenize;
  if (!model || typeof tokenize !== 'function') return;
  const cache = new Map<string, string[]>();
  model.tokenize = (word: string) => {
    let pieces = cache.get(word);
    if (pieces === undefined) {
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      pieces = tokenize.call(model, word);
      cache.set(word, pieces);
    }
    return pieces;
  };
}
