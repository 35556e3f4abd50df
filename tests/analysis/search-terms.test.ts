import { describe, expect, it } from 'vitest';
import { indexTerms, searchTerms } from '../../src/analysis/index.js';

describe('Vietnamese marks in index and search terms', () => {
  it('indexes a Vietnamese text by its folded terms and by its marked ones', () => {
    const terms = indexTerms('Bộ lông của sóc màu nâu.');
    expect(terms).toEqual(expect.arrayContaining(['bo', 'long', 'soc', 'bo_long', 'bộ', 'lông', 'sóc', 'bộ_lông', 'của_sóc']));
    // Words without marks have one form only.
    expect(indexTerms('Tổng thống Obama').filter((t) => t === 'obama')).toHaveLength(1);
  });

  it('indexes an English text by its folded terms only', () => {
    expect(indexTerms('The minister met the envoy in Hanoi.')).toEqual(['minist', 'met', 'envoi', 'hanoi']);
  });

  it('searches a Vietnamese question written with marks by its marked terms, its capitalized words (names) folded', () => {
    const terms = searchTerms('Con sóc của Nguyễn Văn An ăn gì?');
    expect(terms).toEqual(expect.arrayContaining(['sóc', 'con_sóc', 'ăn', 'nguyen', 'van', 'nguyen_van']));
    expect(terms).not.toContain('soc');
    expect(terms).not.toContain('con_soc');
    expect(terms).not.toContain('nguyễn');
  });

  it('reads a tone mark wherever it was placed ("hoà" and "hòa", "thuỷ" and "thủy")', () => {
    expect(searchTerms('hoà bình và thuỷ lợi')).toEqual(searchTerms('hòa bình và thủy lợi'));
    expect(indexTerms('Hoà bình.')).toEqual(indexTerms('Hòa bình.'));
  });

  it('searches a question without marks by its folded terms', () => {
    expect(searchTerms('con soc an gi')).toEqual(expect.arrayContaining(['con', 'soc', 'con_soc']));
    expect(searchTerms('What did the envoy say?')).toEqual(['envoi']);
  });
});
