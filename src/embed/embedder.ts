/** What the rest of the pipeline needs from an embedding model. */
export type EmbedKind = 'query' | 'passage';

export interface Embedder {
  /** The model id recorded in the index manifest. */
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** Unit-length vectors, one per text, in input order. */
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
}
