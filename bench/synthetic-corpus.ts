import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDocument, readCorpus, splitSentences, type ArticleDocument } from '../src/ingest/index.js';

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedSentences(corpusDir: string): Promise<string[]> {
  const { files } = await readCorpus(corpusDir, 10_000_000);
  const docs = files.map(buildDocument).filter((d): d is ArticleDocument => !('reason' in d));
  return docs.flatMap((d) => splitSentences(d.cleanText, d.lang).map((s) => d.cleanText.slice(s.start, s.end))).filter((s) => s.split(' ').length >= 6);
}

/**
 * Recombines the seed articles' sentences into new articles: a headline,
 * then 2–4 paragraphs of 2–4 sentences, with numbers re-drawn so that
 * articles differ. Writes `count` files under `dir` (100 per folder).
 */
export async function writeSyntheticCorpus(dir: string, count: number, sentences: string[], seed = 42, offset = 0): Promise<void> {
  const rand = prng(seed);
  const pick = () => sentences[Math.floor(rand() * sentences.length)];
  for (let i = offset; i < offset + count; i++) {
    const folder = join(dir, `batch-${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0 || i === offset) await mkdir(folder, { recursive: true });
    const headline = pick().split(' ').slice(0, 9).join(' ').replace(/[.,;:]+$/, '');
    const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick().replace(/\d+/g, () => String(1 + Math.floor(rand() * 999)))).join(' '),
    );
    await writeFile(join(folder, `article-${i}.txt`), `${headline} (${i})\n\n${paragraphs.join('\n\n')}\n`);
  }
}
