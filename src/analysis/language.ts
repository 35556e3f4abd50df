/** The two languages the project reads: articles and questions are English or Vietnamese. */
export type Lang = 'en' | 'vi';

const VI_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/giu;
const HAS_VI_LETTER = new RegExp(VI_LETTERS.source, 'iu');

/**
 * Vietnamese when its distinctive letters make up more than 4% of the letters, or when it is Vietnamese
 * typed without marks ("Bao nhieu nguoi da den?", as many type a quick question; see isUnmarkedVietnamese).
 * A short English question with an accented name ("Who is Beyoncé?") passes the 4% too: marks that
 * European names also use, beside English function words and no Vietnamese one, are read as English.
 */
export function detectLanguage(text: string): Lang {
  const sample = text.slice(0, 5000).normalize('NFC');
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const vietnamese = sample.match(VI_LETTERS)?.length ?? 0;
  if (letters > 0 && vietnamese / letters > 0.04) return isEnglishWithAccentedNames(sample) ? 'en' : 'vi';
  return isUnmarkedVietnamese(sample) ? 'vi' : 'en';
}

/** Letters only Vietnamese writes: European names have "é", "à" or "ô", never "ư", "ạ" or "ổ". */
const VI_ONLY_LETTER = /[ăđơưảẻỉỏủỷạẹịọụỵẽĩũỹấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựỳ]/iu;
/** English function words that are not also Vietnamese syllables ("do", "to", "an" and "in" are). */
const ENGLISH_FUNCTION_WORDS = new Set('the is are was were be been will who whom whose what when where which why how did does has have had of and or but not for with from at on by as about into over after than this that it its'.split(' '));
/** Vietnamese function and question words written with marks European names share. */
const VIETNAMESE_FUNCTION_WORDS = new Set('là có các và gì nào ai khi cho với trong này bao nhiêu ở'.split(' '));

function isEnglishWithAccentedNames(sample: string): boolean {
  if (VI_ONLY_LETTER.test(sample)) return false;
  let english = 0;
  for (const match of sample.toLowerCase().matchAll(UNMARKED_WORD)) {
    if (VIETNAMESE_FUNCTION_WORDS.has(match[0])) return false;
    if (ENGLISH_FUNCTION_WORDS.has(match[0])) english++;
  }
  return english > 0;
}

/** Whether the text has none of Vietnamese's marked letters (a Vietnamese text so written is matched by folded patterns). */
export function hasNoVietnameseMarks(text: string): boolean {
  return !HAS_VI_LETTER.test(text.normalize('NFC'));
}

/**
 * A syllable as Vietnamese spells it without marks: an initial consonant (cluster), one to three vowels
 * and one of eight finals. Most English words break it (a final s, r, l, d, a w, two consonants that
 * Vietnamese never puts together), but short ones often do not ("can", "you", "the").
 */
const UNMARKED_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$/;

/**
 * Frequent Vietnamese words, written without marks, that English text does not use: function words and
 * question words rather than names, which English text about Vietnam also holds.
 */
const UNMARKED_MARKERS = new Set(
  (
    'cua nhung duoc nguoi khong nhieu nao gi dau voi cac nhat trong nhu mot cung thi theo truoc tren duoi giua gio luc nuoc ' +
    'chung viec cuoc nhan quoc duong hien nghiep thoi gian tuoi lam nhau minh biet va khi dang vao nay kia tai sinh thanh tinh ' +
    'vua moi roi bang hoac neu phai them duy sao bao ai la da co ve cho'
  ).split(' '),
);

/** Question words: one is enough when every word but the names is spelled as a Vietnamese syllable ("Jolie hoc truong nao?"). */
const UNMARKED_QUESTION_WORDS = new Set(['gi', 'nao', 'dau', 'ai', 'sao', 'nhieu']);

/**
 * Vietnamese written without marks: most words (names aside: capitalized after the first word) are spelled
 * as Vietnamese syllables, and several are frequent Vietnamese words English does not have, or one is a
 * question word and all are so spelled. English about Vietnam ("Who is Nguyen Phu Trong?", "What happened
 * in Ha Noi and Da Nang?") has names of that shape but not those words.
 */
function isUnmarkedVietnamese(text: string): boolean {
  const all: string[] = [];
  let shaped = 0;
  for (const match of text.matchAll(UNMARKED_WORD)) {
    if (UNMARKED_SYLLABLE.test(match[0].toLowerCase())) shaped++;
    if (all.push(match[0]) === UNMARKED.maxWords) break;
    // Most English prose: few of its words have the shape (a cheap early no).
    if (all.length === UNMARKED.earlyWords && shaped < UNMARKED.earlyShare * all.length) return false;
  }
  const unnamed = all.filter((word, i) => i === 0 || !/^\p{Lu}/u.test(word));
  const words = (unnamed.length >= 2 ? unnamed : all).map((word) => word.toLowerCase());
  if (words.length < 2) return false;
  let syllables = 0;
  let markers = 0;
  let questionWords = 0;
  for (const word of words) {
    if (UNMARKED_SYLLABLE.test(word)) syllables++;
    if (UNMARKED_MARKERS.has(word)) markers++;
    if (UNMARKED_QUESTION_WORDS.has(word)) questionWords++;
  }
  if (syllables < UNMARKED.syllableShare * words.length) return false;
  const byMarkers = markers >= UNMARKED.markers && markers >= UNMARKED.markerShare * words.length;
  return byMarkers || (questionWords > 0 && syllables >= UNMARKED.syllableShareWithQuestionWord * words.length);
}

/**
 * Chosen on mlqa-vi's 509 questions with their marks removed (496 read as Vietnamese) against 195k
 * English texts that must not be: squad2-en's questions, the English news archive's titles, the first
 * sentences of its articles and their first 5,000 characters (none is). A syllable share of 0.6 reads
 * one English sentence as Vietnamese; without the question-word rule 476 of 509 are found. The first 100
 * words decide, and a text whose first 30 words are under 30 % syllable-shaped (names included) is
 * English at once: on English news, detection then takes about 1.2 times as long as the marked-letter
 * count alone for an article and 1.6 times for a passage (2.5 and 2.4 times without these two limits),
 * and every text above is read as before (at 40 % one of mlqa-vi's articles, unmarked, was not).
 */
const UNMARKED = { syllableShare: 0.7, markers: 2, markerShare: 0.1, syllableShareWithQuestionWord: 0.9, maxWords: 100, earlyWords: 30, earlyShare: 0.3 };

/** Words, an apostrophe kept inside ("they've" is not "ve"); only the first UNMARKED.maxWords are read (a document's first lines decide). */
const UNMARKED_WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
