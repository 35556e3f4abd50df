import { contentTerms, stem, type AnswerTerm } from '../retrieve/index.js';

/** What kind of fact a question asks for, from its wording (English and Vietnamese). */
export type AnswerType = 'date' | 'number' | 'person' | 'place' | 'other';

export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\b(when|what date|which date|what day|what year|which year|how long ago)\b|khi nào|ngày nào|năm nào|bao giờ|lúc nào/u.test(q)) return 'date';
  if (/\b(how many|how much|what percentage|what share|what proportion|how large|what number)\b|bao nhiêu|mấy|tỷ lệ/u.test(q)) return 'number';
  if (/\b(who|whom|whose)\b|^ai\b|\bai (là|đã|sẽ)|là ai/u.test(q)) return 'person';
  if (/\b(where|which city|which province|which country)\b|ở đâu|tại đâu/u.test(q)) return 'place';
  return 'other';
}

const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const YEAR = /\b(19|20)\d{2}\b/;
const NAME = /\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3}\b/u;
const PLACE = /\b(in|at)\s+\p{Lu}/u;

const FULL_DATE = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\b|\b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/i;

/** 1 when the sentence contains the kind of fact asked for (for dates: a day; 0.5 for a month or year alone), else 0. */
export function answerTypeMatch(type: AnswerType, sentence: string, question = ''): number {
  const novel = (pattern: RegExp) => [...sentence.matchAll(new RegExp(pattern.source, 'gi'))].some((m) => !question.toLowerCase().includes(m[0].toLowerCase()));
  switch (type) {
    case 'date':
      if (FULL_DATE.test(sentence) && novel(FULL_DATE)) return 1;
      return MONTH.test(sentence) || novel(YEAR) ? 0.5 : 0;
    case 'number':
      return novel(/\d+(?:[.,]\d+)?%?/) ? 1 : 0;
    case 'person':
      return NAME.test(sentence) ? 1 : 0;
    case 'place':
      return PLACE.test(sentence) ? 1 : 0;
    default:
      return 0;
  }
}

/** The stems of a text's content terms: what coverage is measured on. */
export function termStems(text: string): Set<string> {
  return new Set(contentTerms(text).map(stem));
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
