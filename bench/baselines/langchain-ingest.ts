import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/huggingface_transformers';
import { pipeline, env } from '@xenova/transformers';

/**
 * The plain LangChain ingest: HuggingFaceTransformersEmbeddings +
 * HNSWLib.addDocuments. The community class loads its pipeline from
 * @huggingface/transformers (v3), which this project does not install; the
 * same class is handed the @xenova/transformers pipeline of the same model
 * instead, so batching, pooling and the vector store are LangChain's own.
 */
export async function langchainEmbeddings(modelsDir: string, modelId: string): Promise<HuggingFaceTransformersEmbeddings> {
  env.localModelPath = modelsDir;
  env.allowRemoteModels = false;
  const pipe = await pipeline('feature-extraction', modelId, { quantized: false });
  const embeddings = new HuggingFaceTransformersEmbeddings({ model: modelId });
  Object.assign(embeddings, { pipelinePromise: Promise.resolve(pipe) });
  return embeddings;
}

export async function langchainIngest(embeddings: HuggingFaceTransformersEmbeddings, texts: string[], dims: number): Promise<HNSWLib> {
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims });
  await store.addDocuments(texts.map((pageContent, i) => new Document({ pageContent, metadata: { i } })));
  return store;
}
