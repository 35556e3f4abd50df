import { describe, expect, it } from 'vitest';
import { questionNames } from '../../src/analysis/index.js';

describe('the names a question uses', () => {
  it('reads runs of capitalized words, folded, past the capital a sentence starts with', () => {
    expect(questionNames('When did Antonio Guterres visit Hanoi?')).toEqual([['antonio', 'guterres'], ['hanoi']]);
    expect(questionNames('What is the capital of France?')).toEqual([['france']]);
    expect(questionNames('Did Apple release the iPhone?')).toEqual([['apple'], ['iphone']]);
  });

  it('keeps a name that starts the question when its next word is capitalized too', () => {
    expect(questionNames('Antonio Guterres said what?')).toEqual([['antonio', 'guterres']]);
    expect(questionNames('Việt Nam cần xây dựng trung tâm siêu máy tính ở cấp nào?')).toEqual([['viet', 'nam']]);
    expect(questionNames('Lý Quang Diệu tuyên bố điều gì?')).toEqual([['ly', 'quang', 'dieu']]);
  });

  it('finds none in a question without capitalized words past its first', () => {
    expect(questionNames('Who won the election?')).toEqual([]);
    expect(questionNames('Bộ phim được phát hành khi nào?')).toEqual([]);
  });
});
