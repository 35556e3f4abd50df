import { describe, expect, it } from 'vitest';
import { answerTypeOf, detectLanguage } from '../../src/analysis/index.js';

describe('the language of a text', () => {
  it('reads Vietnamese typed without its marks as Vietnamese', () => {
    expect(detectLanguage('Bao nhieu nguoi da den du le hoi?')).toBe('vi');
    expect(detectLanguage('Ai la chu tich cua cong ty nay?')).toBe('vi');
    expect(detectLanguage('Hoi nghi dien ra o dau?')).toBe('vi');
    expect(detectLanguage('Khi nao Viet Nam cong bo luat tri tue nhan tao?')).toBe('vi');
    expect(detectLanguage('Vinfast ban duoc bao nhieu xe?')).toBe('vi');
  });

  it('keeps English about Vietnam, and short English, English', () => {
    expect(detectLanguage('Who is Nguyen Phu Trong?')).toBe('en');
    expect(detectLanguage('What happened in Ha Noi and Da Nang?')).toBe('en');
    expect(detectLanguage('Can you tell me the time?')).toBe('en');
    expect(detectLanguage("They've been to Hue and Hoi An, then to Can Tho.")).toBe('en');
    expect(detectLanguage('Do you know him? I do, he came to tea.')).toBe('en');
  });

  it('reads Vietnamese written with combining marks (NFD) as Vietnamese', () => {
    expect(detectLanguage('Hội nghị diễn ra ở đâu?'.normalize('NFD'))).toBe('vi');
  });
});

describe('the kind of fact a Vietnamese question typed without marks asks for', () => {
  it('reads its question words', () => {
    expect(answerTypeOf('Hoi nghi dien ra o dau?')).toBe('place');
    expect(answerTypeOf('Su kien dien ra khi nao?')).toBe('date');
    expect(answerTypeOf('Co bao nhieu dai bieu tham du?')).toBe('number');
    expect(answerTypeOf('Ai la nguoi sang lap cong ty?')).toBe('person');
  });

  it('does not read words that only look alike without marks as question words', () => {
    // "máy bay" (an aeroplane) is not "mấy" (how many); "báo cáo" (a report) is not "bao cao" (how tall); "đầu tiên" (first) is not "đâu" (where).
    expect(answerTypeOf('May bay roi xuong o dau?')).toBe('place');
    expect(answerTypeOf('Bao cao nay duoc cong bo khi nao?')).toBe('date');
    expect(answerTypeOf('Phim dau tien cua co ay la gi?')).toBe('other');
  });
});
