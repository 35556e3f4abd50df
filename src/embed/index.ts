/** Public surface of the embedding stage: turn texts into unit vectors. */
export type { Embedder, EmbedKind } from './embedder.js';
export { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';
export { conventionsFor, type ModelConventions } from './known-models.js';
export { assertModelAvailable, declaredDimensions } from './model-locator.js';
export { cosine } from './vector-math.js';
export { loadEmbedder } from './load-embedder.js';
