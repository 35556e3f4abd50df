import { extname } from 'node:path';
import { cleanArticleText, type CleanedText } from './clean-text.js';
import { DEFAULT_HTML_BUDGET, htmlToText, type HtmlBudget } from './html-to-text.js';
import { markdownToText } from './markdown-to-text.js';
import { canonicalText, detectLanguage } from '../analysis/index.js';
import { readFrontMatter } from './front-matter.js';
import { readHeaderLines } from './header-lines.js';
import { findPublishedDate, titleFromText } from './metadata.js';
import { splitSentences } from './sentences.js';
import { NOTHING_STATED, preferStated, splitStatedSource, type StatedMetadata } from './stated-metadata.js';
import type { ArticleDocument, SkippedFile, SourceFile } from './types.js';

export interface BuildOptions {
  htmlBudget?: HtmlBudget;
  /** Called between stages with the stage just finished; throws to abandon the file (time budget). */
  checkpoint?: (stage: string) => void;
}

/** The cleaned article with its metadata, or the reason the file holds no article. */
export function buildDocument(file: SourceFile): ArticleDocument | SkippedFile {
  return buildDocumentWithin(file, {});
}

/** buildDocument under an HTML budget and a time checkpoint. */
export function buildDocumentWithin(file: SourceFile, options: BuildOptions): ArticleDocument | SkippedFile {
  const { cleaned, stated, pageTitle } = extract(file, options);
  if (cleaned.paragraphs.length === 0) {
    return { path: file.absolutePath, relativePath: file.relativePath, size: file.size, mtimeMs: file.mtimeMs, reason: 'no article text was left after removing navigation, captions and other page chrome' };
  }
  const cleanText = cleaned.paragraphs.join('\n\n');
  const lang = detectLanguage(cleanText);
  return {
    docId: file.relativePath,
    path: file.relativePath,
    title: stated.title ?? pageTitle ?? cleaned.headline ?? titleFromFirstSentence(cleanText, lang),
    published: stated.published ?? findPublishedDate(cleaned.metaLines),
    ...sourceAndUrl(stated, cleaned),
    lang,
    hash: file.hash,
    size: file.size,
    mtimeMs: file.mtimeMs,
    addedAt: new Date().toISOString(),
    cleanText,
  };
}

interface Extracted {
  cleaned: CleanedText;
  stated: StatedMetadata;
  /** An HTML page's own title, below what its metadata states and above the text's headline. */
  pageTitle: string | null;
}

function extract(file: SourceFile, { htmlBudget = DEFAULT_HTML_BUDGET, checkpoint = () => undefined }: BuildOptions): Extracted {
  const extension = extname(file.relativePath).toLowerCase();
  const content = canonicalText(file.content);
  if (extension === '.html' || extension === '.htm') {
    const page = htmlToText(content, htmlBudget);
    checkpoint('reading the HTML');
    return { cleaned: cleanArticleText(page.text), stated: page.stated, pageTitle: page.title };
  }
  if (extension === '.md' || extension === '.markdown') {
    const { stated, body } = readFrontMatter(content);
    const md = markdownToText(body);
    const cleaned = cleanArticleText(md.text);
    if (md.title && cleaned.headline === null) cleaned.paragraphs = cleaned.paragraphs.filter((p) => p !== md.title);
    return { cleaned, stated: preferStated(stated, { ...NOTHING_STATED, title: md.title }), pageTitle: null };
  }
  const { stated, body } = readHeaderLines(content);
  return { cleaned: cleanArticleText(body), stated, pageTitle: null };
}

/**
 * The stated source (metadata, else a "Source: …" line in the text) wins; one
 * given only as a URL becomes the article's URL and names no source. Without
 * one, a site header or an agency dateline names it. Never the file name.
 */
function sourceAndUrl(stated: StatedMetadata, cleaned: CleanedText): { source: string | null; url: string | null } {
  const statedSource = stated.source ?? cleaned.sourceUrls[0] ?? null;
  if (statedSource === null) return { source: cleaned.siteName ?? cleaned.agency, url: stated.url };
  const split = splitStatedSource(statedSource);
  return { source: split.source, url: stated.url ?? split.url };
}

function titleFromFirstSentence(cleanText: string, lang: string): string {
  const first = splitSentences(cleanText.slice(0, 1000).split('\n')[0], lang)[0];
  return titleFromText(first ? cleanText.slice(first.start, first.end) : cleanText.slice(0, 120));
}
