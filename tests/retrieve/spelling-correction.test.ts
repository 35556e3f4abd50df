import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/index.js';
import { LexicalIndex } from '../../src/retrieve/index.js';
import { correctSpelling, oneEditAway, type ArchiveWords } from '../../src/retrieve/spelling-correction.js';
import { isEnglishWord, termFormOf } from '../../src/analysis/index.js';

/** An archive known only by its term counts. */
const archiveOf = (rowsOf: (form: string) => number): ArchiveWords => ({ knows: (word) => rowsOf(termFormOf(word)) > 0, rowsOf });

const passage = (i: number, text: string): Passage => ({ chunkId: `d${i}#0`, docId: `d${i}`, start: 0, end: text.length, text });

describe('words no article has, read as the nearest word articles have', () => {
  const index = LexicalIndex.inMemory(
    [
      passage(0, 'Albert Einstein published the theory of general relativity in 1915.'),
      passage(1, 'Robert Coleman Richardson shared the Nobel Prize in Physics.'),
      passage(2, 'The government of Iceland met in Reykjavik; Ireland sent a delegation.'),
      passage(3, 'Lý Quang Diệu là thủ tướng đầu tiên của Singapore.'),
    ],
    () => '',
  );

  it('reads a misspelled name as the archive spells it, keeping its case and possessive', async () => {
    const { text, corrections } = index.correctSpelling("What did Eistein's theory say?", 'en');
    expect(text).toBe("What did Einstein's theory say?");
    expect(corrections).toEqual([{ word: 'Eistein', correction: 'Einstein' }]);
    expect(index.correctSpelling('When did Robert Coleman Richarson die?', 'en').text).toBe('When did Robert Coleman Richardson die?');
    expect(index.correctSpelling('who leads the goverment?', 'en').text).toBe('who leads the government?');
    // The corrected question finds the passage the misspelled one did not.
    expect((await index.query(index.correctSpelling('Eistein relativity', 'en').text, 1))[0].passage.docId).toBe('d0');
  });

  it('leaves dictionary words, short words and known words as written', () => {
    // "located" is in no article, but it is an English word: no correction to another word one letter away.
    expect(index.correctSpelling('Where is the delegation located?', 'en').corrections).toEqual([]);
    expect(index.correctSpelling('Who is Albrt?', 'en').corrections).toEqual([]); // a short name: six letters at least
    expect(index.correctSpelling('Who is Einstein?', 'en').corrections).toEqual([]);
  });

  it('does not take a derived form for a word ("Icelandic" is not "Irelandic" because Ireland is known)', () => {
    expect(termFormOf('irelandic')).toBe('ireland');
    expect(index.correctSpelling('Is Icelandic spoken in Reykjavik?', 'en').corrections).toEqual([]);
  });

  it('in a Vietnamese question, corrects capitalized names without marks only', () => {
    expect(index.correctSpelling('Eistein công bố thuyết tương đối năm nào?', 'vi').text).toBe('Einstein công bố thuyết tương đối năm nào?');
    // Lower-case words without marks are Vietnamese typed without them, one letter from many other syllables.
    expect(correctSpelling('thuong mai o dau', 'vi', archiveOf((form) => (form === 'truong' ? 5 : 0))).corrections).toEqual([]);
  });

  it('picks the candidate most passages hold, and looks up a bounded number of words', () => {
    const rows = new Map([
      ['hanoi', 9],
      ['hanoj', 1],
    ]);
    const rowsOf = (form: string) => rows.get(form) ?? 0;
    expect(correctSpelling('Visiting Hanoii today', 'en', archiveOf(rowsOf)).text).toBe('Visiting Hanoi today');
    // A tie goes to the likelier typo: a letter left out ("Einstein") before a letter replaced ("Elstein").
    const tie = (form: string) => (form === 'einstein' || form === 'elstein' ? 5 : 0);
    expect(correctSpelling('Eistein', 'en', archiveOf(tie)).text).toBe('Einstein');
    let lookups = 0;
    correctSpelling(
      'Qwxzvb '.repeat(200),
      'en',
      archiveOf(() => {
        lookups++;
        return 0;
      }),
    );
    expect(lookups).toBeLessThan(5 * 60 * 7); // four unknown words' edits, not two hundred
  });

  it('lists the words one edit away: deletions, swaps, replacements and insertions', () => {
    const edits = oneEditAway('abc');
    for (const e of ['bc', 'ac', 'ab', 'bac', 'acb', 'xbc', 'abx', 'xabc', 'abcx']) expect(edits.has(e), e).toBe(true);
    expect(edits.has('abc')).toBe(false);
    expect(edits.has('cba')).toBe(false);
  });
});

describe('the English dictionary', () => {
  it('knows English words and not misspellings or names', () => {
    for (const w of ['located', 'percentage', 'efficiency', 'government', 'manlihood']) expect(isEnglishWord(w), w).toBe(true);
    for (const w of ['eistein', 'goverment', 'privleged']) expect(isEnglishWord(w), w).toBe(false);
  });
});
