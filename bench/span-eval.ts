/**
 * Answer-span extraction on the dev QA sets: for each answerable item, findAnswerSpan(q, gold sentence)
 * against the accepted answers, SQuAD-style (exact match and token F1, max over answers), plus coverage
 * (share of items given a span). The whole gold sentence as the "span" is printed as a reference.
 *
 *   npx tsx bench/span-eval.ts            # summary
 *   npx tsx bench/span-eval.ts --misses   # also list items with F1 < 0.5 (question, answers, span)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findAnswerSpan } from '../src/answer/answer-span.js';
import { answerTypeOf } from '../src/analysis/index.js';
import { exact, f1 } from './eval/span-metrics.js';

type Lang = 'en' | 'vi';

interface Item {
  q: string;
  a: string[];
  gold: string;
  lang: Lang;
  set: string;
}

const SETS: ReadonlyArray<{ name: string; path: string }> = [
  { name: 'squad2-en', path: resolve('../shared/qa-dev/squad2-en/qa.jsonl') },
  { name: 'mlqa-vi', path: resolve('../shared/qa-dev/mlqa-vi/qa.jsonl') },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function load(): Item[] {
  const items: Item[] = [];
  for (const { name, path } of SETS) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row: unknown = JSON.parse(line);
      if (!isRecord(row)) continue;
      const { q, a, gold, lang } = row;
      if (typeof q !== 'string' || typeof gold !== 'string' || !Array.isArray(a)) continue;
      const answers = a.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      if (answers.length === 0) continue;
      items.push({ q, a: answers, gold, lang: lang === 'vi' ? 'vi' : 'en', set: name });
    }
  }
  return items;
}

interface Tally {
  n: number;
  em: number;
  f1: number;
  covered: number;
  baseEm: number;
  baseF1: number;
}

const tallies = new Map<string, Tally>();
function add(key: string, em: number, f: number, covered: boolean, baseEm: number, baseF1: number): void {
  const t = tallies.get(key) ?? { n: 0, em: 0, f1: 0, covered: 0, baseEm: 0, baseF1: 0 };
  t.n++;
  t.em += em;
  t.f1 += f;
  t.covered += covered ? 1 : 0;
  t.baseEm += baseEm;
  t.baseF1 += baseF1;
  tallies.set(key, t);
}

const showMisses = process.argv.includes('--misses');
const items = load();
const misses: string[] = [];
/** F1 by confidence band: what a caller's threshold buys. */
const bands = new Map<string, { n: number; f1: number }>();
const band = (c: number) => (c >= 0.7 ? '>=0.70' : c >= 0.5 ? '0.50-0.69' : c >= 0.35 ? '0.35-0.49' : '<0.35');
for (const item of items) {
  const span = findAnswerSpan(item.q, item.gold, item.lang);
  const text = span?.text ?? '';
  const em = Math.max(...item.a.map((a) => exact(text, a, item.lang)));
  const f = Math.max(...item.a.map((a) => f1(text, a, item.lang)));
  const baseEm = Math.max(...item.a.map((a) => exact(item.gold, a, item.lang)));
  const baseF1 = Math.max(...item.a.map((a) => f1(item.gold, a, item.lang)));
  const type = answerTypeOf(item.q, item.lang);
  for (const key of ['all', item.lang, `${item.lang}/${type}`, `type/${type}`]) add(key, em, f, span !== null, baseEm, baseF1);
  if (span !== null) {
    const b = bands.get(band(span.confidence)) ?? { n: 0, f1: 0 };
    b.n++;
    b.f1 += f;
    bands.set(band(span.confidence), b);
  }
  if (showMisses && f < 0.5) misses.push(`[${item.lang}/${type}] ${item.q}\n    gold: ${JSON.stringify(item.a)}\n    span: ${JSON.stringify(text)} (${span?.confidence ?? '-'})\n    sent: ${item.gold}`);
}
// Time a second pass: the first one warms the JIT and the stem cache.
const started = performance.now();
for (const item of items) findAnswerSpan(item.q, item.gold, item.lang);
const elapsed = performance.now() - started;

if (showMisses) console.log(misses.join('\n'), '\n');
const pct = (x: number, n: number) => (n === 0 ? '-' : ((100 * x) / n).toFixed(1).padStart(5));
console.log(`answer spans on ${items.length} answerable dev items (${(elapsed / items.length).toFixed(3)} ms/item, warm)\n`);
console.log(`${'slice'.padEnd(16)} ${'n'.padStart(4)}   ${'EM'.padStart(5)} ${'F1'.padStart(5)} ${'cover'.padStart(5)}   | sentence baseline: ${'EM'.padStart(5)} ${'F1'.padStart(5)}`);
const order = (k: string) => (k === 'all' ? 0 : k === 'en' || k === 'vi' ? 1 : k.startsWith('type/') ? 2 : 3);
const keys = [...tallies.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
for (const key of keys) {
  const t = tallies.get(key);
  if (t === undefined) continue;
  console.log(`${key.padEnd(16)} ${String(t.n).padStart(4)}   ${pct(t.em, t.n)} ${pct(t.f1, t.n)} ${pct(t.covered, t.n)}   |                    ${pct(t.baseEm, t.n)} ${pct(t.baseF1, t.n)}`);
}

console.log('\nF1 by confidence (items with a span):');
for (const key of ['>=0.70', '0.50-0.69', '0.35-0.49', '<0.35']) {
  const b = bands.get(key);
  if (b !== undefined) console.log(`  ${key.padEnd(10)} n=${String(b.n).padStart(4)}  F1 ${pct(b.f1, b.n)}`);
}
