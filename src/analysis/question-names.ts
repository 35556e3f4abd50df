import { casedWords, contentTerms } from './text-folding.js';

/** What separates a sentence's first word from the text before it. */
const SENTENCE_BREAK = /[.?!:;"“(]\s*$/u;

/**
 * The names a question uses ("France", "iPhone", "Antonio Guterres", "Việt Nam"):
 * runs of adjacent capitalized words, each run a list of folded words. A word
 * that starts a sentence is capitalized anyway, so there it counts only with a
 * capital after its first letter ("UN", "iPhone") or when the next word is
 * capitalized too ("Việt Nam cần …", "Antonio Guterres said …").
 */
export function questionNames(question: string): string[][] {
  const words = casedWords(question);
  const gapBefore = (i: number) => (i === 0 ? '' : question.slice(words[i - 1].start + words[i - 1].word.length, words[i].start));
  const initial = (i: number) => i < words.length && /^\p{Lu}/u.test(words[i].word);
  const runs: string[][] = [];
  let run: string[] = [];
  words.forEach(({ word }, i) => {
    const gap = gapBefore(i);
    const startsSentence = i === 0 || SENTENCE_BREAK.test(gap);
    const nameContinues = initial(i + 1) && /^\s+$/u.test(gapBefore(i + 1));
    const capitalized = /\p{Lu}/u.test(word.slice(1)) || (initial(i) && (!startsSentence || nameContinues));
    const folded = capitalized ? contentTerms(word) : [];
    if (folded.length === 0 || !/^\s+$/u.test(gap)) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    run.push(...folded);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
