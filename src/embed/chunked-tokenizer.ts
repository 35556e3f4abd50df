import type { Tokenizer } from '@huggingface/tokenizers';
import { z } from 'zod';

/** Chunks whose ids are remembered; cleared when full (an archive has a few hundred thousand distinct ones). */
const CHUNK_CACHE_LIMIT = 50_000;

/**
 * A tokenizer's ids for a text, reading each whitespace-separated chunk once. The project's tokenizers
 * split on whitespace before anything else reads the text (their normalizers, NFKC and lower case, act
 * within a chunk), so a text's ids are its chunks' ids in order, between the ids the tokenizer puts
 * around any text. News repeats its words: on 40,703 English sentences this halves the tokenizing
 * time (WordPiece 60 → 30 µs a sentence, Unigram 46–57 → 21 µs) and gives the same ids for every one
 * of them (tests/embed/chunked-tokenizer.test.ts checks it on the models' own tokenizers).
 *
 * Given the tokenizer's definition (its tokenizer.json), a new chunk that is a whole word of a WordPiece
 * vocabulary is looked up rather than encoded (see wholeWordVocabulary).
 */
export function chunkedTokenIds(tokenizer: Tokenizer, definition?: unknown): (text: string) => number[] {
  const around = tokenizer.encode('').ids;
  if (around.length !== 0 && around.length !== 2) return (text) => tokenizer.encode(text).ids;
  const cache = new Map<string, number[]>();
  const whole = wholeWordVocabulary(tokenizer, definition);
  const idsOf = (chunk: string): number[] => {
    const known = cache.get(chunk);
    if (known) return known;
    if (cache.size >= CHUNK_CACHE_LIMIT) cache.clear();
    const ids = (whole && lookedUp(whole, chunk)) || tokenizer.encode(chunk, { add_special_tokens: false }).ids;
    cache.set(chunk, ids);
    return ids;
  };
  return (text) => {
    const ids = around.length === 2 ? [around[0]] : [];
    for (const chunk of text.split(/\s+/)) if (chunk !== '') for (const id of idsOf(chunk)) ids.push(id);
    if (around.length === 2) ids.push(around[1]);
    return ids;
  };
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;
/** Printable ASCII; BertPreTokenizer makes each character of it that is not a letter or digit a word of its own. */
const ASCII_PRINTABLE = /^[\x21-\x7e]+$/;
const ASCII_PIECES = /[A-Za-z0-9]+|[^A-Za-z0-9]/g;

const WordPieceDefinition = z.object({
  added_tokens: z.array(z.object({ content: z.string() })).default([]),
  normalizer: z.object({ type: z.literal('Sequence'), normalizers: z.array(z.object({ type: z.enum(['NFKC', 'NFC', 'Lowercase']) })) }),
  pre_tokenizer: z.object({ type: z.literal('BertPreTokenizer') }),
  model: z.object({
    type: z.literal('WordPiece'),
    unk_token: z.string(),
    continuing_subword_prefix: z.string().default('##'),
    max_input_chars_per_word: z.number().int().default(100),
  }),
});

interface WholeWords {
  /** The id of a word the vocabulary holds whole. */
  idOf: (word: string) => number | undefined;
  maxChars: number;
  lowercase: boolean;
  /** The id of any word the vocabulary lacks, when it has no word pieces to spell it with (a whole-word vocabulary). */
  unknown: number | null;
  /** Tokens matched in the text before anything else ("[UNK]"): a chunk holding one is encoded. */
  added: readonly string[];
}

/**
 * What a WordPiece tokenizer whose normalizers are only NFKC / NFC and lower case, and which splits on whitespace
 * and punctuation (BertPreTokenizer), does to ASCII, or null for any other tokenizer. Such a tokenizer reads a
 * chunk of ASCII letters and digits as one word (lower-cased if it lower-cases), which is its one id when the
 * vocabulary holds it whole; and when the vocabulary has no word pieces (the word model's), any printable ASCII
 * chunk is words and single punctuation marks, each its id or the unknown one. Those chunks are looked up instead
 * of encoded (13–15 µs a new chunk; the word model meets hundreds in a cold server's first questions).
 */
function wholeWordVocabulary(tokenizer: Tokenizer, definition: unknown): WholeWords | null {
  const parsed = WordPieceDefinition.safeParse(definition);
  if (!parsed.success) return null;
  const { unk_token: unk, continuing_subword_prefix: prefix, max_input_chars_per_word: maxChars } = parsed.data.model;
  // The tokenizer's own vocabulary, read through its API (its ids run from 0 without gaps): copying 60,000 words into
  // a map of ours cost 60-110 ms of start-up.
  let pieces = false;
  for (let id = 0, token = tokenizer.id_to_token(0); token !== undefined && !pieces; token = tokenizer.id_to_token(++id)) pieces = token.startsWith(prefix);
  return {
    idOf: (word) => tokenizer.token_to_id(word),
    maxChars,
    lowercase: parsed.data.normalizer.normalizers.some((n) => n.type === 'Lowercase'),
    unknown: pieces ? null : (tokenizer.token_to_id(unk) ?? null),
    added: parsed.data.added_tokens.map((t) => t.content),
  };
}

/** The ids of a chunk the vocabulary alone decides (see wholeWordVocabulary), or null when it must be encoded. */
function lookedUp(whole: WholeWords, chunk: string): number[] | null {
  if (whole.added.some((t) => chunk.includes(t))) return null;
  const text = whole.lowercase ? chunk.toLowerCase() : chunk;
  if (ASCII_WORD.test(chunk)) {
    const id = chunk.length <= whole.maxChars ? whole.idOf(text) : undefined;
    return id !== undefined ? [id] : whole.unknown !== null ? [whole.unknown] : null;
  }
  if (whole.unknown === null || !ASCII_PRINTABLE.test(chunk)) return null;
  const unknown = whole.unknown;
  return (text.match(ASCII_PIECES) ?? []).map((w) => (w.length <= whole.maxChars ? (whole.idOf(w) ?? unknown) : unknown));
}
