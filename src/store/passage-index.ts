import hnswlib from 'hnswlib-node';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import type { LexicalStore } from './lexical-store.js';
import type { Manifest, StoredPassage } from './manifest.js';

const { HierarchicalNSW } = hnswlib;
export type HnswIndex = InstanceType<typeof HierarchicalNSW>;

export interface VectorHit {
  passage: Passage;
  /** Cosine similarity to the query. */
  score: number;
}

/** Read access to an index version: documents, passages and the vector search over them. */
export interface PassageStore {
  readonly manifest: Manifest;
  readonly passages: readonly Passage[];
  document(docId: string): ArticleDocument | undefined;
  documents(): Iterable<ArticleDocument>;
  /** Approximate nearest passages (HNSW); `accept` filters before ranking. */
  searchVector(query: Float32Array, k: number, accept?: (p: Passage) => boolean): VectorHit[];
  /** The stored vector of a passage. */
  vectorOf(passage: Passage): Float32Array;
  /** The passage stored under an HNSW label, if this version holds it. */
  passageWithLabel(label: number): Passage | undefined;
  /** The lexical index on disk holding this version's passages, or null when there is none (an index held in memory). */
  lexicalTerms(): LexicalStore | null;
}

/** One loaded index version held in memory. Immutable: a new version is a new object. */
export class PassageIndex implements PassageStore {
  readonly manifest: Manifest;
  readonly passages: readonly Passage[];
  private readonly docs: Map<string, ArticleDocument>;
  private readonly byLabel: Map<number, Passage>;
  private readonly labelOf: Map<string, number>;
  /** The passages as stored (with their HNSW labels). */
  readonly stored: readonly StoredPassage[];
  /**
   * The vector graph. A server applying the next version's delta adds to and marks deletions in this
   * same graph: this version's searches skip labels it does not hold, so it stays correct meanwhile.
   */
  readonly hnsw: HnswIndex;

  constructor(
    manifest: Manifest,
    documents: ArticleDocument[],
    stored: StoredPassage[],
    hnsw: HnswIndex,
    private readonly lexical: LexicalStore | null = null,
    /** The version this one extends: its passage objects are reused for the labels both hold. */
    extended: PassageIndex | null = null,
  ) {
    this.manifest = manifest;
    this.hnsw = hnsw;
    this.stored = stored;
    this.docs = new Map(documents.map((d) => [d.docId, d]));
    this.byLabel = new Map();
    this.labelOf = new Map();
    this.passages = stored.map((s) => {
      const doc = this.docs.get(s.docId);
      const passage: Passage = extended?.byLabel.get(s.label) ?? { chunkId: s.chunkId, docId: s.docId, start: s.start, end: s.end, text: doc ? doc.cleanText.slice(s.start, s.end) : '' };
      this.byLabel.set(s.label, passage);
      this.labelOf.set(s.chunkId, s.label);
      return passage;
    });
  }

  document(docId: string): ArticleDocument | undefined {
    return this.docs.get(docId);
  }

  documents(): Iterable<ArticleDocument> {
    return this.docs.values();
  }

  searchVector(query: Float32Array, k: number, accept?: (p: Passage) => boolean): VectorHit[] {
    const count = Math.min(k, this.passages.length);
    if (count === 0) return [];
    const filter = accept ? (label: number) => { const p = this.byLabel.get(label); return p !== undefined && accept(p); } : undefined;
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), count, filter);
    return neighbors.flatMap((label, i) => {
      const passage = this.byLabel.get(label);
      return passage ? [{ passage, score: 1 - distances[i] }] : [];
    });
  }

  passageWithLabel(label: number): Passage | undefined {
    return this.byLabel.get(label);
  }

  lexicalTerms(): LexicalStore | null {
    return this.lexical;
  }

  vectorOf(passage: Passage): Float32Array {
    const label = this.labelOf.get(passage.chunkId);
    if (label === undefined) throw new Error(`Unknown passage ${passage.chunkId}`);
    return Float32Array.from(this.hnsw.getPoint(label));
  }
}
