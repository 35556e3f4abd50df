import { describe, expect, it } from 'vitest';
import { buildQueryContext, type AnswerTerm } from '../../src/retrieve/index.js';

const wordsOf = (terms: AnswerTerm[]) => terms.flatMap((t) => t.forms.flat());
import { fuseRanks, jaccard } from '../../src/retrieve/fusion.js';

describe('what a question searches for', () => {
  it('borrows the previous user question for a follow-up', () => {
    const context = buildQueryContext('When was it signed?', [
      { role: 'user', content: 'What is the Hanoi Convention against Cybercrime?' },
      { role: 'assistant', content: 'It is a UN convention.' },
    ]);
    expect(context.lexicalText).toContain('Hanoi Convention against Cybercrime');
    expect(buildQueryContext('What is the population of Vietnam according to the workshop?', [{ role: 'user', content: 'Something else' }]).lexicalText).not.toContain('Something else');
    expect(buildQueryContext('What about Hanoi?', [{ role: 'user', content: 'Which city hosts the forum' }]).lexicalText).toContain('Which city hosts the forum');
    expect(buildQueryContext('What is the capital of Australia?', [{ role: 'user', content: 'And who attended it?' }]).lexicalText).not.toContain('attended');
  });

  it('reads Vietnamese pronouns and short questions as follow-ups', () => {
    const history = [
      { role: 'user' as const, content: 'Gal Gadot đoạt giải Hoa hậu Israel năm nào?' },
      { role: 'assistant' as const, content: 'Năm 2004 cô đoạt giải Hoa hậu Israel. [1]', docIds: ['gadot.txt'] },
    ];
    for (const q of ['Cô ấy sinh ra ở đâu?', 'Năm 2016 cô ấy đóng vai gì?', 'Họ có mấy người con?', 'Cuốn sách đó xuất bản năm nào?', 'Phối hợp với cơ quan nào?']) {
      expect(buildQueryContext(q, history).isFollowUp, q).toBe(true);
    }
    expect(buildQueryContext('Thủ đô của Úc là thành phố nào?', history).isFollowUp).toBe(false);
    expect(buildQueryContext('Cô ấy sinh ra ở đâu?', history).previousAnswer?.docIds).toEqual(['gadot.txt']);
  });

  it('answers "What about X?" on X, searching with the previous question too', () => {
    const history = [{ role: 'user' as const, content: 'What share of the population has broadband access?' }];
    const context = buildQueryContext('What about fiber-optic connections?', history);
    expect(context.lexicalText).toContain('broadband');
    expect(wordsOf(context.answerTerms)).toContain('fiber-optic');
    expect(wordsOf(context.answerTerms)).not.toContain('broadband');
    // A bare follow-up is answered on the previous question's words too.
    expect(wordsOf(buildQueryContext('Where?', history).answerTerms)).toContain('broadband');
  });

  it('detects Vietnamese and expands it with English glossary terms', () => {
    const context = buildQueryContext('Trí tuệ nhân tạo và chuyển đổi số ở Việt Nam');
    expect(context.lang).toBe('vi');
    expect(context.lexicalText).toMatch(/artificial intelligence/);
    expect(context.lexicalText).toMatch(/digital transformation/);
    expect(wordsOf(context.answerTerms)).toEqual(expect.arrayContaining(['artificial', 'intelligence', 'digital', 'transformation', 'vietnam']));
  });

  it('leaves Vietnamese function words out of what an answer must mention', () => {
    const context = buildQueryContext('Bao nhiêu quốc gia thành viên Liên Hợp Quốc đồng ý tạo cơ chế bao trùm về AI?');
    expect(wordsOf(context.answerTerms)).not.toEqual(expect.arrayContaining(['nhieu']));
    expect(wordsOf(context.answerTerms)).not.toEqual(expect.arrayContaining(['ve']));
    expect(wordsOf(context.answerTerms)).toEqual(expect.arrayContaining(['member', 'agreed', 'mechanisms']));
  });

  it('keeps the words whose unmarked spelling is a function word ("Nhật" and "nhất", "đầu tư" and "đâu")', () => {
    const terms = wordsOf(buildQueryContext('Người Nhật đầu tư bao nhiêu vào thị trường máy bay?').answerTerms);
    expect(terms).toEqual(expect.arrayContaining(['nhat', 'dau', 'tu', 'thi', 'may', 'bay']));
    expect(terms).not.toEqual(expect.arrayContaining(['nhieu']));
    // Typed without marks, "nhat" may be "nhất" (most) as well as "Nhật": function words go by their unmarked form.
    expect(wordsOf(buildQueryContext('Bao nhieu nguoi den?').answerTerms)).not.toEqual(expect.arrayContaining(['nhieu']));
  });

  it('lists the names a question uses, but not its capitalized first word', () => {
    expect(buildQueryContext('What is the capital of France?').names).toEqual([['france']]);
    expect(buildQueryContext('Which company makes the iPhone?').names).toEqual([['iphone']]);
    expect(buildQueryContext('What did Antonio Guterres say about Viet Nam?').names).toEqual([
      ['antonio', 'guterres'],
      ['viet', 'nam'],
    ]);
    expect(buildQueryContext('When was the AI law passed?').names).toEqual([['ai']]);
    expect(buildQueryContext('how will ai change jobs?').names).toEqual([]);
    expect(buildQueryContext('Bộ trưởng Nguyễn Mạnh Hùng gặp ai?').names).toEqual([['nguyen', 'manh', 'hung']]);
  });

  it('does not look for the "many" of "how many" in the answer', () => {
    const context = buildQueryContext('How many digital technology companies does Vietnam have?');
    expect(wordsOf(context.answerTerms)).toEqual(['digital', 'technology', 'companies', 'vietnam']);
    expect(context.lexicalText).not.toMatch(/many/);
  });

  it('notices questions about the latest news', () => {
    expect(buildQueryContext('What is the latest on the AI law?').wantsLatest).toBe(true);
    expect(buildQueryContext('What is the AI law?').wantsLatest).toBe(false);
    expect(buildQueryContext('Tin mới nhất về Luật AI là gì?').wantsLatest).toBe(true);
    // Typed without marks, as read by the pattern's folded form.
    expect(buildQueryContext('Tin moi nhat ve Luat AI la gi?').wantsLatest).toBe(true);
  });
});

describe('weighted reciprocal-rank fusion', () => {
  it('adds weight / (k + rank) per ranker and skips rankers with no weight', () => {
    const scores = fuseRanks(
      [
        { weight: 1, ranked: [{ id: 'a', rank: 1 }, { id: 'b', rank: 2 }] },
        { weight: 0.5, ranked: [{ id: 'b', rank: 1 }] },
        { weight: 0, ranked: [{ id: 'c', rank: 1 }] },
      ],
      5,
    );
    expect(scores.get('a')).toBeCloseTo(1 / 6);
    expect(scores.get('b')).toBeCloseTo(1 / 7 + 0.5 / 6);
    expect(scores.has('c')).toBe(false);
  });

  it('measures word-set overlap for near-duplicate removal', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
  });
});
