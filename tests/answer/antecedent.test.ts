import { describe, expect, it } from 'vitest';
import { committedAnswerModel, ExtractiveAnswerer } from '../../src/answer/index.js';
import { literalTerms } from '../../src/retrieve/index.js';
import { constantEmbedder, retrievalOf, retrievedPassage } from '../helpers/retrieval.js';

// The answerer's quoting is under test: vectors are a constant stand-in, the answer model the committed one.
const statistics = { idf: () => 2, knows: () => true };

const retrieval = (question: string, lang: 'en' | 'vi', text: string) => retrievalOf([retrievedPassage(0, lang, text, 'Festival news')], lang, question, literalTerms(question));

const answer = (question: string, lang: 'en' | 'vi', text: string) =>
  new ExtractiveAnswerer(constantEmbedder, statistics, committedAnswerModel()).answer(question, retrieval(question, lang, text));

describe('a quoted sentence that opens on a pronoun', () => {
  it('is quoted with the sentence before it, which says who', async () => {
    const text = 'The jury met on Friday in the old town hall. Actress Maria Lopez arrived at the festival on Monday. She later gave a speech criticising the festival organisers over ticket prices.';
    const result = await answer('Which actress gave a speech criticising the festival organisers?', 'en', text);
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/^Actress Maria Lopez arrived .* She later gave a speech/);
    expect(result.citations[0].quote).toBe('Actress Maria Lopez arrived at the festival on Monday. She later gave a speech criticising the festival organisers over ticket prices.');
  });

  it('in Vietnamese too ("Ông cho biết …"), but not when a name follows the title ("Ông Nguyễn Văn Nam …")', async () => {
    const text = 'Hội nghị diễn ra tại Hà Nội trong hai ngày. Bộ trưởng Lê Văn Nam phát biểu khai mạc hội nghị. Ông cho biết ngân sách cho giáo dục sẽ tăng 10% vào năm tới.';
    const result = await answer('Ngân sách cho giáo dục sẽ tăng bao nhiêu vào năm tới?', 'vi', text);
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/^Bộ trưởng Lê Văn Nam phát biểu khai mạc hội nghị\. \[1\] Ông cho biết/);
    const named = await answer('Ai cho biết ngân sách cho giáo dục sẽ tăng?', 'vi', 'Hội nghị diễn ra tại Hà Nội trong hai ngày. Ông Lê Văn Nam cho biết ngân sách cho giáo dục sẽ tăng 10% vào năm tới.');
    expect(named.answer).toMatch(/^Ông Lê Văn Nam cho biết/);
  });
});
