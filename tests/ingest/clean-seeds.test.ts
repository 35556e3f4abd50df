import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, readCorpus, type ArticleDocument } from '../../src/ingest/index.js';
import { SEED_CORPUS } from '../helpers/fixtures.js';

async function seed(name: string): Promise<{ raw: string; doc: ArticleDocument }> {
  const { files } = await readCorpus(SEED_CORPUS, 10_000_000);
  const file = files.find((f) => f.relativePath === name)!;
  const doc = buildDocument(file);
  if ('reason' in doc) throw new Error(doc.reason);
  return { raw: await readFile(join(SEED_CORPUS, name), 'utf8'), doc };
}

const NOISE: Record<string, string[]> = {
  '000_232b39a335cc49bd.txt': ['Minister of Science and Technology Nguyen Manh Hung speaks at the event', 'Delegates watch technology demonstration', 'By Tran Binh - Translated by Anh Quan'],
  '001_ecbe5cd89bc95efb.txt': ['![]()', '| Photo: MST |', 'Photo: MST', 'What the stars mean', '★', 'Vietnam, UN reinforce development partnership amid global shifts', 'Law offers digital leap into the future'],
  '002_879ed44b500be75a.txt': ['Your browser does not support JavaScript!', 'TABLE OF CONTENTS', 'goover', '•', 'Source Documents'],
  '003_06dfd16a7ad7fb36.txt': ['Vietnam.vn - Nền tảng quảng bá Việt Nam', 'Ảnh 1', 'Overview of the Workshop.', 'Comment (0)', 'No data', 'Same tag', 'Lost in cloud hunting in Ta Xua', 'budget to support AI application projects.\n', 'Source: https://', 'Center for Science and Technology Communication'],
  '004_317cefc0f26178b1.txt': ['(Photo: VOV)', 'New York (VNA) –', '/.', 'Ho Chi Minh City, in collaboration with Vietnamese technology company CMC', 'first nuclear power plant', '🔥'],
};

/** Lines of the raw file that are article prose: long, sentence-final, not inside a teaser block. */
function articleSentences(raw: string, cutAfter: RegExp | null): string[] {
  let lines = raw.split('\n').map((l) => l.trim().replace(/^[•🔥]\s*/u, ''));
  const cut = cutAfter ? lines.findIndex((l) => cutAfter.test(l)) : -1;
  if (cut >= 0) lines = lines.slice(0, cut + 1);
  return lines
    .filter((l) => l.split(/\s+/).length >= 20 && /[.!?"”]$/.test(l) && !l.startsWith('|') && !/Ảnh \d+\.$/u.test(l))
    .map((l) => l.replace(/^New York \(VNA\) – /, '').replace(/\.?\/\.$/, '.'));
}

describe('cleaning each seed article', () => {
  for (const [name, noise] of Object.entries(NOISE)) {
    it(`${name}: removes the noise and keeps every article sentence`, async () => {
      const { raw, doc } = await seed(name);
      for (const n of noise) expect(doc.cleanText, `still contains ${JSON.stringify(n)}`).not.toContain(n);
      const sentences = articleSentences(raw, /\/\.$/);
      expect(sentences.length).toBeGreaterThan(3);
      for (const s of sentences) expect(doc.cleanText, `lost: ${s.slice(0, 60)}…`).toContain(s);
    });
  }
});

describe('identity of the seed articles', () => {
  it('has a stable docId, a content hash and a language', async () => {
    const { doc } = await seed('001_ecbe5cd89bc95efb.txt');
    expect(doc.docId).toBe('001_ecbe5cd89bc95efb.txt');
    expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.lang).toBe('en');
  });
});
