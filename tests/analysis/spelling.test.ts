import { describe, expect, it } from 'vitest';
import { americanSpelling } from '../../src/analysis/spelling.js';

describe('British spellings read as American', () => {
  it('maps the common variants, word by word and inside hyphenated words', () => {
    const cases: Array<[string, string]> = [
      ['organisation', 'organization'], ['prioritised', 'prioritized'], ['digitalisation', 'digitalization'], ['analyse', 'analyze'],
      ['behaviour', 'behavior'], ['neighbourhood', 'neighborhood'], ['labour', 'labor'], ['centre', 'center'], ['centred', 'centered'],
      ['fibre-optic', 'fiber-optic'], ['defence', 'defense'], ['licences', 'licenses'], ['programme', 'program'], ['catalogue', 'catalog'],
      ['travelled', 'traveled'], ['modelling', 'modeling'], ['human-centred', 'human-centered'],
    ];
    for (const [british, american] of cases) expect(americanSpelling(british), british).toBe(american);
  });

  it('leaves words alone whose endings only look British', () => {
    for (const word of ['enterprise', 'promise', 'expertise', 'rise', 'hour', 'tour', 'four', 'analysis', 'emphasis', 'more', 'centrist', 'specialist', 'program', 'controlled', 'fiber']) {
      expect(americanSpelling(word), word).toBe(word);
    }
  });
});
