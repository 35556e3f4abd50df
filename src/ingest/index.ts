/** Public surface of the ingestion stage: read the corpus, clean articles, cut them into passages. */
export type { ArticleDocument, Lang, Passage, SkippedFile, SourceFile } from './types.js';
export { readCorpus, readArticleFile, listArticlePaths, ARTICLE_EXTENSIONS, type ReadCorpusResult } from './read-corpus.js';
export { cleanArticleText, type CleanedText } from './clean-text.js';
export { buildDocument } from './build-document.js';
export { chunkDocument } from './chunk.js';
export { prepareArticle, DEFAULT_FILE_LIMITS, type FileLimits, type PreparedArticle } from './prepare.js';
export { htmlToText, DEFAULT_HTML_BUDGET, type HtmlBudget } from './html-to-text.js';
export { splitSentences, countWords, type SentenceSpan } from './sentences.js';
export { findDate, isCalendarDate } from './metadata.js';
export { articleSource, httpUrl, siteName } from './site-name.js';
export { splitStatedSource } from './stated-metadata.js';
