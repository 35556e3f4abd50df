import { casedWords, contentTerms } from './text-folding.js';

/**
 * Something the question asks about and the ways an answer may say it, each
 * a list of folded content words: the question's own word or, for a
 * Vietnamese phrase, each of its English renderings ("held", "takes place").
 */
export interface AnswerTerm {
  forms: ReadonlyArray<readonly string[]>;
}

/** The content words of a text, each a term of its own. */
export function literalTerms(text: string): AnswerTerm[] {
  return contentTerms(text).map((word) => ({ forms: [[word]] }));
}

/** A term said by any one of several renderings (a glossary entry). */
export function translatedTerm(renderings: readonly string[]): AnswerTerm | null {
  const forms = renderings.map(contentTerms).filter((words) => words.length > 0);
  return forms.length > 0 ? { forms } : null;
}

const SENTENCE_START = /(^|[.?!:;"“(]\s*)$/u;

/**
 * The names an English question uses ("France", "iPhone", "Antonio Guterres"):
 * runs of adjacent capitalized words, each run a list of folded words. A word
 * that starts a sentence is capitalized anyway, so there it counts only with a
 * capital after its first letter ("UN", "iPhone").
 */
export function questionNames(question: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let runEnd = -1;
  for (const { word, start } of casedWords(question)) {
    const capitalized = /\p{Lu}/u.test(word.slice(1)) || (/^\p{Lu}/u.test(word) && !SENTENCE_START.test(question.slice(0, start)));
    const folded = capitalized ? contentTerms(word) : [];
    const adjacent = runEnd >= 0 && /^\s+$/u.test(question.slice(runEnd, start));
    if (folded.length === 0 || !adjacent) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (folded.length > 0) {
      run.push(...folded);
      runEnd = start + word.length;
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
