import { contentTerms, stem } from '../retrieve/index.js';

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

/** IDF-weighted share of the question's content terms that the sentence (or its stems) contains, compared by stem (0..1). */
export function termCoverage(questionTerms: readonly string[], sentence: string | ReadonlySet<string>, idf: (term: string) => number): number {
  const byStem = new Map<string, string>();
  for (const term of questionTerms) {
    const stemmed = stem(term);
    if (!byStem.has(stemmed)) byStem.set(stemmed, term);
  }
  if (byStem.size === 0) return 0;
  const present = typeof sentence === 'string' ? termStems(sentence) : sentence;
  let total = 0;
  let covered = 0;
  for (const [stemmed, term] of byStem) {
    const weight = idf(term);
    total += weight;
    if (present.has(stemmed)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}
