import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/index.js';
import { LexicalIndex } from '../../src/retrieve/index.js';
import { LexicalStore } from '../../src/store/index.js';
import { foldDiacritics } from '../../src/analysis/index.js';

const passage = (i: number, text: string): Passage => ({ chunkId: `d${i}#0`, docId: `d${i}`, start: 0, end: text.length, text });

describe('BM25 over passages, Vietnamese-aware', () => {
  const passages = [
    passage(0, 'Minister Nguyen Manh Hung met the UN envoy in Hanoi.'),
    passage(1, 'Bộ trưởng Nguyễn Mạnh Hùng gặp đặc phái viên Liên Hợp Quốc tại Hà Nội.'),
    passage(2, 'The football final was played in Hanoi on Sunday.'),
  ];
  const index = LexicalIndex.inMemory(passages, () => '');

  it('matches across diacritics in both directions', async () => {
    expect((await index.query('Nguyễn Mạnh Hùng', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await index.query('nguyen manh hung', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect(foldDiacritics('Đặng Hoàng Giang')).toBe('Dang Hoang Giang');
  });

  it('ranks the passage with the rarer matching terms first and ignores stopwords', async () => {
    expect((await index.query('the envoy in Hanoi', 3))[0].passage.docId).toBe('d0');
    expect((await index.query('the of and', 3))).toEqual([]);
  });

  it('matches plural and singular, and possessives, in both directions', async () => {
    const english = LexicalIndex.inMemory([passage(0, "Vietnam's technology firms export software."), passage(1, 'Each firm pays taxes in Vietnam.'), passage(2, 'A farm grows rice.')], () => '');
    expect((await english.query('firms', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await english.query('firm', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await english.query("Vietnam's", 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
  });

  it('reads the official spellings "Viet Nam" and "Ha Noi" as "Vietnam" and "Hanoi", in both directions', async () => {
    const english = LexicalIndex.inMemory([passage(0, "Viet Nam's digital economy grew."), passage(1, 'Vietnam exports rice from Hanoi.'), passage(2, 'A farm grows rice.')], () => '');
    expect((await english.query('Vietnam', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await english.query('Viet Nam', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await english.query('Ha Noi', 3)).map((h) => h.passage.docId)).toEqual(['d1']);
    expect(english.knows('viet')).toBe(false);
  });

  it('matches a word written with and without its accents, in both directions ("Beyoncé", "Thủy")', async () => {
    const mixed = LexicalIndex.inMemory([passage(0, 'Beyoncé released an album.'), passage(1, 'Beyonce toured Europe.'), passage(2, 'Thủy won the race.'), passage(3, 'Thuy lost the race.')], () => '');
    expect((await mixed.query('Beyonce', 4)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await mixed.query('Beyoncé', 4)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
    expect((await mixed.query('Thuy', 4)).map((h) => h.passage.docId).sort()).toEqual(['d2', 'd3']);
    expect((await mixed.query('Thủy', 4)).map((h) => h.passage.docId).sort()).toEqual(['d2', 'd3']);
  });

  it('tells apart Vietnamese syllables that differ only by their marks, and finds both when the question has none', async () => {
    const texts = ['Cú sốc giá khiến con buôn ăn ngủ không yên.', 'Loài sóc thường ăn hạt dẻ.', 'Giá lúa tăng.', 'Trời mưa to.', 'Học sinh nghỉ hè.'];
    const vi = LexicalIndex.inMemory(texts.map((t, i) => passage(i, t)), () => '');
    expect((await vi.query('Con sóc ăn gì?', 3)).map((h) => h.passage.docId)[0]).toBe('d1');
    expect((await vi.query('con soc an gi', 3)).map((h) => h.passage.docId).sort()).toEqual(['d0', 'd1']);
  });

  it('finds a marked word whichever vowel its tone mark was written on ("thuỷ" and "thủy"), not the word it folds alike', async () => {
    const texts = ['Nhà máy thủy điện lớn nhất.', 'Cô Thúy bán hoa.', 'Trời mưa to.', 'Học sinh nghỉ hè.', 'Giá lúa tăng.'];
    const vi = LexicalIndex.inMemory(texts.map((t, i) => passage(i, t)), () => '');
    expect((await vi.query('thuỷ', 3)).map((h) => h.passage.docId)).toEqual(['d0']);
  });

  it('finds American spellings from British ones and back ("fibre-optic", "organisation")', async () => {
    const english = LexicalIndex.inMemory([passage(0, '85% of households have fiber-optic lines.'), passage(1, 'The organization opened a centre in Hanoi.'), passage(2, 'A farm grows rice.')], () => '');
    expect((await english.query('fibre-optic households', 3)).map((h) => h.passage.docId)[0]).toBe('d0');
    expect((await english.query('organisation', 3)).map((h) => h.passage.docId)).toEqual(['d1']);
    expect((await english.query('center', 3)).map((h) => h.passage.docId)).toEqual(['d1']);
  });

  it('knows document frequencies of exact and folded terms', async () => {
    expect(index.knows('hanoi')).toBe(true);
    expect(index.knows('hung')).toBe(true);
    expect(index.knows('australia')).toBe(false);
    expect(index.idf('football')).toBeGreaterThan(index.idf('hanoi'));
  });

  it('searches at most 64 terms, the rarest, so a huge question stays cheap and still finds its passage', async () => {
    // 300 passages of four words: two of 150 words (each in about four passages), then "lorem ipsum" or, in one, the rare "Quy Nhon".
    const wordsOf = (i: number) => `w${i % 150} w${(i + 1) % 150}`;
    const many = Array.from({ length: 300 }, (_, i) => passage(i, `${wordsOf(i)} ${i === 123 ? 'Quy Nhon' : 'lorem ipsum'}`));
    const big = LexicalIndex.inMemory(many, () => '');
    // 152 searchable terms (and 200 that no passage has): only the 64 rarest are searched, "quy" and "nhon" among them.
    const padded = `${Array.from({ length: 150 }, (_, i) => `w${i}`).join(' ')} ${Array.from({ length: 200 }, (_, i) => `unknownword${i}`).join(' ')} Quy Nhon`;
    expect((await big.query(padded, 1))[0].passage.docId).toBe('d123');
  });

  it('weighs a Vietnamese syllable pair a third of a syllable, so the passage naming the subject beats one sharing common two-syllable words', async () => {
    const texts = [
      'Ma trận (tiếng Anh: The Matrix) là bộ phim khoa học viễn tưởng, hành động của Mỹ được xuất bản năm 1999 do hai chị em Wachowski đồng đạo diễn và hãng Warner Bros phát hành. Phim kể về một tương lai nơi con người sống trong thế giới ảo do máy móc tạo ra.',
      'Robot đại chiến (tiếng Anh: Transformers) là phim hành động khoa học viễn tưởng của Mỹ năm 2007.',
      'Nữ hoàng băng giá được phát hành tại Bắc Mỹ vào tháng 11 năm 2013.',
      'Album phòng thu đầu tay của cô được phát hành vào tháng 8 năm 2012.',
      'Bộ phim tài liệu về Hà Nội ra mắt khán giả năm ngoái.',
      'Thành phố có nhiều công viên và hồ nước đẹp.',
      'Đội tuyển bóng đá giành chiến thắng trong trận chung kết.',
      'Giá xăng dầu tăng mạnh trong tháng này.',
      'Trường đại học mở thêm ngành trí tuệ nhân tạo.',
      'Mùa mưa bão ở miền Trung kéo dài đến tháng 12.',
    ];
    const films = LexicalIndex.inMemory(texts.map((t, i) => passage(i, t)), () => '');
    // Pairs counted whole put the Transformers passage last of the five ("bộ phim", "được phát", "phát hành" elsewhere).
    expect((await films.query('Bộ phim Transformers được phát hành khi nào?', 3))[0].passage.docId).toBe('d1');
  });

  it('applies filters before ranking', async () => {
    expect((await index.query('Hanoi', 3, (p) => p.docId === 'd2')).map((h) => h.passage.docId)).toEqual(['d2']);
  });

  it('on a large archive, scores the passages holding an uncommon term exactly as BM25 over all the terms', async () => {
    // 4,000 passages: "port" in every third (a common term: over 1,000 passages), "zanthu" in five, three of them with "port".
    const texts = Array.from({ length: 4_000 }, (_, i) => {
      const words = [`w${i % 400}`, `v${i % 397}`];
      if (i % 3 === 0) words.push('port');
      if ([3, 300, 600, 901, 1201].includes(i)) words.push('zanthu');
      return words.join(' ');
    });
    const archive = LexicalIndex.inMemory(texts.map((t, i) => passage(i, t)), () => '');
    const reference = LexicalStore.inMemory();
    reference.update(texts.map((text, label) => ({ label, title: '', text })));
    const exact = new Map(reference.search(['zanthu', 'port'], 5).map((m) => [`d${m.label}`, m.score]));

    const hits = (await archive.query('zanthu port', 10));
    // Only the "zanthu" passages: rows holding only a common term are not scored (they would rank below these).
    expect(new Set(hits.map((h) => h.passage.docId))).toEqual(new Set(exact.keys()));
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    for (const h of hits) expect(h.score).toBeCloseTo(exact.get(h.passage.docId)!, 9);
  });
});
