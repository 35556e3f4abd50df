import { NOTHING_STATED, statedMetadata, type StatedMetadata } from './stated-metadata.js';

const HEADER_LINE = /^(title|date|published|source|url)[ \t]*:[ \t]*(.*)$/i;

/**
 * Leading "Title:", "Date:", "Source:" and "URL:" lines of a plain-text article
 * (any case, before the first blank line): their metadata, and the text without them.
 */
export function readHeaderLines(text: string): { stated: StatedMetadata; body: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const values: Record<string, string> = {};
  let count = 0;
  for (const line of lines) {
    const match = HEADER_LINE.exec(line.trim());
    if (!match) break;
    values[match[1].toLowerCase()] ??= match[2];
    count++;
  }
  if (count === 0) return { stated: NOTHING_STATED, body: text };
  const stated = statedMetadata({ title: values.title, date: values.date ?? values.published, source: values.source, url: values.url });
  return { stated, body: lines.slice(count).join('\n') };
}
