import type { ChatTurn } from './retriever.js';
import { literalTerms, translatedTerm, type AnswerTerm } from './answer-terms.js';
import { casedWords, contentTerms, detectLanguage, joinPlaceNames, QuestionPattern, questionNames, type Lang } from '../analysis/index.js';
import { englishExpansion } from './vi-en-lexicon.js';

// Vietnamese words begin and end with letters outside \w, where \b never matches: those alternatives use letter look-arounds.
const ANAPHORA = /\b(it|its|they|them|their|this|that|these|those|he|she|his|her|him|there|then)\b|(?<![\p{L}\p{N}])(đó|này|nó|ấy|họ|đây|kia)(?![\p{L}\p{N}])/iu;
/** "How many/much/large…": the adjective asks for a quantity, it is not a word the answer contains. */
const QUANTITY_QUESTION = /\bhow (many|much|large|long|big|far|often|old|soon)\b/giu;
/** "And the budget?", "What about Hanoi?": a question that continues the previous one. */
const CONTINUATION = /^\s*(and|also|what about|how about|then)\b|^\s*(còn|vậy)(?![\p{L}\p{N}])/iu;
/**
 * "What about fiber-optic connections?", "Còn Hà Nội thì sao?": the previous question, asked of a new subject.
 * (A bare "Còn …" often asks a new question of the same subject: "Còn lớn lên ở đâu?")
 */
const NEW_SUBJECT = new QuestionPattern(/^\s*(what about|how about)\b|(?<![\p{L}\p{N}])thì sao\s*\??\s*$/iu);
const LATEST = new QuestionPattern(/\b(latest|most recent|newest|recently|lately|current|now)\b|(?<![\p{L}\p{N}])(mới nhất|gần đây|hiện nay)(?![\p{L}\p{N}])/iu);

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

/**
 * A question this short, naming nothing, after an earlier one, is read as a follow-up even without a pronoun.
 * Counted in content words: Vietnamese words are mostly two syllables and each syllable counts ("cơ quan").
 */
const FOLLOW_UP_MAX_TERMS: Record<Lang, number> = { en: 2, vi: 4 };

/** "Where?", "Who else attended?", "Phối hợp với cơ quan nào?": few content words and no name (a capitalized word after the first). */
function isBareQuestion(question: string, lang: Lang): boolean {
  const terms = contentTerms(question).length;
  const named = casedWords(question).slice(1).some(({ word }) => /^\p{Lu}/u.test(word));
  return terms <= 1 || (terms <= FOLLOW_UP_MAX_TERMS[lang] && !named);
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
  const isFollowUp = previous !== '' && (CONTINUATION.test(question) || ANAPHORA.test(question) || isBareQuestion(question, lang));
  const base = (isFollowUp ? `${previous} ${question}` : question).replace(QUANTITY_QUESTION, 'how');
  // A follow-up that says what it asks, or names a new subject ("What about fiber-optic connections?"), is
  // answered on its own words; a bare one ("Where?") on the previous question's too. Both are searched with
  // the previous question.
  const ownWords = !isBareQuestion(question, lang) || (NEW_SUBJECT.test(question, lang) && contentTerms(question).length > 0);
  const asked = isFollowUp && ownWords ? question.replace(QUANTITY_QUESTION, 'how') : base;
  const expansion = vietnameseExpansion(base, lang);
  const english = expansion?.english ?? '';
  return {
    lang,
    lexicalText: english ? `${base} ${english}` : base,
    denseText: lang === 'vi' && english ? english : joinPlaceNames(base),
    wantsLatest: LATEST.test(question, lang),
    answerTerms: termsToAnswer(asked, asked === base ? expansion : vietnameseExpansion(asked, lang)),
    names: questionNames(question),
    isFollowUp,
    previousAnswer: isFollowUp && answer ? { docIds: answer.docIds ?? [], text: answer.content.replace(/\[\d+\]/g, ' ') } : null,
  };
}

function vietnameseExpansion(text: string, lang: Lang): ReturnType<typeof englishExpansion> | null {
  return lang === 'vi' || /[^\x00-\x7F]/.test(text) ? englishExpansion(text) : null;
}

/** What an answer should say: the question's words, a glossary phrase by any of its English renderings. */
function termsToAnswer(text: string, expansion: ReturnType<typeof englishExpansion> | null): AnswerTerm[] {
  return expansion ? [...literalTerms(expansion.rest), ...expansion.translations.flatMap((t) => translatedTerm(t) ?? [])] : literalTerms(text);
}
