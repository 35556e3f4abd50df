import { contentWords, stem, words } from '../analysis/index.js';
import type { AnswerTerm } from '../retrieve/index.js';

/** The stems of a text's content terms, in order: what coverage and word order are measured on. */
export function termSequence(text: string): string[] {
  return termSequenceOfWords(words(text));
}

/** termSequence of a text already split into words (see words). */
export function termSequenceOfWords(tokens: readonly string[]): string[] {
  return contentWords(tokens).map(stem);
}

export function termStems(text: string): Set<string> {
  return new Set(termSequence(text));
}

/** A question term ready to be looked for: its forms by stem, with their IDF, and the term's weight. */
export interface WeightedTerm {
  weight: number;
  forms: Array<{ words: readonly string[]; stems: string[]; idfs: number[] }>;
}

/**
 * Weighs the question's terms by IDF (a term said in several ways weighs as
 * its commonest full rendering) and drops repeats ("firm" and "firms").
 */
export function weighTerms(terms: readonly AnswerTerm[], idf: (term: string) => number): WeightedTerm[] {
  const byKey = new Map<string, WeightedTerm>();
  for (const term of terms) {
    const forms = term.forms.map((words) => ({ words, stems: words.map(stem), idfs: words.map(idf) }));
    const key = forms.map((f) => f.stems.join(' ')).join('|');
    if (byKey.has(key) || forms.length === 0) continue;
    byKey.set(key, { weight: Math.min(...forms.map((f) => sum(f.idfs))), forms });
  }
  return [...byKey.values()];
}

/** How much of the term the stems say (0..1): its best form, by the IDF share of that form's words present. */
export function termPresence(term: WeightedTerm, present: ReadonlySet<string>): number {
  let best = 0;
  for (const form of term.forms) {
    const total = sum(form.idfs);
    const found = sum(form.idfs.filter((_, i) => present.has(form.stems[i])));
    if (total > 0) best = Math.max(best, found / total);
  }
  return best;
}

/** IDF-weighted share of the question's terms that the sentence (or its stems) says, compared by stem (0..1). */
export function termCoverage(terms: readonly WeightedTerm[], sentence: string | ReadonlySet<string>): number {
  const present = typeof sentence === 'string' ? termStems(sentence) : sentence;
  const total = sum(terms.map((t) => t.weight));
  return total === 0 ? 0 : sum(terms.map((t) => t.weight * termPresence(t, present))) / total;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
