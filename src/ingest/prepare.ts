import type { ChunkingSettings } from '../config.js';
import { FileTimeoutError } from '../errors.js';
import { buildDocumentWithin } from './build-document.js';
import { chunkDocument } from './chunk.js';
import { DEFAULT_HTML_BUDGET, type HtmlBudget } from './html-to-text.js';
import type { ArticleDocument, Passage, SkippedFile, SourceFile } from './types.js';

export interface FileLimits {
  /** Reading, cleaning and chunking one file taking longer than this skips the file. */
  timeoutMs: number;
  htmlBudget: HtmlBudget;
}

export const DEFAULT_FILE_LIMITS: FileLimits = { timeoutMs: 20_000, htmlBudget: DEFAULT_HTML_BUDGET };

export interface PreparedArticle {
  doc: ArticleDocument;
  passages: Passage[];
}

/**
 * One file from bytes to passages, isolated: any error or an exceeded time
 * budget becomes a skipped file naming the reason, never a failed ingest.
 * Every stage is bounded (HTML nesting and size, sentence-splitting pieces,
 * passage length), so the budget is checked between stages: a stage cannot run
 * away, and the file is abandoned at the first check past the limit.
 */
export function prepareArticle(file: SourceFile, chunking: ChunkingSettings, limits: FileLimits = DEFAULT_FILE_LIMITS, clock: () => number = () => performance.now()): PreparedArticle | SkippedFile {
  const started = clock();
  const skip = (reason: string): SkippedFile => ({ path: file.absolutePath, relativePath: file.relativePath, size: file.size, mtimeMs: file.mtimeMs, reason });
  const checkpoint = (stage: string) => {
    if (clock() - started > limits.timeoutMs) throw new FileTimeoutError(file.relativePath, limits.timeoutMs, stage);
  };
  try {
    const built = buildDocumentWithin(file, { htmlBudget: limits.htmlBudget, checkpoint });
    if ('reason' in built) return built;
    checkpoint('cleaning');
    const passages = chunkDocument(built.docId, built.cleanText, chunking, built.lang);
    checkpoint('cutting passages');
    return { doc: built, passages };
  } catch (error) {
    if (error instanceof FileTimeoutError) return skip(`took longer than INGEST_FILE_TIMEOUT_MS (${limits.timeoutMs} ms), by the end of ${error.stage}`);
    const message = error instanceof Error ? error.message : String(error);
    return skip(`could not be read as an article (${message.slice(0, 200)})`);
  }
}
