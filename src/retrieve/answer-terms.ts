import { casedWords, contentTerms } from '../analysis/index.js';

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

/** What separates a sentence's first word from the text before it. */
const SENTENCE_BREAK = /[.?!:;"“(]\s*$/u;

/**
 * The names an English question uses ("France", "iPhone", "Antonio Guterres"):
 * runs of adjacent capitalized words, each run a list of folded words. A word
 * that starts a sentence is capitalized anyway, so there it counts only with a
 * capital after its first letter ("UN", "iPhone").
 */
export function questionNames(question: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let previousEnd = -1;
  for (const { word, start } of casedWords(question)) {
    const gap = previousEnd < 0 ? '' : question.slice(previousEnd, start);
    const startsSentence = previousEnd < 0 || SENTENCE_BREAK.test(gap);
    const capitalized = /\p{Lu}/u.test(word.slice(1)) || (/^\p{Lu}/u.test(word) && !startsSentence);
    const folded = capitalized ? contentTerms(word) : [];
    if (folded.length === 0 || !/^\s+$/u.test(gap)) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    run.push(...folded);
    previousEnd = start + word.length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
