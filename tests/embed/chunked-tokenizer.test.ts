import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { chunkedTokenIds } from '../../src/embed/chunked-tokenizer.js';

const MODELS = ['static-use-en', 'static-glove-en'];
const readJson = (dir: string, name: string): object => JSON.parse(readFileSync(join(dir, name), 'utf8')) as object;
const definitionOf = (model: string) => readJson(join('models/newsdesk', model), 'tokenizer.json');
const tokenizerOf = (model: string) => new Tokenizer(definitionOf(model), readJson(join('models/newsdesk', model), 'tokenizer_config.json'));

const TRICKY = [
  '',
  '   ',
  'Hello,  world!\tTabs\nand\r\nnewlines.',
  'No\u00a0break\u2009thin\u3000ideographic\ufeffbom spaces',
  'Café naïve ¨ diaeresis ﬁ ligature Ⅻ ２０２５ full-width',
  'ΟΔΟΣ ΣΑΣ final sigma',
  'Nguyễn Mạnh Hùng họp báo tại Hà Nội ngày 27/10/2025.',
  'e\u0301 combining mark, then a space \u0301 before one',
  'emoji 🚀🇻🇳 and <unk> [UNK] tokens',
  `a${'x'.repeat(150)} very long word`,
  `${'x'.repeat(100)} ${'y'.repeat(101)} at the longest a word may be`,
  'REUTERS Reuters reuters (Reuters) U.S. 2025 COVID19 x1y2 unbelievablyrareword ##ing',
  '$1.5bn a+b=c `code` 50% ~tilde|pipe^caret <tag> "quoted" it\'s x_y {braces} [brackets] @at #hash &amp; back\\slash',
];

describe('chunked tokenizer', () => {
  const corpusSentences = readdirSync('corpus')
    .filter((f) => f.endsWith('.md') || f.endsWith('.txt') || f.endsWith('.html') || f.endsWith('.json'))
    .flatMap((f) => readFileSync(join('corpus', f), 'utf8').split(/(?<=[.!?])\s+/));

  for (const model of MODELS) {
    it(`gives ${model}'s own ids for every text, the seed articles' sentences included`, () => {
      const tokenizer = tokenizerOf(model);
      const chunked = chunkedTokenIds(tokenizer, definitionOf(model));
      const texts = [...TRICKY, ...corpusSentences];
      expect(corpusSentences.length).toBeGreaterThan(50);
      for (const text of texts) expect(chunked(text), JSON.stringify(text)).toEqual(tokenizer.encode(text).ids);
      // A second reading comes from the cache and is the same.
      for (const text of TRICKY) expect(chunked(text)).toEqual(tokenizer.encode(text).ids);
    });
  }

  it('looks a whole word of a WordPiece vocabulary up instead of encoding it', () => {
    const encoded: string[] = [];
    const counting = (model: string) => {
      const tokenizer = tokenizerOf(model);
      const encode = tokenizer.encode.bind(tokenizer);
      tokenizer.encode = ((text: string, options?: object) => (encoded.push(text), encode(text, options))) as typeof tokenizer.encode;
      return chunkedTokenIds(tokenizer, definitionOf(model));
    };
    // The word model's vocabulary has "government", "monday", "exports" … but not "the" or "said" (stopwords).
    // The word model's vocabulary has whole words only ("government", but not "the": stopwords are left out).
    counting('static-glove-en')('The Government said exports rose, (Reuters) U.S. 1.5% Nguyễn');
    expect(encoded.filter((t) => t !== '')).toEqual(['Nguyễn']);
    encoded.length = 0;
    counting('static-use-en')('The Government said');
    expect(encoded.filter((t) => t !== '')).toEqual(['The', 'Government', 'said']);
  });
});
