/** What kind of fact a question asks for, from its wording (English and Vietnamese). */
export type AnswerType = 'date' | 'number' | 'person' | 'place' | 'other';

const DATE_QUESTION = /\b(when|what date|which date|what day|what year|which year|what century|which century|what decade|how long ago)\b|khi nào|ngày nào|năm nào|tháng nào|thế kỷ nào|thập kỷ nào|bao giờ|lúc nào|thời gian nào|thời điểm nào|vào năm|từ năm nào/u;
const NUMBER_QUESTION = /\b(how many|how much|what percentage|what percent|what share|what proportion|how large|how big|how long|how old|how far|how tall|how high|what number|what amount)\b|bao nhiêu|mấy|tỷ lệ|bao lâu|bao xa|bao cao/u;
const PERSON_QUESTION = /\b(who|whom|whose)\b|^ai\b|\bai (là|đã|sẽ|được|có)\b|\b(là|bởi|của|với|cho) ai\b|là ai|người nào|ai\s*\?$/u;
const PLACE_QUESTION = /\b(where|which city|which province|which country|what city|what country|what region|what state|which state|what continent)\b|ở đâu|tại đâu|nơi nào|đâu\s*\?$|thành phố nào|tỉnh nào|quốc gia nào|nước nào|vùng nào|khu vực nào/u;

export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase().trim();
  if (DATE_QUESTION.test(q)) return 'date';
  if (NUMBER_QUESTION.test(q)) return 'number';
  if (PERSON_QUESTION.test(q)) return 'person';
  if (PLACE_QUESTION.test(q)) return 'place';
  return 'other';
}

const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|\btháng\s+(\d{1,2}|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b/iu;
const YEAR = /\b(1[0-9]|20)\d{2}\b|\b(thế kỷ|thập niên|thập kỷ)\s+\S+/u;
const NAME = /\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3}\b/u;
const PLACE = /\b(in|at|from|near)\s+(the\s+)?\p{Lu}|\b(ở|tại|đến|từ)\s+\p{Lu}/u;

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
