import type { QaItem } from './dataset.js';
import { isAnswerable } from './dataset.js';

/** What a system returned for one question. */
export interface SystemOutput {
  /** Retrieved passage texts, best first. */
  passages: string[];
  answer: string;
  answered: boolean;
  quotes: string[];
  latencyMs: number;
}

export interface Scores {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  correctness: number;
  support: number;
  abstentionAccuracy: number | null;
  falseAbstention: number;
  latencyP50: number;
  latencyP95: number;
}

const norm = (s: string) => s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();

export const containsText = (haystack: string, needle: string) => norm(haystack).includes(norm(needle));

function goldRank(item: QaItem, out: SystemOutput): number | null {
  const i = out.passages.findIndex((p) => containsText(p, item.gold ?? ''));
  return i < 0 ? null : i + 1;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function score(items: QaItem[], outputs: SystemOutput[]): Scores {
  const pairs = items.map((item, i) => ({ item, out: outputs[i] }));
  const answerable = pairs.filter((p) => isAnswerable(p.item));
  const unanswerable = pairs.filter((p) => !isAnswerable(p.item));
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const ranks = answerable.map((p) => goldRank(p.item, p.out));
  const correct = answerable.map(({ item, out }) => out.answered && item.a.some((a) => containsText(out.answer, a)));
  const supported = answerable.map(({ item, out }) => out.answered && item.a.some((a) => out.quotes.some((q) => containsText(q, a))));
  return {
    questions: items.length,
    recallAt1: mean(ranks.map((r) => (r !== null && r <= 1 ? 1 : 0))),
    recallAt5: mean(ranks.map((r) => (r !== null && r <= 5 ? 1 : 0))),
    mrr: mean(ranks.map((r) => (r === null ? 0 : 1 / r))),
    correctness: mean(correct.map(Number)),
    support: mean(supported.map(Number)),
    abstentionAccuracy: unanswerable.length === 0 ? null : mean(unanswerable.map((p) => (p.out.answered ? 0 : 1))),
    falseAbstention: mean(answerable.map((p) => (p.out.answered ? 0 : 1))),
    latencyP50: percentile(outputs.map((o) => o.latencyMs), 50),
    latencyP95: percentile(outputs.map((o) => o.latencyMs), 95),
  };
}
