import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { chunkedTokenIds } from '../../src/embed/chunked-tokenizer.js';

const MODELS = ['static-use-en', 'static-glove-en'];
const readJson = (dir: string, name: string): object => JSON.parse(readFileSync(join(dir, name), 'utf8')) as object;
const tokenizerOf = (model: string) => {
  const dir = join('models/newsdesk', model);
  return new Tokenizer(readJson(dir, 'tokenizer.json'), readJson(dir, 'tokenizer_config.json'));
};

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
];

describe('chunked tokenizer', () => {
  const corpusSentences = readdirSync('corpus')
    .filter((f) => f.endsWith('.md') || f.endsWith('.txt') || f.endsWith('.html') || f.endsWith('.json'))
    .flatMap((f) => readFileSync(join('corpus', f), 'utf8').split(/(?<=[.!?])\s+/));

  for (const model of MODELS) {
    it(`gives ${model}'s own ids for every text, the seed articles' sentences included`, () => {
      const tokenizer = tokenizerOf(model);
      const chunked = chunkedTokenIds(tokenizer);
      const texts = [...TRICKY, ...corpusSentences];
      expect(corpusSentences.length).toBeGreaterThan(50);
      for (const text of texts) expect(chunked(text), JSON.stringify(text)).toEqual(tokenizer.encode(text).ids);
      // A second reading comes from the cache and is the same.
      for (const text of TRICKY) expect(chunked(text)).toEqual(tokenizer.encode(text).ids);
    });
  }
});
