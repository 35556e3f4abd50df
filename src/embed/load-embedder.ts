import type { Config } from '../config.js';
import type { Embedder } from './embedder.js';
import { TransformersEmbedder } from './transformers-embedder.js';

/** The configured model (or `modelId`), loaded with the configured options: used by the server and the ingest commands alike. */
export async function loadEmbedder(config: Config, modelId = config.embedding.model): Promise<Embedder> {
  return TransformersEmbedder.load({
    modelId,
    modelsDir: config.modelsDir,
    allowRemoteModels: config.embedding.allowRemoteModels,
    quantized: config.embedding.quantized,
    batchSize: config.embedding.batchSize,
  });
}
