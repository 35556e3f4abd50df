import { describe, expect, it } from 'vitest';
import { answerTypeMatch, answerTypeOf } from '../../src/analysis/index.js';

describe('the kind of fact a question asks for', () => {
  it('reads Vietnamese question words', () => {
    expect(answerTypeOf('Ai là người sáng lập công ty?')).toBe('person');
    expect(answerTypeOf('Công ty được thành lập bởi ai?')).toBe('person');
    expect(answerTypeOf('Sự kiện diễn ra khi nào?')).toBe('date');
    expect(answerTypeOf('Ông sinh năm nào?')).toBe('date');
    expect(answerTypeOf('Hội nghị được tổ chức ở đâu?')).toBe('place');
    expect(answerTypeOf('Thủ đô của Úc là thành phố nào?')).toBe('place');
    expect(answerTypeOf('Có bao nhiêu đại biểu tham dự?')).toBe('number');
    expect(answerTypeOf('Vì sao dự án bị hoãn?')).toBe('other');
  });

  it('reads English question words', () => {
    expect(answerTypeOf('In what year was the treaty signed?')).toBe('date');
    expect(answerTypeOf('How long is the bridge?')).toBe('number');
    expect(answerTypeOf('Whose idea was it?')).toBe('person');
    expect(answerTypeOf('Which country hosted the games?')).toBe('place');
  });

  it('finds Vietnamese dates and numbers in a sentence, but not ones the question already says', () => {
    expect(answerTypeMatch('date', 'Hội nghị khai mạc ngày 14 tháng 1 năm 2025 tại Hà Nội.')).toBe(1);
    expect(answerTypeMatch('date', 'Ông sinh năm 1974 tại Mali.')).toBe(0.5);
    expect(answerTypeMatch('date', 'Ông sinh năm 1974 tại Mali.', 'Ông sinh năm 1974 ở đâu?')).toBe(0);
    expect(answerTypeMatch('number', 'Khoảng 800 đại biểu tham dự.')).toBe(1);
    expect(answerTypeMatch('place', 'Hội nghị diễn ra tại Ninh Bình.')).toBe(1);
    // Names that begin or end with a marked letter, where \b (ASCII letters only) sees no word boundary.
    expect(answerTypeMatch('person', 'Đỗ Mười là Tổng Bí thư.')).toBe(1);
    expect(answerTypeMatch('person', 'Đường phố mang tên Trần Phú')).toBe(1);
  });
});

describe('answerTypeOf: the first question word decides', () => {
  it('reads the kind of fact asked for from the first question word', () => {
    expect(answerTypeOf('What is lessened when people are with their dogs?', 'en')).toBe('other');
    expect(answerTypeOf('In what year was it declared?', 'en')).toBe('date');
    expect(answerTypeOf('Which journalist criticized the controls?', 'en')).toBe('person');
    expect(answerTypeOf('What was the value of the deal?', 'en')).toBe('number');
    expect(answerTypeOf('Công ty được thành lập năm nào?', 'vi')).toBe('date');
    expect(answerTypeOf('Công chúa cưới ai?', 'vi')).toBe('person');
    expect(answerTypeOf('Trụ sở ở thành phố nào?', 'vi')).toBe('place');
    expect(answerTypeOf('Có bao nhiêu người tham dự?', 'vi')).toBe('number');
    expect(answerTypeOf('Vì sao dự án bị hoãn?', 'vi')).toBe('other');
  });
});
