import hnswlib from 'hnswlib-node';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import type { DocumentInfo, DocumentTexts } from './document-table.js';
import type { IndexDatabase } from './index-database.js';
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
  /** Every passage; a passage's text is read when asked for. */
  readonly passages: readonly Passage[];
  /** An article with its text (read from disk when it is not among the recently read). */
  document(docId: string): ArticleDocument | undefined;
  /** What is known of an article without its text. */
  documentInfo(docId: string): DocumentInfo | undefined;
  documents(): Iterable<DocumentInfo>;
  /** Approximate nearest passages (HNSW); `accept` filters before ranking. */
  searchVector(query: Float32Array, k: number, accept?: (p: Passage) => boolean): VectorHit[];
  /** The stored vector of a passage. */
  vectorOf(passage: Passage): Float32Array;
  /** The passage stored under an HNSW label, if this version holds it. */
  passageWithLabel(label: number): Passage | undefined;
  /** The lexical index on disk holding this version's passages, or null when there is none (an index held in memory). */
  lexicalTerms(): LexicalStore | null;
}

/**
 * One index version: metadata, passage offsets and the vector graph in memory; document texts read on
 * demand from the index database. Immutable: a new version is a new object.
 */
export class PassageIndex implements PassageStore {
  readonly manifest: Manifest;
  readonly passages: readonly Passage[];
  private readonly infos: Map<string, DocumentInfo>;
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
    documents: readonly DocumentInfo[],
    stored: StoredPassage[],
    hnsw: HnswIndex,
    private readonly database: IndexDatabase,
    /** The version this one extends: its passage objects are reused for the labels both hold. */
    extended: PassageIndex | null = null,
  ) {
    this.manifest = manifest;
    this.hnsw = hnsw;
    this.stored = stored;
    this.infos = new Map(documents.map((d) => [d.docId, d]));
    this.byLabel = new Map();
    this.labelOf = new Map();
    this.passages = stored.map((s) => {
      const passage = extended?.byLabel.get(s.label) ?? this.lazyPassage(s);
      this.byLabel.set(s.label, passage);
      this.labelOf.set(s.chunkId, s.label);
      return passage;
    });
  }

  private lazyPassage(s: StoredPassage): Passage {
    return new LazyPassage(s, this.infos.get(s.docId)?.key, this.database.texts);
  }

  document(docId: string): ArticleDocument | undefined {
    const info = this.infos.get(docId);
    const cleanText = info && this.database.texts.get(info.key);
    if (!info || cleanText === undefined) return undefined;
    const { cleanHash: _hash, key: _key, ...article } = info;
    return { ...article, cleanText };
  }

  documentInfo(docId: string): DocumentInfo | undefined {
    return this.infos.get(docId);
  }

  documents(): Iterable<DocumentInfo> {
    return this.infos.values();
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
    return this.database.lexical;
  }

  vectorOf(passage: Passage): Float32Array {
    const label = this.labelOf.get(passage.chunkId);
    if (label === undefined) throw new Error(`Unknown passage ${passage.chunkId}`);
    return Float32Array.from(this.hnsw.getPoint(label));
  }
}

/**
 * A passage whose text is read from its document's stored copy when asked for (the text of a stored
 * copy never changes). Its text is a getter: copy it with `toJSON()`, not with an object spread.
 */
class LazyPassage implements Passage {
  readonly chunkId: string;
  readonly docId: string;
  readonly start: number;
  readonly end: number;
  readonly #key: string | undefined;
  readonly #texts: DocumentTexts;

  constructor(stored: StoredPassage, key: string | undefined, texts: DocumentTexts) {
    this.chunkId = stored.chunkId;
    this.docId = stored.docId;
    this.start = stored.start;
    this.end = stored.end;
    this.#key = key;
    this.#texts = texts;
  }

  get text(): string {
    const text = this.#key === undefined ? undefined : this.#texts.get(this.#key);
    return text === undefined ? '' : text.slice(this.start, this.end);
  }

  toJSON(): Passage {
    return { chunkId: this.chunkId, docId: this.docId, start: this.start, end: this.end, text: this.text };
  }
}
