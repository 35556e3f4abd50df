import type { QaItem } from './dataset.js';
import { isAnswerable } from './dataset.js';
import { exact, f1 } from './span-metrics.js';

/** What a system returned for one question. */
export interface SystemOutput {
  /** Retrieved passage texts, best first. */
  passages: string[];
  answer: string;
  answered: boolean;
  quotes: string[];
  /** The exact answer inside the quote, when the system gives one. */
  span: string | null;
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
  /** Over answered answerable questions given a span: SQuAD exact match and token F1 (best accepted answer). */
  spanExact: number | null;
  spanF1: number | null;
  /** Share of answered answerable questions given a span. */
  spanCoverage: number | null;
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
    ...spanScores(answerable.filter((p) => p.out.answered)),
    latencyP50: percentile(outputs.map((o) => o.latencyMs), 50),
    latencyP95: percentile(outputs.map((o) => o.latencyMs), 95),
  };
}

function spanScores(answered: Array<{ item: QaItem; out: SystemOutput }>): Pick<Scores, 'spanExact' | 'spanF1' | 'spanCoverage'> {
  const withSpan = answered.filter((p) => p.out.span !== null);
  if (answered.length === 0) return { spanExact: null, spanF1: null, spanCoverage: null };
  const lang = (text: string) => (/[ăâđêôơư]/iu.test(text) ? 'vi' : 'en');
  const best = (p: { item: QaItem; out: SystemOutput }, score: typeof f1) => Math.max(...p.item.a.map((a) => score(p.out.span!, a, lang(p.item.q))));
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return { spanExact: mean(withSpan.map((p) => best(p, exact))), spanF1: mean(withSpan.map((p) => best(p, f1))), spanCoverage: withSpan.length / answered.length };
}
