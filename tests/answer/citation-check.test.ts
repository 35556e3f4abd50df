import { describe, expect, it } from 'vitest';
import { answerSentences, checkCitations, citedNumbers, namesIn, numbersIn, supportOf } from '../../src/answer/index.js';
import { corpusPassages, loadSupportSet, scoreSupport } from '../../bench/citations/support-set.js';
import { SEED_CORPUS, testConfig } from '../helpers/fixtures.js';

const PASSAGES = [
  { n: 1, title: 'Vietnam International Digital Week 2025 opens', text: 'The Vietnam International Digital Week 2025 officially opened in Ninh Binh Province this morning. The event, hosted by the Ministry of Science and Technology (MOST), runs from October 27 to 29, 2025. The annual international event gathers around 800 delegates.' },
  { n: 2, title: 'Vietnam, UN boost cooperation', text: 'Minister Nguyen Manh Hung met on January 14 with Amandeep Singh Gill, UN Under-Secretary-General, to discuss cooperation priorities.' },
];

describe('the citation check', () => {
  it('reads markers at the end of each sentence, in every usual form', () => {
    expect(answerSentences('It runs from October 27 [1]. About 800 delegates attend. [1][2]\n- Gill met Hung [2].')).toEqual(['It runs from October 27 [1].', 'About 800 delegates attend. [1][2]', 'Gill met Hung [2].']);
    expect(citedNumbers('x [1, 3] y [2][3] z [4-5]')).toEqual([1, 3, 2, 4, 5]);
  });

  it('normalizes numbers and finds names', () => {
    expect(numbersIn('1,200 people, 40% and 1.5 million; the 6th; ten; October')).toEqual(new Set(['1200', '40', '1.5', '1500000', '6', '10']));
    expect(namesIn('The event in Ninh Binh was opened by Minister Nguyễn Mạnh Hùng.')).toEqual(['ninh', 'binh', 'minister', 'nguyen', 'manh', 'hung']);
  });

  it('keeps supported sentences and flags a missing passage, a wrong passage, an invented number or name, and an uncited sentence', () => {
    const check = checkCitations(
      [
        'The event runs from October 27 to 29, 2025 in Ninh Binh Province [1].',
        'Around 800 delegates attend the annual event [7].',
        'Minister Nguyen Manh Hung met Amandeep Singh Gill on January 14 [1].',
        'The annual event gathers around 900 delegates [1].',
        'Samsung hosted the event [1].',
        'It was a great success.',
      ].join(' '),
      PASSAGES,
    );
    expect(check.sentences.map((s) => s.supported)).toEqual([true, false, false, false, false, false]);
    expect(check.missingCitations).toEqual([7]);
    expect(check.sentences.map((s) => s.problems[0]?.kind)).toEqual([undefined, 'missing-passage', 'number', 'number', 'name', 'no-citation']);
    expect(check).toMatchObject({ supported: 1, unsupported: 5 });
  });

  it('checks a sentence against all the passages it cites together', () => {
    const [sentence] = checkCitations('Amandeep Singh Gill met the minister on January 14, and around 800 delegates attend the event [1][2].', PASSAGES).sentences;
    expect(sentence).toMatchObject({ supported: true, citations: [1, 2] });
  });

  it('compares only numbers when the answer is in another language than the passage', () => {
    expect(supportOf('Sự kiện diễn ra từ ngày 27 đến 29 tháng 10 năm 2025.', [PASSAGES[0]])).toMatchObject({ supported: true, crossLanguage: true });
    expect(supportOf('Sự kiện có khoảng 900 đại biểu.', [PASSAGES[0]])).toMatchObject({ supported: false, crossLanguage: true });
  });

  it('keeps its measured precision and recall on the labelled set (npm run bench:citations)', async () => {
    const config = testConfig();
    const score = scoreSupport(await loadSupportSet(), await corpusPassages(SEED_CORPUS, config.chunking));
    expect(score.items).toBeGreaterThanOrEqual(60);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
