
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})(?!\d)/, (m) => [+m[1], +m[2], +m[3]]],
  [/(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (m) => [+m[3], +m[2], +m[1]]],
  [new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), (m) => [+m[3], monthNumber(m[1]), +m[2]]],
  [new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i'), (m) => [+m[3], monthNumber(m[2]), +m[1]]],
  [/\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b/iu, (m) => [+m[3], +m[2], +m[1]]],
];

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

/** The first complete, valid calendar date in `text`, as YYYY-MM-DD; null when there is none. */
export function findDate(text: string): string | null {
  for (const [pattern, toParts] of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [y, m, d] = toParts(match);
    if (isValidDate(y, m, d)) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** "2025-11-20" is; "2025-13-45", "2025-02-30" and "20251120" are not. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [+match[1], +match[2], +match[3]];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y); // years before 100 too
  return m >= 1 && m <= 12 && d >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The publication date: taken only from metadata lines (datelines, bylines,
 * "Published: …"), never from the article's sentences, which mention event dates.
 */
export function findPublishedDate(metaLines: readonly string[]): string | null {
  for (const line of metaLines.slice(0, 12)) {
    const date = findDate(line);
    if (date) return date;
  }
  return null;
}

/** A title for articles that do not start with a headline: their first sentence, shortened. */
export function titleFromText(firstSentence: string, maxWords = 14): string {
  const words = firstSentence.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return firstSentence.replace(/[.!?]+$/, '');
  return `${words.slice(0, maxWords).join(' ').replace(/[,;:]$/, '')}…`;
}
