import type { ChunkingSettings } from '../config.js';
import { countWords, pieces, splitSentences, type SentenceSpan } from './sentences.js';
import type { Passage } from './types.js';

interface Sentence extends SentenceSpan {
  words: number;
  /** True when the sentence ends a paragraph: the preferred place to end a passage. */
  endsParagraph: boolean;
}

/**
 * Splits a cleaned article into passages of whole sentences: at least
 * `minWords` (unless the article is shorter), about `targetWords`, never over
 * `maxWords` unless a single sentence is longer. Consecutive passages share
 * one sentence so that a fact at a boundary is found in context. No passage is
 * longer than `maxChars`: a longer sentence (a run of text without
 * punctuation) is cut at word boundaries first.
 */
export function chunkDocument(docId: string, cleanText: string, settings: ChunkingSettings, lang = 'en'): Passage[] {
  const sentences = documentSentences(cleanText, lang, settings.maxChars);
  const passages: Passage[] = [];
  // wordsAfter[i]: words in sentences i.. to the end, so that the tail check is O(1).
  const wordsAfter = new Array<number>(sentences.length + 1).fill(0);
  for (let i = sentences.length - 1; i >= 0; i--) wordsAfter[i] = wordsAfter[i + 1] + sentences[i].words;
  let first = 0;
  while (first < sentences.length) {
    const last = passageEnd(sentences, wordsAfter, first, settings);
    const start = sentences[first].start;
    const end = sentences[last].end;
    passages.push({ chunkId: `${docId}#${passages.length}`, docId, start, end, text: cleanText.slice(start, end) });
    if (last === sentences.length - 1) break;
    first = last > first ? last : last + 1; // one-sentence overlap
  }
  return passages;
}

function documentSentences(text: string, lang: string, maxChars: number): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphPattern = /[^\n]+/g;
  for (const paragraph of text.matchAll(paragraphPattern)) {
    const offset = paragraph.index ?? 0;
    const spans = splitSentences(paragraph[0], lang).flatMap((s) => (s.end - s.start > maxChars ? wordPieces(paragraph[0], s, maxChars) : [s]));
    spans.forEach((s, i) =>
      sentences.push({
        start: offset + s.start,
        end: offset + s.end,
        words: countWords(paragraph[0].slice(s.start, s.end)),
        endsParagraph: i === spans.length - 1,
      }),
    );
  }
  return sentences;
}

/** A sentence longer than `maxChars` cut at spaces (or anywhere, in a run without spaces) into trimmed spans. */
function wordPieces(text: string, span: SentenceSpan, maxChars: number): SentenceSpan[] {
  const inner = text.slice(span.start, span.end);
  const spans: SentenceSpan[] = [];
  for (const [from, to] of pieces(inner, maxChars)) {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(inner[start])) start++;
    while (end > start && /\s/.test(inner[end - 1])) end--;
    if (end > start) spans.push({ start: span.start + start, end: span.start + end });
  }
  return spans;
}

/** Index of the last sentence of the passage starting at `first`. */
function passageEnd(sentences: Sentence[], wordsAfter: readonly number[], first: number, { minWords, targetWords, maxWords, maxChars }: ChunkingSettings): number {
  let words = sentences[first].words;
  let last = first;
  const start = sentences[first].start;
  while (last + 1 < sentences.length) {
    const next = sentences[last + 1];
    if (words + next.words > maxWords || next.end - start > maxChars) break;
    if (words >= targetWords) break;
    if (words >= minWords && sentences[last].endsParagraph && words + next.words > targetWords) break;
    words += next.words;
    last++;
  }
  // Do not leave a tail too short to stand alone: absorb it if it fits.
  if (last + 1 < sentences.length && sentences[sentences.length - 1].end - start > maxChars) return last;
  const rest = wordsAfter[last + 1];
  if (rest > 0 && rest < minWords / 2 && words + rest <= maxWords) return sentences.length - 1;
  return last;
}
