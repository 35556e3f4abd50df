import type { ChunkingSettings } from '../config.js';
import { countWords, splitSentences, type SentenceSpan } from './sentences.js';
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
 * one sentence so that a fact at a boundary is found in context.
 */
export function chunkDocument(docId: string, cleanText: string, settings: ChunkingSettings, lang = 'en'): Passage[] {
  const sentences = documentSentences(cleanText, lang);
  const passages: Passage[] = [];
  let first = 0;
  while (first < sentences.length) {
    const last = passageEnd(sentences, first, settings);
    const start = sentences[first].start;
    const end = sentences[last].end;
    passages.push({ chunkId: `${docId}#${passages.length}`, docId, start, end, text: cleanText.slice(start, end) });
    if (last === sentences.length - 1) break;
    first = last > first ? last : last + 1; // one-sentence overlap
  }
  return passages;
}

function documentSentences(text: string, lang: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphPattern = /[^\n]+/g;
  for (const paragraph of text.matchAll(paragraphPattern)) {
    const offset = paragraph.index ?? 0;
    const spans = splitSentences(paragraph[0], lang);
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

/** Index of the last sentence of the passage starting at `first`. */
function passageEnd(sentences: Sentence[], first: number, { minWords, targetWords, maxWords }: ChunkingSettings): number {
  let words = sentences[first].words;
  let last = first;
  while (last + 1 < sentences.length) {
    const next = sentences[last + 1];
    if (words + next.words > maxWords) break;
    if (words >= targetWords) break;
    if (words >= minWords && sentences[last].endsParagraph && words + next.words > targetWords) break;
    words += next.words;
    last++;
  }
  // Do not leave a tail too short to stand alone: absorb it if it fits.
  const rest = sentences.slice(last + 1).reduce((sum, s) => sum + s.words, 0);
  if (rest > 0 && rest < minWords / 2 && words + rest <= maxWords) return sentences.length - 1;
  return last;
}
