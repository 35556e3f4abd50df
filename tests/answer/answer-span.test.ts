import { describe, expect, it } from 'vitest';
import { findAnswerSpan } from '../../src/answer/answer-span.js';

const span = (question: string, sentence: string, lang: 'en' | 'vi' = 'en') => findAnswerSpan(question, sentence, lang)?.text ?? null;

describe('findAnswerSpan: dates', () => {
  it('finds a date range in an English sentence, not the year the question already names', () => {
    expect(span('When does Vietnam International Digital Week 2025 take place?', 'The event runs from October 27 to 29, 2025 in Ninh Binh.')).toBe('October 27 to 29, 2025');
    expect(span('When was the law passed?', 'The law was passed in 1990 after years of debate.')).toBe('1990');
    expect(span('In what year did the company move to Hanoi?', 'The company, founded in March 1998, moved to Hanoi in May 2004.')).toBe('2004');
  });

  it('finds Vietnamese dates: "ngày … tháng … năm …", "năm 1990", "tháng 5"', () => {
    expect(span('Nghị định có hiệu lực khi nào?', 'Nghị định có hiệu lực từ ngày 14 tháng 1 năm 2025.', 'vi')).toBe('ngày 14 tháng 1 năm 2025');
    // Asked for the year, the year alone; asked "when", the whole expression.
    expect(span('Ông sinh năm nào?', 'Ông sinh năm 1990 tại Hà Nội.', 'vi')).toBe('1990');
    expect(span('Ông sinh khi nào?', 'Ông sinh năm 1990 tại Hà Nội.', 'vi')).toBe('năm 1990');
    expect(span('Công trình khởi công khi nào?', 'Công trình được khởi công vào tháng 5 năm 2023 và dự kiến hoàn thành năm 2026.', 'vi')).toBe('tháng 5 năm 2023');
    expect(span('Phật giáo du nhập vào thời điểm nào?', 'Phật giáo du nhập vào đầu thế kỷ II.', 'vi')).toBe('đầu thế kỷ II');
  });

  it('answers "which year" with the year of a full date, read where the whole date stands', () => {
    expect(span('Nguyễn Văn An sinh năm nào?', 'Nguyễn Văn An (sinh ngày 12 tháng 3 năm 1961) là một nhà thơ.', 'vi')).toBe('1961');
  });

  it('answers a question about a death with the date of the death, not of the birth', () => {
    const life = 'Nguyễn Văn An (sinh ngày 12 tháng 3 năm 1961 – mất ngày 4 tháng 9 năm 2019) là một nhà thơ.';
    expect(span('Nguyễn Văn An qua đời năm nào?', life, 'vi')).toBe('2019');
    expect(span('Nguyễn Văn An sinh năm nào?', life, 'vi')).toBe('1961');
    expect(span('Nguyễn Văn An mất khi nào?', 'Nguyễn Văn An (12 tháng 3 năm 1961 – 4 tháng 9 năm 2019) là một nhà thơ.', 'vi')).toBe('4 tháng 9 năm 2019');
    expect(span('When did Maria Lopez die?', 'Maria Lopez (May 2, 1930 – June 9, 2004) was a Mexican painter.')).toBe('June 9, 2004');
  });

  it('returns null when a date is asked for and the sentence gives none', () => {
    expect(findAnswerSpan('When will the bridge open?', 'The bridge is being built by a local contractor.', 'en')).toBeNull();
  });
});

describe('findAnswerSpan: numbers', () => {
  it('keeps the unit the question counts in English; in Vietnamese gives the number, never half a word of its unit', () => {
    expect(span('How many delegates attended the conference?', 'Around 800 delegates attended the conference in Hanoi.')).toBe('800 delegates');
    expect(span('Bao nhiêu ngày mùa đông dưới 0 độ?', 'Tại các vùng lạnh nhất nhiệt độ ở mức dưới không trong khoảng 40 ngày mùa đông.', 'vi')).toBe('40');
    // "công dân" (citizen) is one word of two syllables: "12 công" would cut it.
    expect(span('Cảnh sát bắt giữ bao nhiêu công dân Hàn Quốc?', 'Tuần trước, cảnh sát đã bắt giữ 12 công dân Hàn Quốc tại sân bay.', 'vi')).toBe('12');
  });

  it('finds percentages and money', () => {
    expect(span('What percentage of households have broadband?', 'About 85% of households now have broadband access, the ministry said.')).toBe('85%');
    expect(span('Tỷ lệ hộ gia đình có internet là bao nhiêu?', 'Tỷ lệ hộ gia đình có internet đạt 78,5% vào cuối năm.', 'vi')).toBe('78,5%');
    expect(span('How much did the company invest?', 'The company invested $2.5 billion in the new plant.')).toBe('$2.5 billion');
  });

  it('reads newswire numbers ("4.5 mln", "37 pct"), and counts shares, not a percentage of them', () => {
    const sentence = 'Teck Corp agreed to buy 4.5 mln Nordic common shares, which would raise its stake in Nordic to 37 pct from 29 pct.';
    expect(span('How many Nordic shares will Teck buy?', sentence)).toBe('4.5 mln');
    expect(span('What percentage of Nordic will Teck own?', sentence)).toBe('37 pct');
  });

  it('says a measure with its unit', () => {
    expect(span('How long did the filming take?', 'The filming took 128 days across four countries.')).toBe('128 days');
    expect(span('How many square miles does the city cover?', 'The city covers 468.9 square miles, of which 164.1 are water.')).toBe('468.9 square miles');
  });

  it('does not answer with a number the question already says', () => {
    expect(span('How many people visited in 2024?', 'In 2024, some 12,000 people visited the museum.')).toBe('12,000 people');
  });
});

describe('findAnswerSpan: people and places', () => {
  it('finds a person name (English and Vietnamese capitalized syllables)', () => {
    expect(span('Who chairs the committee?', 'The committee is chaired by Deputy Prime Minister Nguyen Chi Dung.')).toContain('Nguyen Chi Dung');
    expect(span('Ai là Bộ trưởng Bộ Khoa học và Công nghệ?', 'Bộ trưởng Bộ Khoa học và Công nghệ Nguyễn Mạnh Hùng phát biểu tại hội nghị.', 'vi')).toBe('Nguyễn Mạnh Hùng');
    expect(span('Who was cast as the villain?', 'Alessandro Cremona was cast as the villain in the film.')).toBe('Alessandro Cremona');
  });

  it('does not answer with a company suffix ("Co") for a person', () => {
    expect(span('Who is the chairman of Phillips Petroleum?', 'Phillips Petroleum Co chairman Pete Silas said the company will cut its debt.')).toBe('Pete Silas');
  });

  it('is unsure of a lone capital a lower-case syllable goes on from ("Quốc" of "Bộ Quốc phòng"), not of a name before its verb', () => {
    const question = 'Ai chỉ đạo bộ đội đặc công trong buổi diễn tập?';
    const cut = findAnswerSpan(question, 'Cuộc diễn tập giúp thủ trưởng Bộ Quốc phòng đánh giá lực lượng đặc công.', 'vi');
    const named = findAnswerSpan(question, 'Ông Lê Văn Nam chỉ đạo bộ đội đặc công trong buổi diễn tập.', 'vi');
    expect(named?.text).toBe('Lê Văn Nam');
    expect(named!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(cut?.confidence ?? 0).toBeLessThan(0.5);
  });

  it('finds a place after in/at/ở/tại', () => {
    expect(span('Where does Vietnam International Digital Week 2025 take place?', 'The event runs from October 27 to 29, 2025 in Ninh Binh.')).toBe('Ninh Binh');
    expect(span('Hội nghị diễn ra ở đâu?', 'Hội nghị diễn ra tại Đà Nẵng vào tuần trước.', 'vi')).toBe('Đà Nẵng');
  });

  it('splits a possessive from the name it owns, and answers without the "\'s"', () => {
    expect(span('Which publication does Javier Glickman write for?', "Hyper's Javier Glickman commended the game for its long quests.")).toBe('Hyper');
    expect(span('Which journalist criticized the controls?', "GameSpot's Jeff Gerstmann criticized the controls.")).toBe('Jeff Gerstmann');
  });

  it('reads a name the question spells a little differently as the question\'s own', () => {
    expect(span('What character did Stephanie Sigma portray?', 'Stephanie Sigman was cast as Estrella in the film.')).toBe('Estrella');
  });

  it('answers "which three …" with the list of names', () => {
    expect(span('Which three cities hosted the games?', 'The games were hosted in Oujda, Tangier and Erfoud during June.')).toBe('Oujda, Tangier and Erfoud');
  });

  it('reads an English sentence as English for a Vietnamese question, its words through their translation', () => {
    const sentence = 'In his opening remarks, Minister of Science and Technology Nguyen Manh Hung emphasized that AI must rest on four pillars.';
    const reading = { sentenceLang: 'en' as const, searchedText: 'Ai là Bộ trưởng Bộ Khoa học và Công nghệ? science and technology minister' };
    expect(findAnswerSpan('Ai là Bộ trưởng Bộ Khoa học và Công nghệ?', sentence, 'vi', reading)?.text).toBe('Nguyen Manh Hung');
  });

  it('answers a bare follow-up ("Where?") near the words the previous question was searched with', () => {
    const sentence = 'The Vietnam International Digital Week 2025 officially opened in Ninh Binh Province this morning.';
    const searchedText = 'When does Vietnam International Digital Week 2025 take place? Where?';
    expect(findAnswerSpan('Where?', sentence, 'en', { searchedText })?.text).toBe('Ninh Binh Province');
  });

  it('does not take a capitalized first word of the sentence for a name', () => {
    expect(span('Who opened the new terminal?', 'Yesterday the new terminal was opened by Tran Hong Ha.')).toBe('Tran Hong Ha');
  });
});

describe('findAnswerSpan: other questions', () => {
  it('takes the phrase next to the question words, with lower confidence', () => {
    const launched = findAnswerSpan('What did the ministry launch?', 'On Monday the ministry launched a national digital identity platform for citizens.', 'en');
    expect(launched?.text).toBe('national digital identity platform');
    expect(launched?.confidence ?? 1).toBeLessThan(0.5);
    expect(span('Vì sao dự án bị hoãn?', 'Dự án bị hoãn vì thiếu vốn đầu tư.', 'vi')).toBe('thiếu vốn đầu tư');
  });

  it('prefers a quoted title when the question names the kind of thing', () => {
    expect(span('What song did she release in 2013?', 'In 2013 she released her song "Flawless", which sampled a speech.')).toBe('Flawless');
  });

  it('prefers a name when the question asks "which magazine"', () => {
    expect(span('Which magazine interviewed her about feminism?', 'In an interview published by Vogue in April 2013, she spoke about feminism.')).toBe('Vogue');
  });
});

describe('findAnswerSpan: contract', () => {
  it('returns offsets into the sentence and a confidence in 0..1', () => {
    const sentence = 'The event runs from October 27 to 29, 2025 in Ninh Binh.';
    const result = findAnswerSpan('When does the event take place?', sentence, 'en');
    expect(result).not.toBeNull();
    if (result === null) return;
    expect(sentence.slice(result.start, result.end)).toBe(result.text);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('returns null for empty input', () => {
    expect(findAnswerSpan('When?', '', 'en')).toBeNull();
    expect(findAnswerSpan('', 'Some sentence.', 'en')).toBeNull();
  });

  it('rates a typed answer above a phrase', () => {
    const date = findAnswerSpan('When was the law passed?', 'The law was passed in 1990 after years of debate.', 'en');
    const other = findAnswerSpan('What did the ministry launch?', 'On Monday the ministry launched a national digital identity platform for citizens.', 'en');
    expect(date?.confidence ?? 0).toBeGreaterThan(other?.confidence ?? 1);
  });
});
