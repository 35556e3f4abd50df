import hnswlib from 'hnswlib-node';
import type { ArticleDocument, Passage } from '../ingest/index.js';
import { docIdOfKey, documentKey, type DateRange, type DocumentInfo, type RecentlyRead } from './document-table.js';
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

/**
 * Read access to an index version: documents, passages and the vector search over them. Passages and
 * documents are read when asked for; what a question touches costs the same at 10k and at 500k passages.
 */
export interface PassageStore {
  readonly manifest: Manifest;
  /** How many passages the version holds. */
  readonly passageCount: number;
  /** Every passage, made on demand (for tools and tests: a question never needs them all). */
  allPassages(): Passage[];
  /** The article of each passage, one entry per passage (without making the passages). */
  passageDocIds(): Iterable<string>;
  /** An article's passages, in order. */
  passagesOf(docId: string): Passage[];
  /** An article with its text (read from disk when it is not among the recently read). */
  document(docId: string): ArticleDocument | undefined;
  /** What is known of an article without its text. */
  documentInfo(docId: string): DocumentInfo | undefined;
  /** An article's publication date, if it has one (cheaper than its metadata). */
  published(docId: string): string | null;
  /** Every article's metadata, read from disk (for the library: a question never needs them all). */
  documents(): DocumentInfo[];
  /** The same, read from disk a thousand at a time: for a pass over a large archive that keeps little of each. */
  eachDocument(): Iterable<DocumentInfo>;
  /** The indexed article whose clean text has this hash, if any. */
  documentWithCleanHash(cleanHash: string): DocumentInfo | undefined;
  /** The range of the articles' publication dates; null when none is dated. */
  dateRange(): DateRange | null;
  /** Approximate nearest passages (HNSW); `accept` filters before ranking. */
  searchVector(query: Float32Array, k: number, accept?: (p: Passage) => boolean): VectorHit[];
  /** The stored vector of a passage. */
  vectorOf(passage: Passage): Float32Array;
  /** The passage stored under an HNSW label, if this version holds it. */
  passageWithLabel(label: number): Passage | undefined;
  /** The lexical index on disk holding this version's passages, or null when there is none (an index held in memory). */
  lexicalTerms(): LexicalStore | null;
}

/** Document metadata read from disk per query when every article is read. */
const DOCUMENTS_READ_AT_ONCE = 1000;

/**
 * One index version: its manifest, the passages' offsets (as stored, by HNSW label) and the vector
 * graph in memory; document metadata and texts read on demand from the index database, through
 * caches shared by versions. Immutable: a new version is a new object.
 */
export class PassageIndex implements PassageStore {
  readonly manifest: Manifest;
  /** The passages as stored (with their HNSW labels). */
  readonly stored: readonly StoredPassage[];
  /** Position in `stored` by HNSW label, -1 for labels this version does not hold. */
  private readonly rowOfLabel: Int32Array;
  /**
   * The vector graph. A server applying the next version's delta adds to and marks deletions in this
   * same graph: this version's searches skip labels it does not hold, so it stays correct meanwhile.
   */
  readonly hnsw: HnswIndex;
  private dates: DateRange | null | undefined;

  constructor(
    manifest: Manifest,
    stored: readonly StoredPassage[],
    hnsw: HnswIndex,
    private readonly database: IndexDatabase,
  ) {
    this.manifest = manifest;
    this.hnsw = hnsw;
    this.stored = stored;
    let labels = manifest.nextLabel;
    for (const s of stored) if (s.label >= labels) labels = s.label + 1;
    this.rowOfLabel = new Int32Array(labels).fill(-1);
    stored.forEach((s, row) => (this.rowOfLabel[s.label] = row));
  }

  get passageCount(): number {
    return this.stored.length;
  }

  *passageDocIds(): Iterable<string> {
    for (const s of this.stored) yield s.docId;
  }

  allPassages(): Passage[] {
    return this.stored.map((s) => this.passageAt(s));
  }

  passagesOf(docId: string): Passage[] {
    return this.stored.filter((s) => s.docId === docId).map((s) => this.passageAt(s));
  }

  document(docId: string): ArticleDocument | undefined {
    const info = this.documentInfo(docId);
    const cleanText = info && this.database.texts.get(info.key);
    if (!info || cleanText === undefined) return undefined;
    const { cleanHash: _hash, key: _key, ...article } = info;
    return { ...article, cleanText };
  }

  documentInfo(docId: string): DocumentInfo | undefined {
    const key = this.keyOf(docId);
    const info = key === undefined ? undefined : this.database.infos.get(key);
    return info && this.dated(info);
  }

  published(docId: string): string | null {
    const key = this.keyOf(docId);
    return (key !== undefined && this.database.dates.get(key)) || null;
  }

  documents(): DocumentInfo[] {
    return [...this.eachDocument()];
  }

  *eachDocument(): Iterable<DocumentInfo> {
    const keys = Object.keys(this.manifest.documents).map((docId) => this.keyOf(docId)!);
    for (let from = 0; from < keys.length; from += DOCUMENTS_READ_AT_ONCE) {
      for (const info of this.database.documents.infos(keys.slice(from, from + DOCUMENTS_READ_AT_ONCE))) yield this.dated(info);
    }
  }

  documentWithCleanHash(cleanHash: string): DocumentInfo | undefined {
    const copy = this.database.documents.withCleanHash(cleanHash).find((d) => this.keyOf(d.docId) === d.key);
    return copy && this.dated(copy);
  }

  dateRange(): DateRange | null {
    if (this.dates === undefined) this.dates = this.database.documents.dateRange((key) => this.keyOf(docIdOfKey(key)) === key);
    return this.dates;
  }

  searchVector(query: Float32Array, k: number, accept?: (p: Passage) => boolean): VectorHit[] {
    const count = Math.min(k, this.stored.length);
    if (count === 0) return [];
    const filter = accept ? (label: number) => { const s = this.storedWithLabel(label); return s !== undefined && accept(this.passageAt(s)); } : undefined;
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), count, filter);
    return neighbors.flatMap((label, i) => {
      const passage = this.passageWithLabel(label);
      return passage ? [{ passage, score: 1 - distances[i] }] : [];
    });
  }

  passageWithLabel(label: number): Passage | undefined {
    const s = this.storedWithLabel(label);
    return s && this.passageAt(s);
  }

  lexicalTerms(): LexicalStore | null {
    return this.database.lexical;
  }

  vectorOf(passage: Passage): Float32Array {
    const label = passage instanceof LazyPassage ? passage.label : this.stored.find((s) => s.chunkId === passage.chunkId)?.label;
    if (label === undefined) throw new Error(`Unknown passage ${passage.chunkId}`);
    return Float32Array.from(this.hnsw.getPoint(label));
  }

  private storedWithLabel(label: number): StoredPassage | undefined {
    const row = label < this.rowOfLabel.length ? this.rowOfLabel[label] : -1;
    return row < 0 ? undefined : this.stored[row];
  }

  private passageAt(s: StoredPassage): Passage {
    return new LazyPassage(s, this.keyOf(s.docId), this.database.texts);
  }

  /** Where the version's copy of an article is stored. */
  private keyOf(docId: string): string | undefined {
    const entry = Object.hasOwn(this.manifest.documents, docId) ? this.manifest.documents[docId] : undefined;
    return entry && documentKey(docId, entry.hash);
  }

  /** Dated as this version's manifest says (a copy's row keeps the date it was first stored with). */
  private dated(info: DocumentInfo): DocumentInfo {
    const addedAt = this.manifest.documents[info.docId]?.addedAt ?? this.manifest.builtAt;
    return info.addedAt === addedAt ? info : { ...info, addedAt };
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
  readonly label: number;
  readonly #key: string | undefined;
  readonly #texts: RecentlyRead<string>;

  constructor(stored: StoredPassage, key: string | undefined, texts: RecentlyRead<string>) {
    this.chunkId = stored.chunkId;
    this.docId = stored.docId;
    this.start = stored.start;
    this.end = stored.end;
    this.label = stored.label;
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
