import { casedWords, isEnglishWord, isStopword, termFormOf, type Lang } from '../analysis/index.js';

/** A word of the question no article has, read as the archive's nearest word. */
export interface SpellingCorrection {
  /** The word as the question wrote it. */
  word: string;
  /** The word read in its place. */
  correction: string;
}

/** What the correction asks of the archive's words. */
export interface ArchiveWords {
  knows(word: string): boolean;
  rowsOf(form: string): number;
}

export interface CorrectedText {
  text: string;
  corrections: SpellingCorrection[];
}

/**
 * How misspelled words are found and replaced (see correctSpelling). Chosen on the dev sets, whose
 * translated questions misspell names ("Eistein", "Geogre", "Agathokelia", "Jayavarnman") that
 * their articles spell right; each figure is in docs/quality.md.
 */
export const SPELLING = {
  /** Shorter words are left alone: a short word is one edit away from many others. */
  minLength: 6,
  /** At most this many unknown words of a question are looked up (each costs about 50 x its length lookups). */
  maxWords: 4,
} as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** A word that can be corrected: ASCII letters, with an optional possessive. */
const CORRECTABLE = /^([A-Za-z]+)(['’]s)?$/;

/**
 * Replaces the question's words that no article has, and no English dictionary, by the most common word
 * of the archive one edit away (a letter deleted, inserted, replaced, or two swapped): "Eistein" is read
 * as "Einstein", "goverment" as "government"; "located", absent from a small archive, stays. Only ASCII
 * words are read so (a Vietnamese syllable with its marks is written as the speaker means it), and in a
 * Vietnamese question only capitalized ones: its lower-case words without marks are Vietnamese typed
 * without them, whose syllables are one letter apart from many others ("thuong", "truong").
 *
 * `archive.knows` says whether some passage holds a word (the lexical index's cached count, which the answer
 * reads next); `archive.rowsOf` how many passages hold an analyzed term, for the candidates, read once each.
 */
export function correctSpelling(text: string, lang: Lang, archive: ArchiveWords): CorrectedText {
  const corrections: SpellingCorrection[] = [];
  let corrected = '';
  let at = 0;
  let looked = 0;
  for (const { word, start } of casedWords(text)) {
    const match = CORRECTABLE.exec(word);
    if (!match || looked >= SPELLING.maxWords) continue;
    const [, letters, possessive = ''] = match;
    const lower = letters.toLowerCase();
    if (lower.length < SPELLING.minLength || isStopword(lower) || (lang === 'vi' && letters === lower)) continue;
    if (archive.knows(lower) || isEnglishWord(lower)) continue;
    looked++;
    const nearest = nearestKnownWord(lower, archive.rowsOf);
    if (!nearest) continue;
    const replacement = sameCase(nearest, letters);
    corrections.push({ word: letters, correction: replacement });
    corrected += text.slice(at, start) + replacement + possessive;
    at = start + word.length;
  }
  return { text: corrected + text.slice(at), corrections };
}

/** The word one edit away whose analyzed form most passages hold; null when none does. */
function nearestKnownWord(word: string, rowsOf: (form: string) => number): string | null {
  let best: string | null = null;
  let bestRows = 0;
  for (const candidate of oneEditAway(word)) {
    if (candidate.length < SPELLING.minLength - 1 || isStopword(candidate)) continue;
    const form = termFormOf(candidate);
    // A candidate stemmed to a shorter form is mostly no word: "Icelandic" is not "Irelandic" because Ireland is known.
    if (form !== candidate && form + 'e' !== candidate && !isEnglishWord(candidate)) continue;
    const rows = rowsOf(form);
    if (rows > bestRows) {
      best = candidate;
      bestRows = rows;
    }
  }
  return best;
}

/**
 * Every distinct lower-case word one edit away, the likelier typos first (they win a tie of passage counts):
 * two letters swapped, a letter left out ("Eistein" is "Einstein" before "Elstein"), one too many, one wrong.
 */
export function oneEditAway(word: string): Set<string> {
  const swapped: string[] = [];
  const inserted: string[] = [];
  const deleted: string[] = [];
  const replaced: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 1) swapped.push(head + tail[1] + tail[0] + tail.slice(2));
    if (tail.length > 0) deleted.push(head + tail.slice(1));
    for (const letter of LETTERS) {
      inserted.push(head + letter + tail);
      if (tail.length > 0 && letter !== tail[0]) replaced.push(head + letter + tail.slice(1));
    }
  }
  const edits = new Set([...swapped, ...inserted, ...deleted, ...replaced]);
  edits.delete(word);
  return edits;
}

/** `word` cased like `model`: all capitals, capitalized, or lower case. */
function sameCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}
