/**
 * Public surface of text analysis: what every stage reads the same way about a
 * text or a question (language, words and their folded and stemmed forms,
 * index terms, the kind of fact a question asks for).
 */
export { detectLanguage, hasNoVietnameseMarks, type Lang } from './language.js';
export { QuestionPattern } from './question-pattern.js';
export { answerTypeOf, answerTypeMatch, type AnswerType } from './answer-type.js';
export { questionNames } from './question-names.js';
export { searchTerms } from './search-terms.js';
export {
  canonicalText,
  casedWords,
  contentTerms,
  contentWords,
  foldDiacritics,
  foldedForm,
  isFoldedVietnameseStopword,
  bigramParts,
  indexTerms,
  isBigram,
  isStopword,
  joinPlaceNames,
  stem,
  termFormOf,
  syllablePairs,
  termForm,
  termForms,
  words,
} from './text-folding.js';
export { americanSpelling } from './spelling.js';
export { isEnglishWord } from './english-words.js';
