/** The hostile articles of issue 15, generated (names and sizes as reported). */
import type { SourceFile } from '../../src/ingest/index.js';

export const PLAIN_HTML = 'Plain text. The ministry met on Monday.\n';

/** `depth` nested <div> around one paragraph (2,000 deep is about 22 KB). */
export function nestedDivs(depth: number, sentence = 'The harbour authority approved the new ferry terminal on Tuesday after a long review.'): string {
  return `<!doctype html><html><head><title>Nested ${depth}</title></head><body>${'<div>'.repeat(depth)}<p>${sentence}</p>${'</div>'.repeat(depth)}</body></html>`;
}

const LINE_SENTENCE = 'The orchestra rehearsed the second movement again before the evening concert in the old theatre. ';

/** One line of `bytes` characters made of ordinary sentences, after a headline. */
export function longLine(bytes: number): string {
  return `A very long single-line article\n\n${LINE_SENTENCE.repeat(Math.ceil(bytes / LINE_SENTENCE.length)).slice(0, bytes).trim()}.\n`;
}

const WORDS = ['harbour', 'ferry', 'terminal', 'council', 'orchestra', 'rehearsal', 'theatre', 'violin', 'timetable', 'lantern'];

/** A line of `count` words without any punctuation (50,000 words is about 350 KB). */
export function unpunctuatedLine(count: number): string {
  return `Unpunctuated notes\n\n${Array.from({ length: count }, (_, i) => WORDS[(i * 7 + Math.floor(i / 10)) % WORDS.length]).join(' ')}\n`;
}

export function sourceFile(relativePath: string, content: string): SourceFile {
  return { relativePath, absolutePath: `/corpus/${relativePath}`, content, hash: `hash-${relativePath}`, size: Buffer.byteLength(content), mtimeMs: 0 };
}
