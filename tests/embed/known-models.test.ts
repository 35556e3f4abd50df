import { describe, expect, it } from 'vitest';
import { conventionsFor } from '../../src/embed/index.js';

describe('model-specific prefixes', () => {
  it('applies query/passage prefixes to E5 models only', () => {
    expect(conventionsFor('Xenova/multilingual-e5-small')).toEqual({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(conventionsFor('Xenova/all-MiniLM-L6-v2')).toEqual({ queryPrefix: '', passagePrefix: '' });
    expect(conventionsFor('newsdesk/static-use-en')).toEqual({ queryPrefix: '', passagePrefix: '' });
  });
});
