import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline } from '@xenova/transformers';
import type { Embedder, EmbedKind } from './embedder.js';
import { conventionsFor, isProjectModel, type ModelConventions } from './known-models.js';
import { assertModelAvailable } from './model-locator.js';

export interface TransformersEmbedderOptions {
  modelId: string;
  modelsDir: string;
  allowRemoteModels?: boolean;
  quantized?: 'auto' | 'true' | 'false';
  batchSize?: number;
}

/**
 * An Embedder backed by a transformers.js `feature-extraction` pipeline with
 * mean pooling and normalization. It is also a LangChain `Embeddings`, so it
 * can be handed to any LangChain vector store.
 */
export class TransformersEmbedder extends Embeddings implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  private readonly extractor: FeatureExtractionPipeline;
  private readonly conventions: ModelConventions;
  private readonly batchSize: number;

  private constructor(modelId: string, extractor: FeatureExtractionPipeline, dimensions: number, batchSize: number) {
    super({});
    this.modelId = modelId;
    this.extractor = extractor;
    this.dimensions = dimensions;
    this.batchSize = batchSize;
    this.conventions = conventionsFor(modelId);
  }

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const allowRemoteModels = options.allowRemoteModels ?? false;
    assertModelAvailable({ modelsDir: options.modelsDir, modelId: options.modelId, allowRemoteModels });
    const { pipeline, env } = await import('@xenova/transformers');
    env.localModelPath = options.modelsDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = allowRemoteModels;
    const quantized = resolveQuantized(options.modelId, options.quantized ?? 'auto');
    const extractor = await pipeline('feature-extraction', options.modelId, { quantized });
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    const dimensions = probe.dims[probe.dims.length - 1] ?? 0;
    return new TransformersEmbedder(options.modelId, extractor, dimensions, options.batchSize ?? 256);
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
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

  private async runBatch(texts: string[]): Promise<Float32Array[]> {
    const output = await this.extractor(texts, { pooling: 'mean', normalize: true });
    const data = output.data as Float32Array;
    const dims = this.dimensions;
    return texts.map((_, i) => data.slice(i * dims, (i + 1) * dims));
  }
}

function resolveQuantized(modelId: string, setting: 'auto' | 'true' | 'false'): boolean {
  if (setting === 'auto') return !isProjectModel(modelId);
  return setting === 'true';
}
