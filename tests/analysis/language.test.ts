import { describe, expect, it } from 'vitest';
import { answerTypeOf, detectLanguage, type AnswerType, type Lang } from '../../src/analysis/index.js';

const LANGUAGES: Array<[string, Lang]> = [
  // Vietnamese typed without its marks.
  ['Bao nhieu nguoi da den du le hoi?', 'vi'],
  ['Ai la chu tich cua cong ty nay?', 'vi'],
  ['Hoi nghi dien ra o dau?', 'vi'],
  ['Khi nao Viet Nam cong bo luat tri tue nhan tao?', 'vi'],
  ['Vinfast ban duoc bao nhieu xe?', 'vi'],
  // English about Vietnam, and short English whose words could be Vietnamese syllables.
  ['Who is Nguyen Phu Trong?', 'en'],
  ['What happened in Ha Noi and Da Nang?', 'en'],
  ['Can you tell me the time?', 'en'],
  ["They've been to Hue and Hoi An, then to Can Tho.", 'en'],
  ['Do you know him? I do, he came to tea.', 'en'],
  // English with an accented name, and short Vietnamese questions whose marks European names also use.
  ['Who is Beyoncé?', 'en'],
  ['Where did Pelé play football?', 'en'],
  ['Is José Mourinho still coaching?', 'en'],
  ['Pelé dies at 82', 'en'],
  ['Yanjmaa là ai?', 'vi'],
  ['Có các loài nào?', 'vi'],
  ['ai là ashly burch?', 'vi'],
  ['Varsano sinh ra khi nào?', 'vi'],
  ['Qix cao bao nhiêu?', 'vi'],
  // Vietnamese written with combining marks (NFD).
  ['Hội nghị diễn ra ở đâu?'.normalize('NFD'), 'vi'],
];

const UNMARKED_ANSWER_TYPES: Array<[string, AnswerType]> = [
  ['Hoi nghi dien ra o dau?', 'place'],
  ['Su kien dien ra khi nao?', 'date'],
  ['Co bao nhieu dai bieu tham du?', 'number'],
  ['Ai la nguoi sang lap cong ty?', 'person'],
  // Words that only look alike without marks: "máy bay" (an aeroplane) is not "mấy" (how many), "báo cáo"
  // (a report) is not "bao cao" (how tall), "đầu tiên" (first) is not "đâu" (where).
  ['May bay roi xuong o dau?', 'place'],
  ['Bao cao nay duoc cong bo khi nao?', 'date'],
  ['Phim dau tien cua co ay la gi?', 'other'],
];

describe('the language of a text', () => {
  it.each(LANGUAGES)('reads %j as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('the kind of fact a Vietnamese question typed without marks asks for', () => {
  it.each(UNMARKED_ANSWER_TYPES)('reads %j as asking for a %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});
