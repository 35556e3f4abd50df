/**
 * The teacher's SentencePiece vocabulary written as a Hugging Face
 * `tokenizer.json` (Unigram model, white-space split + Metaspace pre-tokenizer, NFKC normalizer,
 * optionally lowercasing), plus the small config files transformers.js reads.
 * No post-processor: no special tokens are added, so mean pooling averages
 * only real pieces.
 */
export type Vocabulary = ReadonlyArray<readonly [string, number]>;

export interface TokenizerOptions {
  lowercase: boolean;
  unkId: number;
}

export function buildTokenizerJson(vocab: Vocabulary, options: TokenizerOptions): object {
  const normalizers: object[] = [{ type: 'NFKC' }];
  if (options.lowercase) normalizers.push({ type: 'Lowercase' });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: options.unkId, content: vocab[options.unkId][0], single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: { type: 'Sequence', normalizers },
    // Split on white space first: no piece spans a word boundary, so per-word
    // segmentation equals the teacher's whole-string one, and words can be cached.
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '\u2581', add_prefix_space: true, prepend_scheme: 'always' }],
    },
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: '\u2581', add_prefix_space: true, prepend_scheme: 'always' },
    model: { type: 'Unigram', unk_id: options.unkId, vocab: vocab.map(([piece, score]) => [piece, score]), byte_fallback: false },
  };
}

export function buildTokenizerConfig(vocab: Vocabulary, options: TokenizerOptions, maxLength: number): object {
  return {
    tokenizer_class: 'T5Tokenizer',
    unk_token: vocab[options.unkId][0],
    pad_token: vocab[options.unkId][0],
    model_max_length: maxLength,
    do_lower_case: options.lowercase,
  };
}

export function buildModelConfig(vocabSize: number, dims: number, maxLength: number): object {
  // model_type "bert" makes transformers.js run the graph as a plain encoder.
  return {
    model_type: 'bert',
    architectures: ['StaticEmbeddingModel'],
    hidden_size: dims,
    vocab_size: vocabSize,
    max_position_embeddings: maxLength,
    pad_token_id: 0,
  };
}

/**
 * A whole-word tokenizer for the word model: NFKC + lowercase, split on white
 * space and punctuation (BERT's pre-tokenizer), then WordPiece with no
 * sub-word pieces, so a word is either in the vocabulary or `[UNK]`.
 */
export function buildWordTokenizerJson(words: readonly string[]): object {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: words[0], single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: words[0], continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(words.map((w, i) => [w, i])) },
  };
}

export function buildWordTokenizerConfig(words: readonly string[], maxLength: number): object {
  return { tokenizer_class: 'BertTokenizer', unk_token: words[0], pad_token: words[0], model_max_length: maxLength, do_lower_case: true };
}
