/**
 * Line-level cleaning of article text copied from news sites. The rules are
 * general (shape of a line, its position, markers that end an article) rather
 * than a list of the exact strings seen in the seed corpus.
 */
export interface CleanedText {
  /** The first headline, when the text starts with one. */
  headline: string | null;
  /** Article paragraphs, in order. */
  paragraphs: string[];
  /** Short non-sentence lines that were removed (bylines, datelines, captions): metadata lives here. */
  metaLines: string[];
  /** The article's stated source ("Source: https://…" or "Source: VNA"). */
  sourceUrls: string[];
  /** Site name announced in the page header ("Example.vn - tagline"). */
  siteName: string | null;
  /** News agency named in a dateline stamp ("New York (VNA) – …"). */
  agency: string | null;
}

const TERMINAL = /[.!?…]["'”’»)\]]*$/u;
const SHORT_LINE_WORDS = 20;
const HEADLINE_MAX_WORDS = 25;

/** Markers after which the rest of a page is comments, teasers or navigation. */
const FOOTER_MARKERS = [
  /^comments?\s*\(\d+\)$/i,
  /^(bình luận|ý kiến)\s*\(\d+\)$/i,
  /^(same|related|more|other|latest)\s+(tags?|category|categories|author|articles?|news|stories|posts)\s*:?$/i,
  /^(read more|see also|related|you may also like|tin liên quan|bài liên quan|cùng chuyên mục)\s*:?$/i,
];
/** Vietnamese news agencies end an article with "/." */
const END_OF_ARTICLE = /\s*\/\.\s*$/;

const IMAGE_MARKDOWN = /!\[[^\]]*\]\([^)]*\)/g;
const IMAGE_MARKER_LINE = /(^|\s)[-–]\s*(ảnh|photo|image|hình)\s*\d+\.?$/iu;
const PHOTO_CREDIT = /\((photo|ảnh|image|source)\s*:[^)]*\)\s*$/iu;
const TABLE_ROW = /^\|.*\|$|^[|\s]+$/;
const BROWSER_CHROME = /\b(javascript|cookies?)\b.*\b(enable|support|disabled|browser|accept)\b|\b(enable|support|browser)\b.*\bjavascript\b/i;
const SITE_HEADER = /^((?:[\w-]+\.)+(?:vn|com|net|org|info|gov|edu|io|news))\s+[-–—|:]\s+\S/iu;
const SOURCE_LINE = /^(source|nguồn)\s*:\s*(https?:\/\/\S+|[^.!?:]{1,80})\s*$/iu;
const TOC_HEADING = /^(table of contents|contents|mục lục|nội dung chính)$/iu;
const LEADING_DECORATION = /^(?:[•·▪●◦○■□►▶★☆✓✔–—*>-]|\p{Extended_Pictographic}|\uFE0F)+\s*/u;

export function cleanArticleText(raw: string): CleanedText {
  const result: CleanedText = { headline: null, paragraphs: [], metaLines: [], sourceUrls: [], siteName: null, agency: null };
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map(normalizeLine);
  let dropContinuation = false;
  let inToc = false;
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    if (inToc && wordCount(line) < 12 && !TERMINAL.test(line)) continue;
    inToc = false;
    if (FOOTER_MARKERS.some((m) => m.test(line))) break;
    const sourceMatch = SOURCE_LINE.exec(line);
    if (sourceMatch) {
      result.sourceUrls.push(sourceMatch[2]);
      continue;
    }
    const siteMatch = index < 5 ? SITE_HEADER.exec(line) : null;
    if (siteMatch && !TERMINAL.test(line)) {
      result.siteName ??= siteMatch[1];
      continue;
    }
    if (TOC_HEADING.test(line)) {
      inToc = true;
      continue;
    }
    if (inToc || TABLE_ROW.test(line) || isBrowserChrome(line) || PHOTO_CREDIT.test(line)) continue;
    if (IMAGE_MARKER_LINE.test(line)) {
      dropContinuation = true; // the caption follows the image marker
      continue;
    }
    if (dropContinuation) {
      dropContinuation = !TERMINAL.test(line);
      if (startsLowercase(line) || wordCount(line) < SHORT_LINE_WORDS) {
        result.metaLines.push(line);
        continue;
      }
    }
    const isEnd = END_OF_ARTICLE.test(line);
    const text = stripDateline(line, result).replace(END_OF_ARTICLE, '.').replace(/\.\.$/, '.');
    if (result.headline === null && result.paragraphs.length === 0 && looksLikeHeadline(text)) {
      result.headline = text;
    } else if (isSentenceLine(text)) {
      result.paragraphs.push(text);
    } else {
      result.metaLines.push(text);
    }
    if (isEnd) break;
  }
  return result;
}

const DATELINE = /^\p{Lu}[\p{L} .,'-]{1,40}?\s*\(([A-Z][A-Za-z]{1,9})\)\s*[–—-]\s+(?=\S)/u;

/** Removes an agency dateline stamp from the start of a paragraph, remembering the agency. */
function stripDateline(line: string, result: CleanedText): string {
  const match = DATELINE.exec(line);
  if (!match) return line;
  result.agency ??= match[1];
  return line.slice(match[0].length);
}

/** "Please enable JavaScript": short lines only (the pattern backtracks over long ones: quadratic on a 2 MB line). */
function isBrowserChrome(line: string): boolean {
  return line.length <= 400 && BROWSER_CHROME.test(line);
}

function normalizeLine(line: string): string {
  return line.replace(IMAGE_MARKDOWN, ' ').replace(/\s+/g, ' ').trim().replace(LEADING_DECORATION, '').trim();
}

function wordCount(line: string): number {
  return line.split(' ').filter(Boolean).length;
}

function startsLowercase(line: string): boolean {
  return /^\p{Ll}/u.test(line);
}

/** A paragraph worth keeping: ends like a sentence and has more than a couple of words. */
function isSentenceLine(line: string): boolean {
  const words = wordCount(line);
  if (words >= SHORT_LINE_WORDS && /\p{L}/u.test(line)) return TERMINAL.test(line) || words >= 40;
  return TERMINAL.test(line) && words >= 4;
}

function looksLikeHeadline(line: string): boolean {
  const words = wordCount(line);
  return words >= 3 && words <= HEADLINE_MAX_WORDS && !/[.!…]$/.test(line) && /\p{Lu}/u.test(line);
}
