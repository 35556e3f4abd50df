import { describe, expect, it } from 'vitest';
import { answerTypeMatch, answerTypeOf, notAnsweredText, termCoverage, weighTerms } from '../../src/answer/index.js';
import { buildQueryContext, literalTerms } from '../../src/retrieve/index.js';

describe('answer types', () => {
  it('reads what kind of fact a question asks for, in English and Vietnamese', () => {
    expect(answerTypeOf('When does the event take place?')).toBe('date');
    expect(answerTypeOf('Sự kiện diễn ra khi nào?')).toBe('date');
    expect(answerTypeOf('How many delegates attended?')).toBe('number');
    expect(answerTypeOf('Bao nhiêu đại biểu tham dự?')).toBe('number');
    expect(answerTypeOf('Who chairs the committee?')).toBe('person');
    expect(answerTypeOf('Where was it held?')).toBe('place');
    expect(answerTypeOf('What is the AI Manifesto?')).toBe('other');
  });

  it('prefers a stated day over a year the question already names', () => {
    const q = 'When does Digital Week 2025 take place?';
    expect(answerTypeMatch('date', 'It runs from October 27 to 29, 2025.', q)).toBe(1);
    expect(answerTypeMatch('date', 'Digital Week 2025 opened this morning.', q)).toBe(0);
    expect(answerTypeMatch('date', 'It was first held in 2019.', q)).toBe(0.5);
    expect(answerTypeMatch('number', 'Around 800 delegates attended.', 'How many delegates?')).toBe(1);
  });
});

describe('term coverage', () => {
  const coverage = (question: string, sentence: string, idf: (t: string) => number = () => 1) => termCoverage(weighTerms(literalTerms(question), idf), sentence);

  it('is the IDF-weighted share of question terms in the sentence', () => {
    const idf = (t: string) => ({ capital: 3, australia: 1 })[t] ?? 1;
    expect(coverage('capital Australia', 'The capital of Australia is Canberra.', idf)).toBe(1);
    expect(coverage('capital Australia', 'Australia sent ministers.', idf)).toBeCloseTo(0.25);
    expect(coverage('', 'anything')).toBe(0);
  });

  it('matches inflected forms and possessives: "firms" meets "firm", "Vietnam\'s" meets "Vietnam"', () => {
    expect(coverage('firms decisions', 'Each firm makes its own decision.')).toBe(1);
    expect(coverage('vietnam economy', "Vietnam's economy grew.")).toBe(1);
    expect(coverage('firms', 'The farm grew.')).toBe(0);
  });

  it('counts a Vietnamese phrase as said by any one of its English renderings, not by all of them', () => {
    const terms = weighTerms(buildQueryContext('Tuần lễ Số quốc tế diễn ra ở tỉnh nào?').answerTerms, () => 1);
    expect(termCoverage(terms, 'The International Digital Week was held in Ninh Binh Province.')).toBe(1);
    expect(termCoverage(terms, 'The International Digital Week takes place in Ninh Binh Province.')).toBe(1);
    expect(termCoverage(terms, 'The International Digital Week opened.')).toBeLessThan(0.75);
  });
});

describe('the "not in the articles" message', () => {
  it('speaks the question’s language and references the related passages', () => {
    expect(notAnsweredText('en', '[1], [2]')).toBe('The articles do not contain an answer to this question. The closest passages are [1], [2].');
    expect(notAnsweredText('vi', '')).toBe('Các bài báo không chứa câu trả lời cho câu hỏi này.');
  });
});
