/**
 * Sentence segmentation with character offsets, for English and Vietnamese.
 * ICU's sentence segmenter does the work; a second pass re-joins the breaks
 * it makes after abbreviations ("Prof. Dr. Stoffers", "No. 57", "TP. Hồ Chí Minh").
 */
export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'assoc', 'st', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'gen', 'gov', 'sen', 'rep',
    'lt', 'col', 'capt', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'vol', 'ph.d', 'approx', 'jan', 'feb', 'mar', 'apr',
    'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'tp', 'th.s', 'ths', 'ts', 'pgs', 'gs', 'ks', 'bs', 'ông', 'bà',
  ],
);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  return s;
}

/**
 * ICU's segmenter is superlinear on very long runs of text (a 400 KB line took
 * 21 s, a 2 MB one did not finish in 3 minutes), so text is handed to it in
 * pieces of at most this many characters, cut after a sentence end where the
 * piece has one (else at a space): linear time on any input.
 */
export const SEGMENT_PIECE_CHARS = 2_000;

/** Sentences of `text` (one paragraph or more); spans exclude surrounding white space. */
export function splitSentences(text: string, lang = 'en'): SentenceSpan[] {
  const raw: SentenceSpan[] = [];
  for (const [from, to] of pieces(text, SEGMENT_PIECE_CHARS)) {
    const piece = to - from === text.length ? text : text.slice(from, to);
    for (const { segment, index } of segmenter(lang).segment(piece)) {
      const span = trimSpan(text, from + index, from + index + segment.length);
      if (span) raw.push(span);
    }
  }
  return mergeFalseBreaks(text, raw);
}

const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

/** [start, end) ranges covering `text`, each at most `limit` characters, cut at a sentence end, a space, or (failing both) anywhere. */
export function pieces(text: string, limit: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > limit) {
    const hard = start + limit;
    let cut = -1;
    let space = -1;
    // Scan back from the limit to its middle: at most `limit / 2` characters per piece.
    for (let i = hard; i > start + limit / 2; i--) {
      if (!/\s/.test(text[i] ?? '')) continue;
      if (space < 0) space = i;
      if (SENTENCE_END.test(text.slice(Math.max(start, i - 4), i))) {
        cut = i;
        break;
      }
    }
    let end = cut > 0 ? cut : space > 0 ? space : hard;
    if (end === hard && isLowSurrogate(text.charCodeAt(end))) end--; // never split a surrogate pair
    ranges.push([start, end]);
    start = end;
  }
  ranges.push([start, text.length]);
  return ranges;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function trimSpan(text: string, start: number, end: number): SentenceSpan | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

function mergeFalseBreaks(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const merged: SentenceSpan[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    const between = previous ? text.slice(previous.end, span.start) : '';
    if (previous && !between.includes('\n') && isFalseBreak(text.slice(previous.start, previous.end), text.slice(span.start, span.end))) {
      previous.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

function isFalseBreak(previous: string, next: string): boolean {
  const lastWord = wordBeforeFinalDot(previous)?.toLowerCase().replace(/^[("'“‘]+/, '');
  if (lastWord !== undefined && (ABBREVIATIONS.has(lastWord) || /^\p{Lu}$/u.test(lastWord.toUpperCase()) && lastWord.length === 1)) return true;
  return /^\p{Ll}/u.test(next);
}

/** What /(\S+)\.$/ captures, found from the end (the regex tries every start: slow on a long sentence). */
function wordBeforeFinalDot(sentence: string): string | undefined {
  if (!sentence.endsWith('.')) return undefined;
  let start = sentence.length - 1;
  while (start > 0 && !/\s/.test(sentence[start - 1])) start--;
  return start < sentence.length - 1 ? sentence.slice(start, -1) : undefined;
}

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count++;
  return count;
}
