import { detectLanguage, type Lang } from './language.js';
import { QuestionPattern } from './question-pattern.js';
import { foldDiacritics } from './text-folding.js';

/** What kind of fact a question asks for, from its wording (English and Vietnamese). */
export type AnswerType = 'date' | 'number' | 'person' | 'place' | 'other';

const VI_PLACE_NOUNS = '(quốc gia|nước|thành phố|tỉnh|thủ đô|vùng|khu vực|châu lục|địa điểm|làng|huyện|bang|hòn đảo|đảo|thị trấn|lục địa) nào';
// Without marks "đâu" is also "đầu" and "đấu" ("ban dau", "dau tien", "chien dau"): only "o dau", "tu dau", … and a final "dau?" are read.
const VI_PLACE = new QuestionPattern(
  new RegExp(`(ở|tại|từ) đâu|(?<![\\p{L}\\p{N}])đâu(?![\\p{L}\\p{N}])|nơi nào|chỗ nào|(?<![\\p{L}\\p{N}])${VI_PLACE_NOUNS}`, 'u'),
  new RegExp(`(?<![\\p{L}\\p{N}])(o|tai|tu|den|ve|di) dau(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])dau\\s*\\?*\\s*$|noi nao|(?<![\\p{L}\\p{N}])${foldDiacritics(VI_PLACE_NOUNS)}`, 'u'),
);
const VI_DATE = new QuestionPattern(/khi nào|bao giờ|lúc nào|(?<![\p{L}\p{N}])(năm|ngày|tháng|thế kỷ|thập niên|thập kỷ|thời điểm|thời gian|mùa|giai đoạn|thời kỳ) nào|năm bao nhiêu|năm mấy|từ năm nào|vào năm/u);
const VI_AGE = new QuestionPattern(/bao nhiêu tuổi/u);
const VI_NUMBER_WORDS = /bao nhiêu|(?<![\p{L}\p{N}])mấy(?![\p{L}\p{N}])|tỷ lệ|bao (xa|lâu|lớn|cao|dài|rộng|sâu)/u;
// Without marks "mấy" is also "máy" (a machine: "máy bay", an aeroplane) and "bao cao" is "báo cáo" (a report): those are not read.
const VI_NUMBER = new QuestionPattern(VI_NUMBER_WORDS, /bao nhieu|ty le|bao (xa|lau|lon|rong|sau)(?![\p{L}\p{N}])/u);
const VI_PERSON = new QuestionPattern(/(^|\s)ai(\s|\?|$)|(?<![\p{L}\p{N}])(người|nhân vật|vị vua|vua|ông|bà|cầu thủ|ca sĩ|diễn viên|tác giả|nhà văn) nào/u);

const EN_DATE = /\b(when|what (date|day|year|month|century|decade|era|season|time)|which (date|day|year|month|century|decade)|in what (year|month|century|decade)|how long ago)\b/u;
const MEASURE_NOUNS = 'value|revenue|revenues|cost|price|population|budget|income|salary|total|amount|size|area|length|height|weight|distance|rate|speed|temperature|capacity|sum|figure|score|profit|count|depth|width|volume|worth|debt|gdp';
const EN_NUMBER = new RegExp(
  `\\b(how (many|much|old|long|far|big|large|tall|high|deep|wide|often|fast)|what (percentage|percent|share|proportion|number|amount|fraction)|by how much)\\b|\\bwhat (${MEASURE_NOUNS})\\b|\\b(what|which) (is|was|were|are) (the )?([\\w']+ ){0,2}(${MEASURE_NOUNS})\\b`,
  'u',
);
const PERSON_NOUNS =
  'person|man|woman|men|women|people|king|queen|prince|princess|president|emperor|pope|saint|artist|singer|actor|actress|author|writer|composer|player|journalist|critic|scientist|architect|designer|director|producer|leader|general|musician|poet|painter|philosopher|character|explorer|inventor|ruler|minister|official|politician|coach|manager|founder|owner|member|teacher|student|bishop|cardinal|priest|monarch|duke|reviewer|historian|economist|engineer|physicist|chemist|mathematician|sculptor|novelist|editor|host|rapper|dancer|athlete|wife|husband|son|daughter|father|mother|brother|sister';
const EN_PERSON = new RegExp(`\\b(who|whom|whose)\\b|\\b(what|which) ([a-z-]+ ){0,2}(${PERSON_NOUNS})\\b`, 'u');
const EN_PLACE =
  /\b(where|(what|which) ([a-z-]+ ){0,2}(city|country|province|state|nation|continent|region|town|village|island|place|location|county|area|district|street|river|mountain|building|venue|stadium|capital|port|territory|site|neighborhood|borough|kingdom|empire))\b/u;
const EN_OTHER = /\b(what|which|why|how)\b/u;

const EN_TYPES: ReadonlyArray<[AnswerType, RegExp]> = [
  ['date', EN_DATE],
  ['number', EN_NUMBER],
  ['person', EN_PERSON],
  ['place', EN_PLACE],
];

/**
 * The kind of fact a question asks for. In English the first question word decides ("What is lessened when …"
 * asks for a thing, not a time); "which journalist" asks for a person, "what was the revenue" for a number.
 */
export function answerTypeOf(question: string, lang: Lang = detectLanguage(question)): AnswerType {
  const q = question.toLowerCase().normalize('NFC').trim();
  if (lang === 'vi') {
    if (VI_AGE.test(q, lang)) return 'number';
    if (VI_DATE.test(q, lang)) return 'date';
    if (VI_NUMBER.test(q, lang)) return 'number';
    if (VI_PERSON.test(q, lang)) return 'person';
    if (VI_PLACE.test(q, lang)) return 'place';
    return 'other';
  }
  let type: AnswerType = 'other';
  let at = EN_OTHER.exec(q)?.index ?? Infinity;
  for (const [kind, pattern] of EN_TYPES) {
    const found = pattern.exec(q)?.index ?? Infinity;
    if (found < at || (found === at && type === 'other' && found !== Infinity)) {
      type = kind;
      at = found;
    }
  }
  return type;
}

const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|(?<![\p{L}\p{N}])tháng\s+(\d{1,2}|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\p{N}])/iu;
const YEAR = /\b(1[0-9]|20)\d{2}\b|\b(thế kỷ|thập niên|thập kỷ)\s+\S+/u;
const NAME = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3}(?![\p{L}\p{N}])/u;
const PLACE = /\b(in|at|from|near)\s+(the\s+)?\p{Lu}|(?<![\p{L}\p{N}])(ở|tại|đến|từ)\s+\p{Lu}/u;

const FULL_DATE =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\b|\b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\bngày\s+\d{1,2}(\s*(tháng|\/)\s*\d{1,2})?/iu;

/** 1 when the sentence contains the kind of fact asked for (for dates: a day; 0.5 for a month or year alone), else 0. */
export function answerTypeMatch(type: AnswerType, sentence: string, question = ''): number {
  const lowerQuestion = question.toLowerCase();
  const novel = (pattern: RegExp) => [...sentence.matchAll(new RegExp(pattern.source, 'giu'))].some((m) => !lowerQuestion.includes(m[0].toLowerCase()));
  switch (type) {
    case 'date':
      if (FULL_DATE.test(sentence) && novel(FULL_DATE)) return 1;
      return novel(MONTH) || novel(YEAR) ? 0.5 : 0;
    case 'number':
      return novel(/\d+(?:[.,]\d+)*%?/) ? 1 : 0;
    case 'person':
      return NAME.test(sentence) ? 1 : 0;
    case 'place':
      return PLACE.test(sentence) ? 1 : 0;
    default:
      return 0;
  }
}
