import { contentTerms } from './text-folding.js';

/** One way an answer may say a term: its folded content words and how much saying it that way counts. */
export interface TermForm {
  words: readonly string[];
  /** 1 for the question's own word or a translation; less for a looser match such as a synonym. */
  credit: number;
}

/**
 * Something the question asks about and the ways an answer may say it: the
 * question's own word or, for a Vietnamese phrase, each of its English
 * renderings ("held", "takes place").
 */
export interface AnswerTerm {
  forms: readonly TermForm[];
}

/** The content words of a text, each a term of its own. */
export function literalTerms(text: string): AnswerTerm[] {
  return contentTerms(text).map((word) => ({ forms: [{ words: [word], credit: 1 }] }));
}

/** A term said by any of several renderings (a glossary entry). */
export function translatedTerm(renderings: readonly string[]): AnswerTerm | null {
  const forms = renderings.map((r) => ({ words: contentTerms(r), credit: 1 })).filter((f) => f.words.length > 0);
  return forms.length > 0 ? { forms } : null;
}
