import { copyFile, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadQaSet, type QaItem } from './dataset.js';

/** A question set and the corpus its questions are about. */
export interface QuestionSet {
  name: string;
  corpusDir: string;
  qaPath: string;
}

const SHARED_DEV = resolve('../shared/qa-dev');

/** The project's own sets and, when ../shared is beside the project, the public dev sets. */
export function standardSets(): QuestionSet[] {
  return [
    { name: 'seed', corpusDir: resolve('corpus'), qaPath: resolve('tests/eval/seed-qa.jsonl') },
    { name: 'calibration', corpusDir: resolve('corpus'), qaPath: resolve('tests/answer/calibration-qa.jsonl') },
    { name: 'holdout', corpusDir: resolve('corpus'), qaPath: resolve('tests/answer/holdout-qa.jsonl') },
    { name: 'squad2-en', corpusDir: join(SHARED_DEV, 'squad2-en/corpus'), qaPath: join(SHARED_DEV, 'squad2-en/qa.jsonl') },
    { name: 'mlqa-vi', corpusDir: join(SHARED_DEV, 'mlqa-vi/corpus'), qaPath: join(SHARED_DEV, 'mlqa-vi/qa.jsonl') },
  ];
}

export interface LeaveOutVariant {
  corpusDir: string;
  items: QaItem[];
  /** Articles left out of the corpus; their questions are marked unanswerable. */
  removed: Set<string>;
}

/**
 * The set with every fifth article (in name order) left out of the corpus and
 * its questions marked unanswerable: questions about articles the corpus lacks.
 * The corpus copy goes to a temporary folder (never into the project).
 */
export async function leaveOutVariant(set: QuestionSet, items?: QaItem[]): Promise<LeaveOutVariant> {
  const files = (await readdir(set.corpusDir)).filter((f) => /\.(txt|md|html?)$/i.test(f)).sort();
  const removed = new Set(files.filter((_, i) => i % 5 === 4));
  const dir = await mkdtemp(join(tmpdir(), `newsdesk-leaveout-${set.name}-`));
  await mkdir(dir, { recursive: true });
  for (const f of files) if (!removed.has(f)) await copyFile(join(set.corpusDir, f), join(dir, f));
  const all = items ?? (await loadQaSet(set.qaPath));
  const marked = all.map((item) => (item.doc && removed.has(item.doc) ? { ...item, a: [], gold: null, kind: 'left-out' } : item));
  return { corpusDir: dir, items: marked, removed };
}
