import { detectLanguage } from '../ingest/index.js';
import type { ChatTurn } from './retriever.js';
import { literalTerms, questionNames, translatedTerm, type AnswerTerm } from './answer-terms.js';
import { casedWords, contentTerms, foldDiacritics, joinPlaceNames } from '../analysis/index.js';
import { englishExpansion } from './vi-en-lexicon.js';

const ANAPHORA = /\b(it|its|they|them|their|this|that|these|those|he|she|his|her|him|there|then)\b|\b(đó|này|nó|ông ấy|bà ấy|họ|sự kiện đó)\b/iu;
/** "How many/much/large…": the adjective asks for a quantity, it is not a word the answer contains. */
const QUANTITY_QUESTION = /\bhow (many|much|large|long|big|far|often|old|soon)\b/giu;
/** "And the budget?", "What about Hanoi?": a question that continues the previous one. */
const CONTINUATION = /^\s*(and|also|what about|how about|then)\b|^\s*(còn|vậy)\b/iu;
const LATEST = /\b(latest|most recent|newest|recently|lately|current|now)\b|\b(mới nhất|gần đây|hiện nay)\b/iu;

export interface QueryContext {
  lang: 'en' | 'vi';
  /** Text for the lexical ranker. */
  lexicalText: string;
  /** Text for the dense ranker. */
  denseText: string;
  wantsLatest: boolean;
  /** What an answer sentence should mention (glossary phrases replaced by their English renderings). */
  answerTerms: AnswerTerm[];
  /** Names the (English) question itself uses, each a list of folded words. */
  names: string[][];
  /** The question continues the conversation ("Where?", "Who else attended?", "What did they agree on?"). */
  isFollowUp: boolean;
  /** The latest answer: the articles it cited (when the client says) and its text. */
  previousAnswer: { docIds: string[]; text: string } | null;
}

/** A question this short, naming nothing, after an earlier one, is read as a follow-up even without a pronoun. */
const FOLLOW_UP_MAX_TERMS = 2;

/** "Where?", "Who else attended?": at most two content words and no name (a capitalized word after the first). */
function isBareQuestion(question: string): boolean {
  const terms = contentTerms(question).length;
  const named = casedWords(question).slice(1).some(({ word }) => /^\p{Lu}/u.test(word));
  return terms <= 1 || (terms <= FOLLOW_UP_MAX_TERMS && !named);
}

/**
 * Resolves what to search for: a follow-up question ("When was it signed?")
 * borrows the previous user question; a Vietnamese question is expanded with
 * English glossary terms.
 */
export function buildQueryContext(question: string, history: readonly ChatTurn[] = []): QueryContext {
  const lang = detectLanguage(question);
  const previous = [...history].reverse().find((t) => t.role === 'user')?.content ?? '';
  const answer = [...history].reverse().find((t) => t.role === 'assistant');
  const isFollowUp = previous !== '' && (CONTINUATION.test(question) || ANAPHORA.test(question) || isBareQuestion(question));
  const base = (isFollowUp ? `${previous} ${question}` : question).replace(QUANTITY_QUESTION, 'how');
  const expansion = lang === 'vi' || /[^\x00-\x7F]/.test(base) ? englishExpansion(foldDiacritics(base.toLowerCase())) : null;
  const english = expansion?.english ?? '';
  return {
    lang,
    lexicalText: english ? `${base} ${english}` : base,
    denseText: lang === 'vi' && english ? english : joinPlaceNames(base),
    wantsLatest: LATEST.test(question),
    answerTerms: expansion ? [...literalTerms(expansion.rest), ...expansion.translations.flatMap((t) => translatedTerm(t) ?? [])] : literalTerms(base),
    names: lang === 'en' ? questionNames(question) : [],
    isFollowUp,
    previousAnswer: isFollowUp && answer ? { docIds: answer.docIds ?? [], text: answer.content.replace(/\[\d+\]/g, ' ') } : null,
  };
}
