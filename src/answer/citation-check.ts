import { splitSentences } from '../ingest/index.js';
import { detectLanguage, foldDiacritics, isStopword, stem, words } from '../analysis/index.js';

/**
 * The server's check of a generated answer: every `[n]` must name a passage
 * that was given, and every sentence must be supported by the passages it
 * cites. Support is lexical and measured (`npm run bench:citations`):
 * every number and every name in the sentence must appear in a cited passage,
 * and enough of its other content words.
 */

/** A numbered passage the answer may cite. */
export interface CitablePassage {
  n: number;
  text: string;
  /** The article's title: names and words in it count as said by the passage. */
  title?: string;
}

export interface SupportSettings {
  /** Share of a sentence's content words (stems, numbers and names excluded) that must be in the cited passages. */
  minContentCoverage: number;
  /** Sentences with fewer content words than this pass the coverage rule on numbers and names alone. */
  minContentWords: number;
}

export const DEFAULT_SUPPORT: SupportSettings = { minContentCoverage: 0.6, minContentWords: 2 };

export type SupportProblem =
  | { kind: 'no-citation' }
  | { kind: 'missing-passage'; n: number }
  | { kind: 'number'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'content'; coverage: number; missing: string[] };

export interface SentenceVerdict {
  /** The sentence as generated, markers included. */
  text: string;
  /** Passage numbers it cites that exist. */
  citations: number[];
  supported: boolean;
  problems: SupportProblem[];
  /** The sentence is in another language than its passages: only numbers were compared. */
  crossLanguage: boolean;
}

export interface CitationCheck {
  sentences: SentenceVerdict[];
  /** Markers naming a passage that was not given (e.g. `[7]` of five). */
  missingCitations: number[];
  supported: number;
  unsupported: number;
}

export interface SupportVerdict {
  supported: boolean;
  problems: SupportProblem[];
  crossLanguage: boolean;
}

/** Prepositions and connectives a paraphrase adds freely ("during", "including"): not content the passage must share. */
const FUNCTION_WORDS = new Set(['during', 'including', 'among', 'between', 'within', 'without', 'through', 'via', 'per', 'while', 'because', 'despite', 'until', 'since', 'after', 'before', 'across', 'toward', 'towards', 'upon', 'well', 'both', 'either', 'neither', 'whether', 'although', 'however', 'therefore', 'thus']);

const MARKER = /\[(\d+(?:\s*[,;–-]\s*\d+)*)\]/g;
const LEADING_MARKERS = /^(?:\s*\[\d+(?:\s*[,;–-]\s*\d+)*\])+[.,;]?/;

/** Checks every sentence of a generated answer against the passages it cites. */
export function checkCitations(answer: string, passages: readonly CitablePassage[], settings: SupportSettings = DEFAULT_SUPPORT): CitationCheck {
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const missing = new Set<number>();
  const sentences = answerSentences(answer).map((text): SentenceVerdict => {
    const cited = citedNumbers(text);
    const known = cited.filter((n) => byNumber.has(n));
    const problems: SupportProblem[] = cited.filter((n) => !byNumber.has(n)).map((n) => ({ kind: 'missing-passage', n }));
    for (const p of problems) if (p.kind === 'missing-passage') missing.add(p.n);
    if (cited.length === 0) problems.push({ kind: 'no-citation' });
    if (known.length === 0 || problems.length > 0) return { text, citations: known, supported: false, problems, crossLanguage: false };
    const verdict = supportOf(stripMarkers(text), known.map((n) => byNumber.get(n)!), settings);
    return { text, citations: known, ...verdict };
  });
  const supported = sentences.filter((s) => s.supported).length;
  return { sentences, missingCitations: [...missing].sort((a, b) => a - b), supported, unsupported: sentences.length - supported };
}

/** Whether the passages support one sentence (markers removed), and if not, why. */
export function supportOf(sentence: string, passages: readonly Pick<CitablePassage, 'text' | 'title'>[], settings: SupportSettings = DEFAULT_SUPPORT): SupportVerdict {
  const evidence = passages.map((p) => `${p.title ?? ''}\n${p.text}`).join('\n');
  const problems: SupportProblem[] = [];
  const known = numbersIn(evidence);
  for (const value of numbersIn(sentence)) if (!known.has(value)) problems.push({ kind: 'number', value });
  const crossLanguage = detectLanguage(sentence) !== detectLanguage(passages.map((p) => p.text).join(' '));
  if (!crossLanguage) {
    const evidenceStems = new Set(words(foldDiacritics(evidence)).map(stem));
    const names = namesIn(sentence);
    for (const name of names) if (!evidenceStems.has(stem(name))) problems.push({ kind: 'name', value: name });
    const nameSet = new Set(names.map(stem));
    const content = [...new Set(words(foldDiacritics(sentence)).filter((w) => !isStopword(w) && !FUNCTION_WORDS.has(w) && !/\d/.test(w)).map(stem))].filter((s) => !nameSet.has(s));
    if (content.length >= settings.minContentWords) {
      const missing = content.filter((s) => !evidenceStems.has(s));
      const coverage = 1 - missing.length / content.length;
      if (coverage < settings.minContentCoverage) problems.push({ kind: 'content', coverage: Math.round(coverage * 100) / 100, missing });
    }
  }
  return { supported: problems.length === 0, problems, crossLanguage };
}

/** The sentences of an answer, each keeping the markers that close it ("… 2025. [1]" belongs to its sentence). */
export function answerSentences(answer: string): string[] {
  const text = answer.replace(/\r\n?/g, '\n');
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const body = line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim();
    if (!body) continue;
    for (const span of splitSentences(body, detectLanguage(body))) {
      let sentence = body.slice(span.start, span.end);
      const lead = LEADING_MARKERS.exec(sentence);
      if (lead && out.length > 0) {
        out[out.length - 1] = `${out[out.length - 1]} ${lead[0].trim()}`;
        sentence = sentence.slice(lead[0].length).trim();
      }
      if (sentence && /[\p{L}\p{N}]/u.test(stripMarkers(sentence))) out.push(sentence);
    }
  }
  return out;
}

/** Passage numbers a sentence cites, in order, without repeats ("[1][3]", "[1, 3]", "[1-3]"). */
export function citedNumbers(sentence: string): number[] {
  const found: number[] = [];
  for (const match of sentence.matchAll(MARKER)) {
    const body = match[1];
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(body);
    const values = range && +range[2] - +range[1] < 20 ? Array.from({ length: Math.max(0, +range[2] - +range[1] + 1) }, (_, i) => +range[1] + i) : body.split(/\s*[,;]\s*/).map(Number);
    for (const n of values) if (!found.includes(n)) found.push(n);
  }
  return found;
}

export function stripMarkers(sentence: string): string {
  return sentence.replace(MARKER, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

const NUMBER_WORDS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000', dozen: '12',
  // Months are numbers too: "tháng 10" (Vietnamese) and "10/2025" are October.
  january: '1', february: '2', march: '3', april: '4', june: '6', july: '7', august: '8', september: '9', october: '10', november: '11', december: '12',
};
const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Numbers written in `text`, normalized: "1,200" and "1200" are "1200"; "40%" is "40"; "6th" is "6";
 * "ten" is "10", "October" is also "10"; "1.5 million" is also "1500000", so either way of writing it matches.
 */
export function numbersIn(text: string): Set<string> {
  const found = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/(\d+(?:[,.]\d+)*)(?:st|nd|rd|th)?(?:\s+(thousand|million|billion|trillion))?/g)) {
    const digits = m[1].replace(/,(?=\d{3}\b)/g, '').replace(/\.$/, '');
    const value = normalizeNumber(digits);
    found.add(value);
    if (m[2]) found.add(normalizeNumber(String(Number(digits) * SCALE_WORDS[m[2]])));
  }
  for (const m of lower.matchAll(/\b([a-z]+)\b/g)) {
    const value = NUMBER_WORDS[m[1]];
    if (value) found.add(value);
  }
  return found;
}

function normalizeNumber(digits: string): string {
  if (!/^\d+(\.\d+)?$/.test(digits)) return digits.replace(/,/g, '');
  const n = Number(digits);
  return Number.isFinite(n) ? String(n) : digits;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const NOT_NAMES = new Set(['i', 'according', 'however', 'meanwhile', 'additionally', 'also', 'overall', 'yes', 'no', 'both', 'while', 'although', 'during', 'after', 'before', 'since', 'under', 'as', 'here']);

/**
 * Names a sentence uses: capitalized words other than function words, folded and lower-cased
 * ("Nguyen", "ASEAN", "Ninh"). A sentence's first word counts only when it is not a common word,
 * so "Delegates attended" asks nothing of the passage but "Samsung said" does.
 */
export function namesIn(sentence: string): string[] {
  const names: string[] = [];
  [...stripMarkers(sentence).matchAll(WORD)].forEach(([word], i) => {
    if (!/^\p{Lu}/u.test(word) || /\d/.test(word)) return;
    const lower = foldDiacritics(word.toLowerCase()).replace(/['’]s$/, '');
    if (isStopword(lower) || NOT_NAMES.has(lower)) return;
    if (i === 0 && !/\p{Lu}/u.test(word.slice(1)) && COMMON_SENTENCE_STARTS.test(lower)) return;
    for (const w of words(lower)) if (!names.includes(w)) names.push(w);
  });
  return names;
}

/** Sentence-initial words that are not names (the rest of a first word is treated as one). */
const COMMON_SENTENCE_STARTS = /^(the|a|an|this|that|these|those|it|its|there|their|they|in|on|at|by|for|with|from|to|of|as|and|but|or|so|more|most|many|some|several|over|around|about|nearly|almost|approximately|participants|delegates|officials|experts|leaders|companies|businesses|enterprises|people|students|ministers|minister|event|forum|conference|workshop|meeting|according|other|each|every|all|both|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|next|during|after|before|since|while|when|where|if|although|because|despite|among|between|within|without|through|until|upon|his|her|our|we|he|she|you|i)$/;
