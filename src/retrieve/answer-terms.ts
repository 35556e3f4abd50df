import { contentTerms } from '../analysis/index.js';

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

