import { answerTypeOf, foldDiacritics, isStopword, questionNames, stem, words, type AnswerType } from '../analysis/index.js';

/** Where the answer sits in the sentence (`sentence.slice(start, end) === text`), and how sure we are of it (0..1). */
export interface AnswerSpan {
  start: number;
  end: number;
  text: string;
  confidence: number;
}

type Lang = 'en' | 'vi';

interface Token {
  text: string;
  start: number;
  end: number;
  /** A word (letters/digits) rather than a punctuation mark or symbol. */
  word: boolean;
  lower: string;
  folded: string;
  /** Starts with a capital letter and is not just capitalized for starting the sentence. */
  cap: boolean;
  /** Digits, or a number word. */
  num: boolean;
  stop: boolean;
  /** The question says this word too. */
  inQuestion: boolean;
}

interface Candidate {
  /** First and last token (inclusive). */
  first: number;
  last: number;
  kind: 'date' | 'number' | 'name' | 'quote' | 'phrase';
  /** How good an example of its kind the span is (0..1). */
  fit: number;
  /** A list of names: how many. */
  list?: number;
  /** Words said by the question, yet part of the answer: the unit it counts ("800 delegates"), the kind of a name ("University of"). */
  echoed?: number;
  /** The phrase the span is read within (the whole date of a year asked for): where it stands in the sentence is that phrase's place. */
  within?: { first: number; last: number };
}

// ---------------------------------------------------------------------------------------------
// Tokens

const TOKEN = /[\p{L}\p{N}]+(?:(?:[.,](?=[\p{Ll}\p{N}])|['’/&-])[\p{L}\p{N}]+)*%?|[^\s\p{L}\p{N}]/gu;
const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty ' +
    'thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands millions billions half ' +
    'một hai ba bốn năm sáu bảy bẩy tám chín mười mươi trăm nghìn ngàn triệu tỷ tỉ vạn chục'
  ).split(' '),
);
/** Words that carry no answer on their own although the stopword list keeps them. */
const EXTRA_STOP_EN = new Set(
  ('one ones many much several various certain including include includes well like ' +
    'particularly especially mainly mostly largely primarily usually generally really quite often always never already eventually finally ' +
    'later recently currently previously initially originally officially widely highly directly nearly approximately probably possibly perhaps thus therefore however'
  ).split(' '),
);
const QUESTION_WORDS = new Set(
  (
    'what which who whom whose when where why how kind type name called call '
    + 'gì nào ai đâu bao nhiêu mấy sao vì tại thế nào làm'
  ).split(' '),
);
/** Words naming the kind of fact asked for, which the answer replaces rather than repeats. */
const TYPE_WORDS: Record<AnswerType, ReadonlySet<string>> = {
  date: new Set('year years date day month century decade time period era season năm ngày tháng thế kỷ thập niên thời gian điểm lúc giờ'.split(' ')),
  number: new Set('number amount percentage percent share proportion số lượng tỷ lệ'.split(' ')),
  person: new Set('person people name người tên'.split(' ')),
  place: new Set('place location city country nơi đâu chỗ địa điểm'.split(' ')),
  other: new Set<string>(),
};
const VI_SENTENCE_STARTERS = new Set(
  'các những một tại trong theo ngoài sau trước khi vào năm từ đến cho với người ông bà nhiều hầu tuy nhưng và do vì nếu đây đó này cũng ngày tháng thế'.split(' '),
);

const ASCII = /^[\x00-\x7f]*$/;
const folds = new Map<string, string>();

/** foldDiacritics, memoized: news text repeats its words. */
function fold(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    if (folds.size >= 50_000) folds.clear();
    folded = foldDiacritics(word);
    folds.set(word, folded);
  }
  return folded;
}

function tokenize(sentence: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const text = m[0];
    const word = /[\p{L}\p{N}]/u.test(text[0]);
    const lower = text.toLowerCase().replace(/’/g, "'");
    const bare = lower.replace(/'s$/, '');
    const folded = ASCII.test(bare) ? bare : fold(bare);
    tokens.push({
      text,
      start: m.index,
      end: m.index + text.length,
      word,
      lower,
      folded,
      cap: word && /^\p{Lu}/u.test(text),
      num: word && (/^\d/.test(text) || NUMBER_WORDS.has(lower)),
      stop: word && (isStopword(lower) || (lang === 'en' && EXTRA_STOP_EN.has(lower))),
      inQuestion: false,
    });
  }
  // A capital that only marks the start of the sentence (or of a quote) names nothing.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap) continue;
    const prev = tokens[i - 1];
    const startsSentence = prev === undefined || (!prev.word && /[.?!:"“(]/.test(prev.text));
    if (!startsSentence) continue;
    const next = tokens[i + 1];
    // Alone, a capitalized first word is an ordinary word ("Rather", "Ngôi nhà"); a name goes on in capitals or is known by its inner capitals.
    const alone = !(next?.cap ?? false) && /^\p{Lu}[\p{Ll}'’.-]*$/u.test(t.text);
    if (t.stop || (lang === 'vi' && (VI_SENTENCE_STARTERS.has(t.lower) || alone)) || (lang === 'en' && (COMMON_EN_START.has(t.lower) || (alone && !capitalizedElsewhere(tokens, i))))) {
      t.cap = false;
    }
  }
  return tokens;
}

/** The same word written with a capital later in the sentence: a name, not a sentence start. */
function capitalizedElsewhere(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length; k++) if (tokens[k].folded === tokens[i].folded && /^\p{Lu}/u.test(tokens[k].text)) return true;
  return false;
}

const COMMON_EN_START = new Set('both now rather yet still even instead thus hence meanwhile in on at by for from with after before during since although though while however despite this these those there it its he she they his her their we our as when where today yesterday many some most several both each all one two three first later'.split(' '));

/** The question's content words, as folded words and as stems. */
function questionTerms(question: string, type: AnswerType): { folded: Set<string>; stems: Set<string> } {
  const folded = new Set<string>();
  const stems = new Set<string>();
  for (const w of words(question)) {
    if (isStopword(w) || QUESTION_WORDS.has(w) || TYPE_WORDS[type].has(w)) continue;
    const f = foldDiacritics(w);
    folded.add(f);
    stems.add(stem(f));
  }
  return { folded, stems };
}

function markQuestionWords(tokens: Token[], terms: { folded: Set<string>; stems: Set<string> }, names: readonly string[]): void {
  for (const t of tokens) {
    if (!t.word || t.stop) continue;
    t.inQuestion = terms.folded.has(t.folded) || terms.stems.has(stem(t.folded));
    // A name the question spells a little differently ("Viktoria" / "Victoria", "Sigman" / "Sigma").
    if (!t.inQuestion && t.cap && t.folded.length >= 5) t.inQuestion = names.some((name) => nearlySame(name, t.folded));
  }
}

/** At most one letter added, dropped or changed. */
function nearlySame(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i < 3) return false;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

// ---------------------------------------------------------------------------------------------
// Typed candidates, found with patterns over the sentence text

const MONTH_EN = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR_EN = '(?:\\d{3,4}(?:\\s?(?:BC|AD|BCE|CE))?)';
const RANGE = '(?:\\s?[-–]\\s?|\\s(?:to|and|through|until)\\s)';
const DATE_EN = new RegExp(
  [
    `(?:(?:[Ee]arly|[Mm]id|[Ll]ate|[Mm]id-)\\s?)?${MONTH_EN}(?:\\s${DAY}(?:${RANGE}(?:${MONTH_EN}\\s)?${DAY})?)?(?:,?\\s${YEAR_EN})?`,
    `${DAY}(?:${RANGE}${DAY})?\\s(?:of\\s)?${MONTH_EN}(?:,?\\s${YEAR_EN})?`,
    `(?:[Tt]he\\s)?(?:(?:[Ee]arly|[Mm]id|[Ll]ate|[Mm]id-)\\s?)?\\d{2,4}'?s`,
    `(?:[Tt]he\\s)?(?:(?:[Ee]arly|[Mm]id|[Ll]ate|[Mm]id-|first half of the|second half of the)\\s?)?(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\\s-][Cc]entur(?:y|ies)(?:\\s(?:BC|AD|BCE|CE))?`,
    `(?:(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\\s(?:of\\s)?)${YEAR_EN}`,
    `\\d{1,2}/\\d{1,2}/\\d{2,4}`,
    `(?:1\\d{3}|20\\d{2}|\\d{3}\\s?(?:BC|AD|BCE|CE))(?:${RANGE}(?:1\\d{3}|20\\d{2}|\\d{2}))?`,
  ].join('|'),
  'uy',
);
const MONTH_VI = '(?:\\d{1,2}|[Mm]ười [Mm]ột|[Mm]ười [Hh]ai|[Mm]ột|[Hh]ai|[Bb]a|[Tt]ư|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười|[Gg]iêng|[Cc]hạp)';
const DATE_VI = new RegExp(
  [
    `(?:(?:[Nn]gày|[Hh]ôm|[Đđ]êm|[Ss]áng|[Cc]hiều|[Tt]ối)\\s)?\\d{1,2}(?:\\s?[-–]\\s?\\d{1,2})?\\s(?:[Tt]háng\\s${MONTH_VI})(?:(?:,?\\s)năm\\s\\d{1,4}|\\s?[-/]\\s?\\d{4})?`,
    `(?:(?:[Đđ]ầu|[Cc]uối|[Gg]iữa)\\s)?[Tt]háng\\s${MONTH_VI}(?:(?:,?\\s)năm\\s\\d{1,4}|\\s?[-/]\\s?\\d{4})?`,
    `(?:[Nn]gày\\s)?\\d{1,2}[/-]\\d{1,2}(?:[/-]\\d{2,4})?`,
    `(?:(?:[Đđ]ầu|[Cc]uối|[Gg]iữa)\\s)?(?:[Nn]hững\\s)?(?:[Nn]ăm|[Tt]hập niên|[Tt]hập kỷ)\\s\\d{1,4}(?:\\s?[-–]\\s?\\d{1,4})?(?:\\s(?:TCN|SCN|trước Công nguyên))?`,
    `(?:(?:[Đđ]ầu|[Cc]uối|[Gg]iữa)\\s)?[Tt]hế kỷ\\s(?:thứ\\s)?(?:\\d{1,2}|[IVXLC]+)(?:\\s(?:TCN|SCN|trước Công nguyên))?`,
    `(?:1\\d{3}|20\\d{2})(?:\\s?[-–]\\s?(?:1\\d{3}|20\\d{2}))?`,
  ].join('|'),
  'uy',
);

const NUM = '(?:[$€£¥]\\s?|US\\$\\s?)?\\d+(?:[.,]\\d+)*(?:\\.\\d+)?%?';
const NUM_WORD_EN = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a dozen|dozens|hundreds|thousands|millions|half)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))?';
// "mln", "bln" and "pct": newswire abbreviations ("4.5 mln shares", "37 pct").
const SCALE_EN = '(?:\\s?(?:hundred|thousand|million|billion|trillion|mln|bln|m|bn|k))?';
const MOD_EN = '(?:(?:about|around|approximately|nearly|almost|over|under|more than|less than|fewer than|up to|at least|at most|roughly|some|only|just|an estimated|estimated|as many as|as much as|as few as|upwards of|close to|well over)\\s)?';
const NUMBER_EN = new RegExp(
  `${MOD_EN}(?:${NUM}|${NUM_WORD_EN})${SCALE_EN}(?:${RANGE}(?:${NUM}|${NUM_WORD_EN})${SCALE_EN})?(?:\\s?(?:%|percent|per cent|pct))?`,
  'iuy',
);
const NUM_WORD_VI = '(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|hàng trăm|hàng nghìn|hàng ngàn|hàng triệu|hàng chục|vài)(?:\\s(?:mươi|trăm|nghìn|ngàn|triệu|tỷ|một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))*';
const MOD_VI = '(?:(?:khoảng|hơn|gần|trên|dưới|chừng|ước tính|tới|đến|tổng cộng|chỉ|ít nhất|tối đa|tối thiểu|xấp xỉ|gần như|hàng)\\s)?';
const NUMBER_VI = new RegExp(
  `${MOD_VI}(?:${NUM}|${NUM_WORD_VI})(?:\\s(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm|vạn))?(?:\\s?[-–]\\s?(?:${NUM}|${NUM_WORD_VI})(?:\\s(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm))?)?(?:\\s?(?:%|phần trăm))?`,
  'uy',
);

/** Maps a character range onto the tokens it covers, or null when it cuts a token. */
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (t.start < start || t.end > end) {
      // A pattern may end inside a token ("1990s" matched as "1990"): keep whole tokens only.
      if (t.start < start) return null;
      if (t.end > end && !/[.,]/.test(t.text.slice(end - t.start, end - t.start + 1))) return null;
    }
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : [first, last];
}

/**
 * Where a pattern matches, tried at each word start (sticky patterns: a few attempts per sentence, not one
 * per character), as token ranges; overlapping matches keep the first.
 */
function patternCandidates(sentence: string, tokens: readonly Token[], pattern: RegExp, foldedQuestion: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let coveredTo = 0;
  for (const token of tokens) {
    if (token.start < coveredTo) continue;
    pattern.lastIndex = token.start;
    const m = pattern.exec(sentence);
    if (m === null) continue;
    const text = m[0].trimEnd();
    if (text.length === 0) continue;
    const start = token.start;
    const end = start + text.length;
    // A match must end on a word boundary ("1990s" is not "1990").
    if (end < sentence.length && WORD_CHAR.test(sentence[end]) && !/[.,]/.test(sentence[end - 1])) continue;
    const range = tokenRange(tokens, start, end);
    if (range === null) continue;
    // An expression the question already says is what it asks about, not the answer.
    if (containsPhrase(foldedQuestion, foldDiacritics(text.toLowerCase()))) continue;
    coveredTo = end;
    found.push(range);
  }
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `phrase` occurs in `text` as whole words. */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + phrase.length] ?? '';
    if ((before === '' || !WORD_CHAR.test(before)) && (after === '' || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

const YEAR_ONLY = /^(1\d{3}|20\d{2})$/;

type LifeEvent = 'birth' | 'death';

/** A question about when someone was born or died ("qua đời năm nào", "when was she born"). Death first: "hy sinh" is a death. */
function lifeEventAsked(question: string): LifeEvent | null {
  const q = question.toLowerCase();
  if (/\b(die|died|dies|death|pass(?:ed)? away)\b|qua đời|(?<![\p{L}])(mất|chết)(?![\p{L}])|từ trần|tạ thế|hy sinh/u.test(q)) return 'death';
  if (/\b(born|birth)\b|(?<![\p{L}])sinh(?![\p{L}])|ra đời|chào đời/u.test(q)) return 'birth';
  return null;
}

const EVENT_WORDS: Record<LifeEvent, ReadonlySet<string>> = {
  birth: new Set(['sinh', 'born', 'b']),
  death: new Set(['mat', 'chet', 'doi', 'tran', 'died', 'd']),
};

/**
 * Which life event a date in the sentence is: the word just before it ("sinh ngày …", "mất …", "died
 * on …"), or its place in a "(date – date)" range after a name, birth then death.
 */
function lifeEventOf(tokens: readonly Token[], first: number, last: number): LifeEvent | null {
  for (let i = first - 1; i >= 0 && i >= first - 3; i--) {
    const t = tokens[i];
    if (EVENT_WORDS.death.has(t.folded)) return 'death';
    if (EVENT_WORDS.birth.has(t.folded)) return 'birth';
    if (t.word && !/^(ngay|vao|nam|on|in|at)$/.test(t.folded)) break;
  }
  const dash = (t: Token | undefined) => t !== undefined && /^[-–—]$/.test(t.text);
  if (dash(tokens[first - 1]) && tokens[first - 2]?.num) return 'death';
  if (dash(tokens[last + 1]) && tokens[last + 2]?.num) return 'birth';
  return null;
}

function dateCandidates(sentence: string, tokens: readonly Token[], question: string, foldedQuestion: string, lang: Lang): Candidate[] {
  const out: Candidate[] = [];
  const asksYear = /\b(what|which|in what) year\b|năm nào|năm bao nhiêu|năm mấy/u.test(question.toLowerCase());
  const event = lifeEventAsked(question);
  for (const pattern of lang === 'vi' ? [DATE_VI, DATE_EN] : [DATE_EN]) {
    for (const [first, last] of patternCandidates(sentence, tokens, pattern, foldedQuestion)) {
      // Born or died: the date of the event asked for, not the other one of the same life.
      const said = event && lifeEventOf(tokens, first, last);
      const eventFit = !said ? 0 : said === event ? 0.15 : -0.3;
      const text = sentence.slice(tokens[first].start, tokens[last].end);
      const hasDay = /\d{1,2}(st|nd|rd|th)?\s(tháng|of|[A-Z])|[A-Z][a-z]+\.?\s\d{1,2}\b(?!\d)|\d\/\d/u.test(text);
      const hasYear = /\d{3,4}|thế kỷ|centur/u.test(text);
      let fit = hasDay || hasYear ? 1 : 0.8;
      // A bare number read as a year ("in 1990") is weaker than a worded date.
      if (YEAR_ONLY.test(text)) fit = 0.9;
      out.push({ first, last, kind: 'date', fit: fit + eventFit });
      if (asksYear) {
        for (let i = first; i <= last; i++) if (YEAR_ONLY.test(tokens[i].text) && (i !== first || i !== last)) out.push({ first: i, last: i, kind: 'date', fit: 1.1 + eventFit, within: { first, last } });
      }
    }
  }
  return out;
}

/** Words that make a two-word unit in English ("square miles", "metric tons"). */
const UNIT_MODIFIER = /^(square|cubic|metric|nautical|light|kilowatt|megawatt|per)$/;
const NUMBER_MODIFIER = /^(about|around|approximately|nearly|almost|over|under|more|less|fewer|up|at|least|most|than|to|of|many|much|few|roughly|some|only|just|an|estimated|as|upwards|close|well|us|khoảng|hơn|gần|trên|dưới|chừng|ước|tới|đến|tổng|chỉ|ít|tối|xấp|hàng)$/u;

/**
 * The question's own unit ("how many delegates" → "800 delegates") is part of an English answer; a
 * Vietnamese answer is as often the number alone ("bao nhiêu ngày" → "40"): with the unit a little less
 * likely than the number, MLQA-vi spans exact match 25.8 → 29.0 %, F1 40.6 → 40.7 %.
 */
const QUESTION_UNIT_FIT: Record<Lang, number> = { en: 0.08, vi: -0.01 };

function numberCandidates(sentence: string, tokens: readonly Token[], question: string, foldedQuestion: string, lang: Lang): Candidate[] {
  const out: Candidate[] = [];
  const asksPercent = /percent|percentage|proportion|\bshare\b|tỷ lệ|phần trăm|%/u.test(question.toLowerCase());
  // A measure ("how long", "bao xa") is said with its unit ("128 days", "20 km"); a count mostly without.
  const asksMeasure = /\bhow (long|far|big|large|tall|high|deep|wide|old|heavy|fast)\b|bao (lâu|xa|cao|dài|rộng|sâu|lớn|nặng|nhiêu tuổi)/u.test(question.toLowerCase());
  for (const [from, last] of patternCandidates(sentence, tokens, lang === 'vi' ? NUMBER_VI : NUMBER_EN, foldedQuestion)) {
    // With and without its hedge ("around 800", "800"): the hedge is kept only a little less readily.
    let bare = from;
    while (bare < last && tokens[bare].word && !tokens[bare].num && NUMBER_MODIFIER.test(tokens[bare].lower)) bare++;
    // "US$6.22 billion" reads as "$6.22 billion".
    if (bare < last && tokens[bare].text === 'US' && tokens[bare + 1]?.text === '$') bare++;
    for (const first of bare > from ? [from, bare] : [from]) {
      const hedge = first === from && bare > from ? -0.03 : 0;
      const text = sentence.slice(tokens[first].start, tokens[last].end);
      // "một", "năm" and "one" are too often not numbers at all; a year is rarely a count.
      const digits = /\d/.test(text);
      let fit = (digits ? 1 : 0.75) + hedge;
      if (YEAR_ONLY.test(tokens[last].text) && bare === last) fit = 0.55;
      if (!digits && lang === 'vi' && /^(một|năm|ba|hai)$/u.test(text)) fit = 0.5;
      const percent = /%|percent|pct|phần trăm/u.test(text);
      if (asksPercent && percent) fit += 0.1;
      // "How many shares …" counts things: "37 pct" of them is not an answer.
      if (percent && !asksPercent && /\bhow many\b/u.test(question.toLowerCase())) fit -= 0.3;
      out.push({ first, last, kind: 'number', fit });
      // The unit it counts: "800 delegates", "12.961 hộ gia đình" (for the question's own unit, see QUESTION_UNIT_FIT).
      // English units are one word, but for "square miles"; Vietnamese nouns run to two or three syllables.
      const twoWordUnit = lang === 'en' && UNIT_MODIFIER.test(tokens[last + 1]?.lower ?? '');
      const maxUnit = lang === 'vi' ? 3 : twoWordUnit ? 2 : 1;
      let u = last + 1;
      // A unit is a common noun: "4.5 mln Trilogy shares" counts shares, not Trilogy.
      while (u < tokens.length && tokens[u].word && tokens[u].inQuestion && !tokens[u].cap && u - last <= maxUnit) {
        // A Vietnamese unit is cut only where the question's word ends: "5 công dân", never "5 công".
        const cutsWord = lang === 'vi' && lowerCaseWordAt(tokens, u + 1) && tokens[u + 1].inQuestion;
        if ((!twoWordUnit || u - last === 2) && !cutsWord) out.push({ first, last: u, kind: 'number', fit: fit + QUESTION_UNIT_FIT[lang] - 0.02 * (u - last), echoed: u - last });
        u++;
      }
      if (u === last + 1 && u < tokens.length && tokens[u].word && !tokens[u].stop && !tokens[u].cap && !tokens[u].num && !percent) {
        const unitFit = fit + (asksMeasure ? 0.04 : -0.02);
        out.push({ first, last: u, kind: 'number', fit: unitFit });
        if (lang === 'vi' && u + 1 < tokens.length && tokens[u + 1].word && !tokens[u + 1].stop && !tokens[u + 1].cap) out.push({ first, last: u + 1, kind: 'number', fit: unitFit - 0.02 });
      }
    }
  }
  return out;
}

const NAME_LINKS = new Set('de del della der den di da du van von zu la le of al bin ibn y dos das do the for on ter ten af'.split(' '));
const POSSESSIVE = /['’]s$/u;

/**
 * Runs of capitalized words ("Ban Bossy", "Adolf xứ Schaumburg-Lippe"), and lists of them ("Oujda, Tangier
 * and Erfoud"). Vietnamese names of bodies capitalize only their first syllable ("Trung học Elliot Lake"),
 * so there one lower-case syllable may sit between capitals.
 */
function nameCandidates(tokens: readonly Token[], lang: Lang): Candidate[] {
  const out: Candidate[] = [];
  const runs: Array<[number, number]> = [];
  const free = (k: number) => k < tokens.length && tokens[k].cap && !tokens[k].inQuestion;
  let i = 0;
  while (i < tokens.length) {
    if (!free(i)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (next === undefined) break;
      // "GameSpot's Jeff Gerstmann" is two names: the owner and the owned.
      if (POSSESSIVE.test(tokens[j].text)) break;
      if (free(j + 1)) j++;
      else if ((NAME_LINKS.has(next.lower) || (lang === 'vi' && next.word && !next.stop && !next.inQuestion && !next.num)) && free(j + 2)) j += 2;
      else break;
    }
    const start = i;
    i = j + 1;
    // A month or weekday alone is a date, not a name; a capitalized function word alone ("In nomine") is not one either.
    if (start === j && (CALENDAR_WORD.test(tokens[j].text) || COMPANY_SUFFIX.test(tokens[j].text) || tokens[j].stop)) continue;
    runs.push([start, j]);
    const fit = nameFit(tokens, start, j, lang);
    out.push({ first: start, last: j, kind: 'name', fit });
    // With the kind of thing the question names in front: "University of Hamburg", "đại học Wesleyan".
    const kind = classNoun(tokens, start, lang);
    if (kind < start) out.push({ first: kind, last: j, kind: 'name', fit: fit * CLASS_FIT, echoed: start - kind });
  }
  // "A, B and C": a list of names answers "which three …" questions.
  for (let r = 0; r < runs.length; r++) {
    let end = r;
    while (end + 1 < runs.length) {
      const gap = tokens.slice(runs[end][1] + 1, runs[end + 1][0]);
      if (gap.length === 0 || gap.length > 2 || !gap.every((t) => t.text === ',' || /^(and|or|và|hoặc|&)$/u.test(t.lower))) break;
      end++;
      out.push({ first: runs[r][0], last: runs[end][1], kind: 'name', fit: nameFit(tokens, runs[end][0], runs[end][1], lang), list: end - r + 1 });
    }
  }
  return out;
}

/** "Co", "Inc", "Ltd" alone end a company's name ("Phillips Petroleum Co Chairman …"); they name nothing. */
const COMPANY_SUFFIX = /^(Co|Corp|Inc|Ltd|Plc|PLC|LLC|GmbH)$/;
const CALENDAR_WORD = /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * A Vietnamese name of a body capitalizes its first syllable only ("Hội đồng"): a lone capital followed by a
 * lower-case syllable is most likely such a common noun cut short ("Quốc" of "Bộ Quốc phòng").
 */
function nameFit(tokens: readonly Token[], first: number, last: number, lang: Lang): number {
  if (lang !== 'vi' || first !== last) return 1;
  return lowerCaseWordAt(tokens, last + 1) && !isFunctionWord(tokens[last + 1], lang) ? CUT_NAME_FIT : 1;
}

/** A longer run may be a name followed by its verb ("Lê Văn Nam chủ trì"): only a lone capital is judged. */
const CUT_NAME_FIT = 0.6;

function lowerCaseWordAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.word && !t.cap && !t.num;
}

const CLASS_FIT = 0.99;

/** Where a name starts if the question's word for its kind comes in front of it ("University of", "đại học"), else `start`. */
function classNoun(tokens: readonly Token[], start: number, lang: Lang): number {
  let k = start;
  if (lang === 'en') {
    if (k >= 2 && /^(of|for)$/.test(tokens[k - 1].lower) && tokens[k - 2].cap && tokens[k - 2].inQuestion) k -= 2;
    while (k > 0 && tokens[k - 1].cap && tokens[k - 1].inQuestion && start - k < 3) k--;
  } else {
    while (k > 0 && tokens[k - 1].word && tokens[k - 1].inQuestion && !isFunctionWord(tokens[k - 1], lang) && start - k < 2) k--;
  }
  return k;
}

/** Quoted titles and terms: "Flawless", “Largest film stunt explosion”. */
function quoteCandidates(tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^["“«]$/u.test(tokens[i].text)) continue;
    for (let j = i + 1; j < tokens.length && j - i <= 14; j++) {
      if (/^["”»]$/u.test(tokens[j].text)) {
        if (j - 1 >= i + 1) {
          const inner = tokens.slice(i + 1, j).filter((t) => t.word);
          const said = inner.filter((t) => t.inQuestion).length;
          if (inner.length > 0 && said / inner.length < 0.5) out.push({ first: i + 1, last: lastWord(tokens, j - 1), kind: 'quote', fit: 1 });
        }
        i = j;
        break;
      }
    }
  }
  return out;
}

function lastWord(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j > 0 && !tokens[j].word && !/[)\]]/.test(tokens[j].text)) j--;
  return j;
}

// ---------------------------------------------------------------------------------------------
// Plain phrases

const CLAUSE_EN = new Set('which who whom whose that where when while because although though since after before or but if as than'.split(' '));
const CLAUSE_VI = new Set('mà khi nhưng vì nên nếu thì rằng để hoặc hay do bởi là được đã sẽ đang bị'.split(' '));
/** Vietnamese function words: a phrase neither starts nor ends on them. */
const FUNCTION_VI = new Set('của và các những được là có cho với trong này đó một để khi thì mà ở tại về theo từ ra vào đã sẽ đang bị bởi do như cũng vẫn rất hơn nhất nên nhưng rằng hay hoặc đến tới lại còn chỉ'.split(' '));

function isFunctionWord(t: Token, lang: Lang): boolean {
  return t.stop || (lang === 'vi' && FUNCTION_VI.has(t.lower));
}

const MAX_LEN: Record<Lang, number> = { en: 8, vi: 12 };

/** Runs of the sentence's words that the question does not say, cut at punctuation and clause words, starting and ending on a content word. */
function phraseCandidates(tokens: readonly Token[], lang: Lang): Candidate[] {
  const out: Candidate[] = [];
  const clause = lang === 'vi' ? CLAUSE_VI : CLAUSE_EN;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    if (!a.word || isFunctionWord(a, lang) || a.inQuestion) continue;
    for (let j = i; j < tokens.length && j - i < MAX_LEN[lang]; j++) {
      const b = tokens[j];
      if (!b.word || b.inQuestion) break;
      if (j > i && clause.has(b.lower)) break;
      if (isFunctionWord(b, lang)) continue;
      out.push({ first: i, last: j, kind: 'phrase', fit: 1 });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

export interface SpanWeights {
  /** Fit to the kind of fact asked for. */
  fit: number;
  /** 1 / distance (in tokens) to the nearest question word. */
  near: number;
  /** Question words around the span, decaying with distance. */
  density: number;
  /** A question word right before / after the span (past function words). */
  left: number;
  right: number;
  /** The span follows the words the question puts right before its question word. */
  anchor: number;
  /** The span follows the question's last content word (English "what did X encourage?"). */
  tail: number;
  /** Share of capitalized words, for names asked for. */
  cap: number;
  /** Per token off the usual answer length. */
  length: number;
  /** The span is a whole phrase: punctuation, function or question words on both sides. */
  bound: number;
  /** Share of the span the question already says. */
  said: number;
  /** For "what/which" questions: a name or a quoted title, more so when the question names the kind of thing ("which magazine"). */
  otherName: number;
  otherQuote: number;
  otherHead: number;
  otherNumber: number;
  /** A list of names when the question asks for several ("which three locations"). */
  list: number;
  /** A place after "in/at/ở/tại", a person after "by/bởi". */
  prep: number;
}

/**
 * Hand-set, then checked one at a time on the dev sets (SQuAD 2.0 and MLQA-vi answerable items): `near`,
 * `right`, `tail`, `cap` and `length` gained nothing there and stay at 0, kept as knobs for other question sets.
 * A fit from a full coordinate search gained on the half it was fit on and lost on the other half.
 */
export const DEFAULT_SPAN_WEIGHTS: SpanWeights = {
  fit: 8,
  near: 0,
  density: 0.4,
  left: 0.65,
  right: 0,
  anchor: 2.4,
  tail: 0,
  cap: 0,
  length: 0,
  bound: 0.1,
  said: 1,
  otherName: 0.25,
  otherQuote: 0.4,
  otherHead: 0.35,
  otherNumber: 0.1,
  list: 0.8,
  prep: 0.5,
};

type Kind = Candidate['kind'];

/** How well each kind of candidate answers each kind of question ('other' questions: from the weights). */
const AFFINITY: Record<Exclude<AnswerType, 'other'>, Record<Kind, number>> = {
  date: { date: 1, number: 0.1, name: 0, quote: 0, phrase: 0 },
  number: { date: 0.05, number: 1, name: 0, quote: 0, phrase: 0 },
  person: { date: 0, number: 0, name: 1, quote: 0.2, phrase: 0 },
  place: { date: 0, number: 0, name: 1, quote: 0, phrase: 0 },
};
/** Usual answer length in tokens. */
const IDEAL_LENGTH: Record<Lang, Record<AnswerType, number>> = {
  en: { date: 2, number: 2, person: 2, place: 2, other: 2 },
  vi: { date: 3, number: 2, person: 2, place: 2, other: 3 },
};
const CAP_HINT: Record<AnswerType, number> = { date: 0, number: 0, person: 1, place: 1, other: 0.4 };

interface Context {
  tokens: readonly Token[];
  qPositions: number[];
  type: AnswerType;
  lang: Lang;
  shape: QuestionShape;
  sums: Sums;
}

function affinity(c: Candidate, ctx: Context, w: SpanWeights): number {
  if (ctx.type !== 'other') return AFFINITY[ctx.type][c.kind];
  const head = ctx.shape.headNoun ? w.otherHead : 0;
  // Vietnamese "… nào" asks for common nouns as often as for names, and capitals start many common-noun phrases.
  const scale = ctx.lang === 'vi' ? 0.5 : 1;
  switch (c.kind) {
    case 'name':
      return (w.otherName + head) * scale;
    case 'quote':
      return (w.otherQuote + head) * scale;
    case 'number':
      return w.otherNumber * scale;
    case 'date':
      return w.otherNumber / 2;
    default:
      return 0;
  }
}

function score(c: Candidate, ctx: Context, w: SpanWeights): number {
  const { tokens, lang, type, sums } = ctx;
  const len = sums.words[c.last + 1] - sums.words[c.first];
  if (len === 0) return -Infinity;
  const said = sums.said[c.last + 1] - sums.said[c.first] - (c.echoed ?? 0);
  const caps = sums.caps[c.last + 1] - sums.caps[c.first];
  // Where the span stands: a year asked for stands where its whole date does ("sinh ngày 26 tháng 1 năm 1974").
  const place = { ...c, ...c.within };
  const nearest = Math.min(sums.gapLeft[place.first], sums.gapRight[place.last]);
  const near = Number.isFinite(nearest) ? 1 / nearest : 0;
  const density = ctx.qPositions.length === 0 ? 0 : (sums.decayLeft[place.first] + sums.decayRight[place.last]) / Math.sqrt(ctx.qPositions.length);
  const bound = (boundary(tokens, place.first - 1, lang) + boundary(tokens, place.last + 1, lang)) / 2;
  const list = listFit(c.list ?? 1, ctx.shape.several);
  return (
    w.fit * affinity(c, ctx, w) * c.fit +
    w.list * list +
    w.prep * (c.kind === 'name' && introducedBy(tokens, c.first, type, lang) ? 1 : 0) +
    w.near * near +
    w.density * density +
    w.left * (neighbourSaid(tokens, place.first - 1, -1, lang) ? 1 : 0) +
    w.right * (neighbourSaid(tokens, place.last + 1, 1, lang) ? 1 : 0) +
    w.anchor * (follows(place, ctx.shape.anchors, ctx) ? 1 : 0) +
    w.tail * (follows(place, ctx.shape.tail, ctx) ? 1 : 0) +
    w.cap * CAP_HINT[type] * (caps / len) -
    w.length * Math.abs(len - IDEAL_LENGTH[lang][type]) +
    w.bound * bound -
    w.said * (said / len)
  );
}

/** Running counts over the tokens, so that each candidate is scored in constant time. */
interface Sums {
  /** Words, question words and capitalized words before token i. */
  words: number[];
  said: number[];
  caps: number[];
  /** Distance from token i to the nearest question word before / after it (Infinity: none). */
  gapLeft: number[];
  gapRight: number[];
  /** Sum over question words before / after token i of exp(-distance / 5). */
  decayLeft: number[];
  decayRight: number[];
}

const DECAY = Math.exp(-1 / 5);

function runningSums(tokens: readonly Token[]): Sums {
  const n = tokens.length;
  const sums: Sums = {
    words: new Array<number>(n + 1).fill(0),
    said: new Array<number>(n + 1).fill(0),
    caps: new Array<number>(n + 1).fill(0),
    gapLeft: new Array<number>(n).fill(Infinity),
    gapRight: new Array<number>(n).fill(Infinity),
    decayLeft: new Array<number>(n).fill(0),
    decayRight: new Array<number>(n).fill(0),
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    sums.words[i + 1] = sums.words[i] + (t.word ? 1 : 0);
    sums.said[i + 1] = sums.said[i] + (t.word && t.inQuestion ? 1 : 0);
    sums.caps[i + 1] = sums.caps[i] + (t.word && t.cap ? 1 : 0);
    if (i > 0) {
      const prev = tokens[i - 1];
      sums.gapLeft[i] = prev.inQuestion ? 1 : sums.gapLeft[i - 1] + 1;
      sums.decayLeft[i] = (sums.decayLeft[i - 1] + (prev.inQuestion ? 1 : 0)) * DECAY;
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    const next = tokens[i + 1];
    sums.gapRight[i] = next.inQuestion ? 1 : sums.gapRight[i + 1] + 1;
    sums.decayRight[i] = (sums.decayRight[i + 1] + (next.inQuestion ? 1 : 0)) * DECAY;
  }
  return sums;
}

const PLACE_PREP: Record<Lang, ReadonlySet<string>> = {
  en: new Set('in at from to near into across outside inside'.split(' ')),
  vi: new Set('ở tại đến tới từ thuộc gần sang'.split(' ')),
};
const PERSON_PREP: Record<Lang, ReadonlySet<string>> = { en: new Set(['by']), vi: new Set(['bởi', 'do']) };

/** The word before the span is a preposition that introduces the kind of name asked for. */
function introducedBy(tokens: readonly Token[], first: number, type: AnswerType, lang: Lang): boolean {
  const before = tokens[first - 1];
  if (before === undefined) return false;
  if (type === 'place') return PLACE_PREP[lang].has(before.lower);
  if (type === 'person') return PERSON_PREP[lang].has(before.lower);
  return false;
}

/** How well a list of `count` names answers a question for `several` things (a number asked for, -1 for "which cities", 0 for one thing). */
function listFit(count: number, several: number): number {
  if (several === 0 || count < 2) return 0;
  if (several > 0) return count === several ? 1 : 0.5;
  return 0.8 + 0.05 * Math.min(count, 4);
}

/** 1 when the token beside a span closes a phrase: nothing, punctuation, a question word or a function word. */
function boundary(tokens: readonly Token[], k: number, lang: Lang): number {
  const t = tokens[k];
  if (t === undefined || !t.word) return 1;
  if (t.inQuestion || isFunctionWord(t, lang)) return 1;
  if ((lang === 'vi' ? CLAUSE_VI : CLAUSE_EN).has(t.lower)) return 1;
  return 0;
}

/** The nearest word on one side of a span (past up to two function words) is one the question says. */
function neighbourSaid(tokens: readonly Token[], from: number, dir: -1 | 1, lang: Lang): boolean {
  let i = from;
  for (let steps = 0; i >= 0 && i < tokens.length && steps < 3; steps++, i += dir) {
    const t = tokens[i];
    if (!t.word) return false;
    if (t.inQuestion) return true;
    if (!isFunctionWord(t, lang)) return false;
  }
  return false;
}

/** The span comes right after (past function words) one of the given question words. */
function follows(c: Candidate, anchors: ReadonlySet<string>, ctx: Context): boolean {
  if (anchors.size === 0) return false;
  let i = c.first - 1;
  for (let steps = 0; i >= 0 && steps < 3; steps++, i--) {
    const t = ctx.tokens[i];
    if (anchors.has(t.folded) || (t.inQuestion && anchors.has(stem(t.folded)))) return true;
    if (!t.word || !isFunctionWord(t, ctx.lang)) return false;
  }
  return false;
}

const VI_WH = /^(gì|nào|ai|đâu|bao|mấy|sao)$/u;
const EN_WH = /^(what|which|who|whom|where|when)$/;
const NUMBER_WORD_HEAD = /^(two|three|four|five|six|seven|eight|nine|ten|several|both|hai|ba|bốn|năm|sáu|những|các)$/u;
const COUNTS: Record<string, number> = { two: 2, both: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, hai: 2, ba: 3, 'bốn': 4, 'năm': 5, 'sáu': 6 };

/** How many things the words before a question word ask for: a number, -1 for "several"/"những", 0 for none. */
function countAsked(before: readonly string[]): number {
  for (const w of before) {
    if (/^\d$/.test(w)) return Number(w);
    const n = COUNTS[w];
    if (n !== undefined) return n;
    if (NUMBER_WORD_HEAD.test(w)) return -1;
  }
  return 0;
}

interface QuestionShape {
  /** Question words right before the question word ("viết bằng ngôn ngữ nào" → "bằng", "viết"). */
  anchors: Set<string>;
  /** The question's last content word, when the question word opens it ("What does Ban Bossy encourage?" → "encourage"). */
  tail: Set<string>;
  /** The question names a kind of thing ("which magazine", "tên … là gì"): a name is the likelier answer. */
  headNoun: boolean;
  /** It asks for several things: how many ("which three locations"), -1 for some ("which cities", "những quốc gia nào"), 0 for one thing. */
  several: number;
}

/**
 * Where the question word stands in for the answer: the answer tends to follow, in the sentence, the words
 * the question puts before its question word ("Beyonce supported which campaign" → "supported"), and, when
 * the question word is fronted, the question's last content word ("What does X encourage?" → "encourage").
 */
function questionShape(question: string, lang: Lang): QuestionShape {
  const anchors = new Set<string>();
  const tail = new Set<string>();
  const ws = words(question);
  const wh = ws.findIndex((w) => (lang === 'vi' ? VI_WH.test(w) : EN_WH.test(w)));
  const named = ws.some((w) => w === 'name' || w === 'named' || w === 'called' || w === 'tên');
  if (wh < 0) return { anchors, tail, headNoun: named, several: 0 };
  let headNoun = named;
  let several = 0;
  let i = wh - 1;
  if (lang === 'vi') {
    if (ws[wh] === 'nào') {
      // "ngôn ngữ nào": skip the one- or two-syllable noun the question word modifies.
      headNoun = true;
      i -= 1;
      if (i > 0 && !FUNCTION_VI.has(ws[i]) && !isStopword(ws[i]) && !FUNCTION_VI.has(ws[i - 1]) && !isStopword(ws[i - 1])) i -= 1;
      several = countAsked(ws.slice(Math.max(0, i - 1), wh));
    }
  } else {
    const next = ws[wh + 1];
    headNoun = headNoun || (/^(what|which)$/.test(ws[wh]) && next !== undefined && !isStopword(next) && !/^(kind|type|sort)$/.test(next));
    if (next !== undefined) {
      if (NUMBER_WORD_HEAD.test(next) || /^\d$/.test(next)) several = countAsked([next]);
      else if (/^(what|which)$/.test(ws[wh]) && /[^s]s$/.test(next) && !isStopword(next)) several = -1;
    }
    if (wh === 0 || (wh === 1 && isStopword(ws[0]))) {
      for (let k = ws.length - 1; k > wh + 1; k--) {
        if (!isStopword(ws[k])) {
          tail.add(foldDiacritics(ws[k]));
          tail.add(stem(foldDiacritics(ws[k])));
          break;
        }
      }
    }
  }
  for (let k = i; k >= 0 && k >= i - 1; k--) {
    if (!isStopword(ws[k]) || (lang === 'vi' && /^(bằng|cho|với|từ|ở|tại|về|vào)$/u.test(ws[k]))) {
      anchors.add(foldDiacritics(ws[k]));
      anchors.add(stem(foldDiacritics(ws[k])));
    }
  }
  return { anchors, tail, headNoun, several };
}

// ---------------------------------------------------------------------------------------------

const CONFIDENCE_BASE: Record<AnswerType, number> = { date: 0.85, number: 0.8, person: 0.7, place: 0.65, other: 0.4 };

/**
 * The shortest span of a quoted sentence that answers a question ("When does the event take place?" +
 * "The event runs from October 27 to 29, 2025 in Ninh Binh." → "October 27 to 29, 2025"), for English
 * and Vietnamese; null when the sentence holds nothing plausible (a date asked for and none written).
 *
 * Candidates are typed expressions (dates, quantities with their unit, runs of capitalized words, quoted
 * titles) and runs of the sentence's words that the question does not already say, cut at punctuation and
 * clause words. Each is scored by its fit to the kind of fact asked for, its closeness to the question's
 * words in the sentence (and to the words the question puts before its question word), and whether it is
 * a whole phrase. Confidence is lower for "what/which/why" answers, which are phrases rather than typed
 * facts. Pure and synchronous: a few hundred candidates per sentence, each scored in constant time.
 */
export function findAnswerSpan(question: string, sentence: string, lang: 'en' | 'vi', reading?: SpanReading): AnswerSpan | null {
  return findAnswerSpanWith(question, sentence, lang, DEFAULT_SPAN_WEIGHTS, reading);
}

/** What else the span finder knows of the question and the sentence than their texts. */
export interface SpanReading {
  /**
   * The sentence's language, when it is not the question's (a Vietnamese question about an English
   * article): the sentence is then read in its own language.
   */
  sentenceLang?: Lang;
  /**
   * The words the question was searched with, looked for in the sentence too: a follow-up's previous
   * question ("Where?" after "When does the Digital Week take place?"), a Vietnamese question's
   * glossary English.
   */
  searchedText?: string;
}

/** findAnswerSpan with its scoring weights given (for tuning). */
export function findAnswerSpanWith(question: string, sentence: string, questionLang: Lang, weights: SpanWeights, reading: SpanReading = {}): AnswerSpan | null {
  if (sentence.trim().length === 0 || question.trim().length === 0) return null;
  const type = answerTypeOf(question, questionLang);
  const lang = reading.sentenceLang ?? questionLang;
  const tokens = tokenize(sentence, lang);
  const terms = questionTerms(question, type);
  if (reading.searchedText) {
    const searched = questionTerms(reading.searchedText, type);
    searched.folded.forEach((f) => terms.folded.add(f));
    searched.stems.forEach((f) => terms.stems.add(f));
  }
  markQuestionWords(tokens, terms, questionNames(question).flat().filter((word) => word.length >= 4));
  const qPositions: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i].inQuestion) qPositions.push(i);

  const foldedQuestion = foldDiacritics(question.toLowerCase());
  const candidates: Candidate[] = [
    ...dateCandidates(sentence, tokens, question, foldedQuestion, lang),
    ...numberCandidates(sentence, tokens, question, foldedQuestion, lang),
    ...nameCandidates(tokens, lang),
    ...quoteCandidates(tokens),
    ...phraseCandidates(tokens, lang),
  ];
  if (candidates.length === 0) return null;

  const ctx: Context = { tokens, qPositions, type, lang, shape: questionShape(question, questionLang), sums: runningSums(tokens) };
  const scores = candidates.map((c) => score(c, ctx, weights));
  let bestAt = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[bestAt]) bestAt = i;
  const best = candidates[bestAt];
  const bestScore = scores[bestAt];
  if (!Number.isFinite(bestScore)) return null;
  // The runner-up is the best other span (the same span found twice is no rival).
  let second = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const c = candidates[i];
    if ((c.first !== best.first || c.last !== best.last) && scores[i] > second) second = scores[i];
  }
  const start = tokens[best.first].start;
  const lastToken = tokens[best.last];
  // "Hyper's" answers as "Hyper".
  const end = POSSESSIVE.test(lastToken.text) && lastToken.text.length > 2 ? lastToken.end - 2 : lastToken.end;
  const typed = type === 'other' ? best.kind !== 'phrase' : AFFINITY[type][best.kind] >= 0.5;
  // Nothing plausible: a date or a count asked for and none written; or a bare phrase with nothing of the question around it.
  if (!typed && (type === 'date' || type === 'number')) return null;
  if (!typed && qPositions.length === 0) return null;
  const margin = Number.isFinite(second) ? Math.min(1, Math.max(0, bestScore - second)) : 1;
  const base = typed ? CONFIDENCE_BASE[type] : CONFIDENCE_BASE.other * (type === 'other' ? 1 : 0.75);
  // A span that fits its kind poorly (a name cut short) is less sure, however far ahead of the others.
  const confidence = Math.min(0.95, base * (0.75 + 0.25 * margin) * (qPositions.length > 0 ? 1 : 0.7) * Math.min(1, best.fit));
  return { start, end, text: sentence.slice(start, end), confidence: Math.round(confidence * 100) / 100 };
}
