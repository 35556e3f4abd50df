import { stemmer } from 'stemmer';
import { americanSpelling } from './spelling.js';
import { detectLanguage, type Lang } from './language.js';

/**
 * Term normalization shared by the lexical index and the answerer: lower case,
 * and a diacritic-free form so that "Nguyễn Mạnh Hùng" matches "Nguyen Manh Hung".
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Text as every stage reads it: Unicode NFC. A Vietnamese letter may arrive as a base letter and combining
 * marks (some keyboards' "Unicode tổ hợp" mode, text copied from some PDFs), which word patterns cut apart
 * ("nào" as "na" + "o"). Questions and articles are read through this where they enter.
 */
export function canonicalText(text: string): string {
  return text.normalize('NFC');
}

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

/** The words of `text` as written (case kept), with where each starts. */
export function casedWords(text: string): Array<{ word: string; start: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index }));
}

/** Official two-word spellings of Vietnamese places ("Viet Nam", "Ha Noi"), read as the one-word forms most English news uses. */
const PLACE_NAMES: Readonly<Record<string, string>> = { vietnam: 'Vietnam', hanoi: 'Hanoi', danang: 'Danang' };
// One pass for all of them (this runs on every sentence the answerer reads).
const PLACE_SPELLING = /\b(viet|ha|da)\s+(nam|noi|nang)\b/gi;

export function joinPlaceNames(text: string): string {
  return text.replace(PLACE_SPELLING, (spelled, first: string, second: string) => PLACE_NAMES[`${first}${second}`.toLowerCase()] ?? spelled);
}

/** Lower-cased words of `text`, keeping inner dots, apostrophes and hyphens ("57-nq", "99.8"); "Vietnam's" and "Viet Nam's" are "vietnam". */
export function words(text: string): string[] {
  return [...joinPlaceNames(text).toLowerCase().matchAll(WORD)].map((m) => possessiveDropped(m[0]));
}

/** words(text), each with whether it is written with a capital (a name, or a sentence's first word). */
export function wordsWithCapitals(text: string): Array<{ word: string; capitalized: boolean }> {
  return [...joinPlaceNames(text).matchAll(WORD)].map((m) => ({ word: possessiveDropped(m[0].toLowerCase()), capitalized: /^\p{Lu}/u.test(m[0]) }));
}

// Most words have no apostrophe: they skip both replacements (this runs on every sentence the answerer reads).
function possessiveDropped(word: string): string {
  if (!word.includes("'") && !word.includes('’')) return word;
  return word.replace(/’/g, "'").replace(/'s$/, '');
}

const NON_ASCII = /[^\x00-\x7F]/;
const STEMMABLE = /^[a-z]{4,}$/;
const ENGLISH_WORD = /^[a-z]+(?:-[a-z]+)*$/;

const WORD_CACHE_LIMIT = 200_000;

/** `form`, remembered per word (a corpus has far fewer distinct words than tokens); forgotten all at once past the limit. */
function rememberedPerWord(form: (word: string) => string): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    let formed = known.get(word);
    if (formed === undefined) {
      if (known.size >= WORD_CACHE_LIMIT) known.clear();
      formed = form(word);
      known.set(word, formed);
    }
    return formed;
  };
}

/**
 * The English (Porter) stem of a lower-case word, in American spelling, so that "firms" meets "firm"
 * and "fibre-optic" meets "fiber-optic"; other terms unchanged. Memoized.
 */
export const stem: (term: string) => string = rememberedPerWord((term) => (ENGLISH_WORD.test(term) ? stemmedEnglish(term) : term));

function stemmedEnglish(word: string): string {
  const american = americanSpelling(word);
  return STEMMABLE.test(american) ? stemmer(american) : american;
}

/**
 * The indexed form of a lower-case ASCII word, not memoized: for words met once, such as the candidates
 * of a spelling correction, which would only crowd the stem cache.
 */
export function termFormOf(word: string): string {
  return ENGLISH_WORD.test(word) ? stemmedEnglish(word) : word;
}

/**
 * The forms a term is indexed and searched under: English words by their stem
 * alone; other words lower-cased and, when they carry diacritics, folded too.
 */
export function termForms(term: string): string[] {
  const lower = term.toLowerCase();
  if (!NON_ASCII.test(lower)) return [stem(lower)];
  // Vietnamese and other non-ASCII words: folded, then stemmed like the same word written without
  // its marks ("Beyoncé" and "Beyonce", "Thủy" and "Thuy" meet). One form only: a word indexed twice
  // would count twice in a passage's match count, ranking common Vietnamese words above a rare name.
  return [stem(foldWord(lower))];
}

const foldedWord = rememberedPerWord(foldDiacritics);

/** foldDiacritics for one word, memoized: Vietnamese has a few thousand syllables, met millions of times in an archive. */
function foldWord(word: string): string {
  return NON_ASCII.test(word) ? foldedWord(word) : word;
}

const ENGLISH_STOPWORDS =
  'a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
  'what which who whom whose when where why how does do did has have had will would can could should may might shall ' +
  'about into over than then there their they them he she his her him i you we our your us me my not no yes so if ' +
  'also such any all some each other more most very just only own same too s t said says say according';
const VIETNAMESE_STOPWORDS =
  'là của và các những được có cho với trong này đó một để khi nào gì đâu bao nhiêu thì mà ở tại về theo từ ra vào đã sẽ đang hôm nay bằng như nhất mấy ' +
  'sao vì làm thế nên cũng rất nhiều';

const STOPWORDS = new Set(`${ENGLISH_STOPWORDS} ${VIETNAMESE_STOPWORDS}`.split(/\s+/));
/** Vietnamese function words without their diacritics ("bao nhieu"): what is left of a folded question once glossary phrases are taken out. */
const FOLDED_VIETNAMESE_STOPWORDS = new Set(foldDiacritics(VIETNAMESE_STOPWORDS).split(/\s+/));

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}

export function isFoldedVietnameseStopword(term: string): boolean {
  return FOLDED_VIETNAMESE_STOPWORDS.has(term);
}

/** Folded content words of a question or sentence: what overlap is measured on. */
export function contentTerms(text: string): string[] {
  return contentWords(words(text));
}

/** contentTerms of words already split (see words). */
export function contentWords(tokens: readonly string[]): string[] {
  return tokens.filter((w) => !isStopword(w)).map(foldWord);
}

/** Joins the two syllables of a bigram term: no word contains it, so a bigram never meets a word. */
const BIGRAM_JOINER = '_';

/**
 * The tokens of a text's folded terms (see indexTerms): its words and, in
 * Vietnamese, where most words are two or more syllables ("Hà Nội", "bóng
 * đá"), each pair of adjacent syllables too (folded), so that a passage with
 * the question's words in the question's order ranks above one with the same
 * syllables scattered. Pairs of two function words are left out.
 */
function lexicalTokens(tokens: readonly string[], lang: Lang): readonly string[] {
  return lang === 'vi' ? [...tokens, ...syllablePairs(tokens)] : tokens;
}

/** The Vietnamese bigram tokens of words already split (see words and lexicalTokens), folded. */
export function syllablePairs(tokens: readonly string[]): string[] {
  const folded = tokens.map(foldWord);
  return adjacentPairs(tokens, (i) => folded[i] + BIGRAM_JOINER + folded[i + 1]);
}

/**
 * `pair(i)` for each pair of adjacent words (lower case) i and i + 1, but for pairs of two function words:
 * the one rule for the pairs indexed and the pairs searched.
 */
export function adjacentPairs(tokens: readonly string[], pair: (i: number) => string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (isStopword(tokens[i]) && isStopword(tokens[i + 1])) continue;
    pairs.push(pair(i));
  }
  return pairs;
}

export function isBigram(token: string): boolean {
  return token.includes(BIGRAM_JOINER);
}

/** The two (folded) syllables of a syllable pair. */
export function bigramParts(token: string): string[] {
  return token.split(BIGRAM_JOINER);
}

/**
 * The terms a text is indexed under: its lexical tokens less stopwords, each word in its one normal form
 * (English stem, or Vietnamese folded), syllable pairs as they are; and a Vietnamese text's marked terms
 * too (see markedTerms). The lexical index stores these, so any search engine behind it sees the same analysis.
 */
export function indexTerms(text: string, lang: Lang = detectLanguage(text)): string[] {
  const tokens = words(text);
  const folded = termsOf(tokens, lang);
  return lang === 'vi' ? [...folded, ...markedTerms(tokens)] : folded;
}

/** A text's index terms in their folded forms only (what a question without marks is searched under). */
export function foldedTerms(text: string, lang: Lang = detectLanguage(text)): string[] {
  return termsOf(words(text), lang);
}

function termsOf(tokens: readonly string[], lang: Lang): string[] {
  return lexicalTokens(tokens, lang)
    .filter((t) => !isStopword(t))
    .map(termForm);
}

/**
 * A Vietnamese text's syllables and syllable pairs as written, marks kept ("sóc", "bộ_lông"), indexed
 * beside their folded forms: folding merges syllables the marks tell apart ("sóc" a squirrel, "sốc" a
 * shock, "sọc" a stripe are all "soc"). Only those with a mark: the others are their folded form already.
 */
export function markedTerms(tokens: readonly string[]): string[] {
  const written = tokens.map(markedSpelling);
  const pairs = adjacentPairs(tokens, (i) => written[i] + BIGRAM_JOINER + written[i + 1]);
  return [...written.filter((t, i) => !isStopword(tokens[i])), ...pairs].filter((t) => NON_ASCII.test(t));
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * A marked syllable with its tone mark on its first vowel, wherever it was written: "hòa" and "hoà",
 * "thủy" and "thuỷ" (the old and the new placement, both in use) are one term. Only the index reads it.
 */
function markedSpelling(word: string): string {
  return NON_ASCII.test(word) ? toneOnFirstVowel(word) : word;
}

const toneOnFirstVowel = rememberedPerWord((word) => {
  const decomposed = word.normalize('NFD');
  const tone = decomposed.match(TONE_MARKS)?.[0];
  const bare = decomposed.replace(TONE_MARKS, '');
  // After the first vowel and its own marks ("ô", "ă", "ơ"): a tone before a circumflex would not compose.
  const vowel = /[aeiouy][\u0302\u0306\u031b]*/iu.exec(bare);
  const at = vowel === null ? -1 : vowel.index + vowel[0].length;
  return tone === undefined || at < 0 ? word : (bare.slice(0, at) + tone + bare.slice(at)).normalize('NFC');
});

/** The folded index term of a marked one ("bộ_lông" → "bo_long", "sóc" → "soc"); any other term is its own. */
export function foldedForm(term: string): string {
  if (!NON_ASCII.test(term)) return term;
  return isBigram(term) ? foldDiacritics(term) : termForm(term);
}

/** The search term of a token of a Vietnamese text written with marks: as written when marked, else its folded form. */
export function markedTermForm(token: string): string {
  if (!NON_ASCII.test(token)) return termForm(token);
  return isBigram(token) ? bigramParts(token).map(markedSpelling).join(BIGRAM_JOINER) : markedSpelling(token);
}

/** The one form a token is indexed under (a syllable pair is its own form). */
export function termForm(token: string): string {
  return isBigram(token) ? token : termForms(token)[0];
}
