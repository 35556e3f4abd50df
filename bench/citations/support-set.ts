/**
 * The labelled set the citation check is measured on: generated-style sentences written over the
 * seed corpus's passages, each labelled supported or not by its passage (bench/citations/support-set.jsonl).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { supportOf, type SupportSettings } from '../../src/answer/index.js';
import type { ChunkingSettings } from '../../src/config.js';
import { buildDocument, chunkDocument, readCorpus, type ArticleDocument, type Passage } from '../../src/ingest/index.js';

export interface SupportItem {
  chunk: string;
  sentence: string;
  supported: boolean;
  kind: string;
}

export interface SupportScore {
  items: number;
  /** Supported sentences the check keeps / all it keeps. */
  precision: number;
  /** Supported sentences the check keeps / all supported sentences. */
  recall: number;
  /** Unsupported sentences the check removes / all unsupported sentences. */
  caught: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  byKind: Record<string, { items: number; agree: number }>;
  errors: Array<{ item: SupportItem; verdict: boolean; problems: string[] }>;
}

export const SUPPORT_SET = join(import.meta.dirname, 'support-set.jsonl');

export async function loadSupportSet(path = SUPPORT_SET): Promise<SupportItem[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SupportItem);
}

/** The passages of a corpus as the index cuts them (no embedding needed), by chunk id, with their articles. */
export async function corpusPassages(corpusDir: string, chunking: ChunkingSettings): Promise<Map<string, { passage: Passage; document: ArticleDocument }>> {
  const { files } = await readCorpus(corpusDir, 5_000_000);
  const out = new Map<string, { passage: Passage; document: ArticleDocument }>();
  for (const file of files) {
    const document = buildDocument(file);
    if (!('docId' in document)) continue;
    for (const passage of chunkDocument(document.docId, document.cleanText, chunking, document.lang)) out.set(passage.chunkId, { passage, document });
  }
  return out;
}

export function scoreSupport(items: readonly SupportItem[], passages: Map<string, { passage: Passage; document: ArticleDocument }>, settings?: SupportSettings): SupportScore {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const byKind: SupportScore['byKind'] = {};
  const errors: SupportScore['errors'] = [];
  for (const item of items) {
    const found = passages.get(item.chunk);
    if (!found) throw new Error(`No passage ${item.chunk} in the corpus (chunking changed?).`);
    const verdict = supportOf(item.sentence, [{ text: found.passage.text, title: found.document.title }], settings);
    if (verdict.supported && item.supported) tp++;
    else if (verdict.supported) fp++;
    else if (item.supported) fn++;
    else tn++;
    const kind = (byKind[`${item.supported ? 'supported' : 'unsupported'}: ${item.kind}`] ??= { items: 0, agree: 0 });
    kind.items++;
    if (verdict.supported === item.supported) kind.agree++;
    else errors.push({ item, verdict: verdict.supported, problems: verdict.problems.map((p) => JSON.stringify(p)) });
  }
  return {
    items: items.length,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    caught: tn / Math.max(1, tn + fp),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    byKind,
    errors,
  };
}
