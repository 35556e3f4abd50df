import { describe, expect, it } from 'vitest';
import { parseManifest, parseStoredPassages, SCHEMA_VERSION } from '../../src/store/manifest.js';

const header = {
  schemaVersion: SCHEMA_VERSION,
  version: 'v1',
  model: 'm',
  dimensions: 4,
  chunking: { minWords: 1, targetWords: 2, maxWords: 3 },
  builtAt: '2026-01-01T00:00:00Z',
  segments: {},
  passages: 1,
  nextLabel: 1,
  deletedLabels: 0,
  hnsw: { m: 16, efConstruction: 200, efSearch: 64 },
};

describe('reading an index version checks every passage and document entry', () => {
  it('accepts well-formed passages and names the first bad one', () => {
    const good = { chunkId: 'a#0', docId: 'a', label: 0, start: 0, end: 10 };
    expect(parseStoredPassages([good])).toEqual([good]);
    expect(() => parseStoredPassages([good, { ...good, label: -1 }])).toThrow('its passage 1 is not a passage');
    expect(() => parseStoredPassages([good, { ...good, docId: 7 }])).toThrow('its passage 1');
    expect(() => parseStoredPassages({})).toThrow('not a list');
  });

  it('accepts a well-formed manifest and names a bad document entry or header field', () => {
    const documents = { a: { hash: 'h', segment: 's', size: 3, addedAt: '2026-01-01T00:00:00Z' } };
    expect(parseManifest({ ...header, documents }).documents).toEqual(documents);
    expect(() => parseManifest({ ...header, documents: { a: { segment: 's' } } })).toThrow("entry for a is not a document entry");
    expect(() => parseManifest({ ...header, documents: { a: { hash: 'h', segment: 's', size: '3' } } })).toThrow('entry for a');
    expect(() => parseManifest({ ...header, dimensions: 0, documents })).toThrow();
    expect(() => parseManifest(header)).toThrow('no documents');
  });

  it('accepts the skipped files the last ingest recorded and names a bad one', () => {
    const documents = { a: { hash: 'h', segment: 's' } };
    const failed = { 'b.html': { size: 10, mtimeMs: 1, reason: 'no readable text' } };
    expect(parseManifest({ ...header, documents, failed }).failed).toEqual(failed);
    expect(() => parseManifest({ ...header, documents, failed: { 'b.html': { size: 10, reason: 'x' } } })).toThrow('skipped file b.html');
    expect(() => parseManifest({ ...header, documents, failed: [] })).toThrow('not a record');
  });
});
