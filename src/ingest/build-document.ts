import { extname } from 'node:path';
import { cleanArticleText, type CleanedText } from './clean-text.js';
import { DEFAULT_HTML_BUDGET, htmlToText, type HtmlBudget } from './html-to-text.js';
import { markdownToText } from './markdown-to-text.js';
import { detectLanguage } from '../analysis/index.js';
import { findDate, findPublishedDate, titleFromText } from './metadata.js';
import { splitSentences } from './sentences.js';
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
  const { cleaned, title, published, source } = extract(file, options);
  if (cleaned.paragraphs.length === 0) {
    return { path: file.absolutePath, relativePath: file.relativePath, size: file.size, mtimeMs: file.mtimeMs, reason: 'no article text was left after removing navigation, captions and other page chrome' };
  }
  const cleanText = cleaned.paragraphs.join('\n\n');
  const lang = detectLanguage(cleanText);
  return {
    docId: file.relativePath,
    path: file.relativePath,
    title: title ?? cleaned.headline ?? titleFromFirstSentence(cleanText, lang),
    published: published ?? findPublishedDate(cleaned.metaLines),
    source: source ?? cleaned.sourceUrls[0] ?? cleaned.siteName ?? cleaned.agency ?? file.relativePath,
    lang,
    hash: file.hash,
    size: file.size,
    mtimeMs: file.mtimeMs,
    cleanText,
  };
}

interface Extracted {
  cleaned: CleanedText;
  title: string | null;
  published: string | null;
  source: string | null;
}

function extract(file: SourceFile, { htmlBudget = DEFAULT_HTML_BUDGET, checkpoint = () => undefined }: BuildOptions): Extracted {
  const extension = extname(file.relativePath).toLowerCase();
  if (extension === '.html' || extension === '.htm') {
    const page = htmlToText(file.content, htmlBudget);
    checkpoint('reading the HTML');
    return { cleaned: cleanArticleText(page.text), title: page.title, published: page.published ? findDate(page.published) : null, source: page.siteName };
  }
  if (extension === '.md' || extension === '.markdown') {
    const md = markdownToText(file.content);
    const cleaned = cleanArticleText(md.text);
    if (md.title && cleaned.headline === null) cleaned.paragraphs = cleaned.paragraphs.filter((p) => p !== md.title);
    return { cleaned, title: md.title, published: null, source: null };
  }
  return { cleaned: cleanArticleText(file.content), title: null, published: null, source: null };
}

function titleFromFirstSentence(cleanText: string, lang: string): string {
  const first = splitSentences(cleanText.slice(0, 1000).split('\n')[0], lang)[0];
  return titleFromText(first ? cleanText.slice(first.start, first.end) : cleanText.slice(0, 120));
}
