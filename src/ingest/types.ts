/** A corpus file that was read successfully. */
export interface SourceFile {
  /** Path relative to the corpus folder, with forward slashes. */
  relativePath: string;
  absolutePath: string;
  content: string;
  /** sha256 of the file's bytes. */
  hash: string;
  size: number;
  mtimeMs: number;
}

export type { Lang } from '../analysis/index.js';
import type { Lang } from '../analysis/index.js';

/** A cleaned article with its metadata, as stored in the index. */
export interface ArticleDocument {
  /** Stable id derived from the file's path inside the corpus. */
  docId: string;
  path: string;
  title: string;
  /** ISO date (YYYY-MM-DD) when the text states one, otherwise null. */
  published: string | null;
  /** The source the article states (a name: "VNA", "Example News"); null when it states none. Never the file name. */
  source: string | null;
  /** The article's own web address when stated (canonical link, "URL:", "Source: https://…"); else null. */
  url: string | null;
  /** ISO timestamp of when the document was first indexed; a changed file keeps it. */
  addedAt: string;
  lang: Lang;
  hash: string;
  /** File size and modification time when read: an unchanged pair lets re-indexing skip the file. */
  size?: number;
  mtimeMs?: number;
  /** The article text after cleaning; passage offsets point into it. */
  cleanText: string;
}

/** A span of an article's clean text, the unit that is embedded and cited. */
export interface Passage {
  chunkId: string;
  docId: string;
  start: number;
  end: number;
  text: string;
}

/** A file the ingester could not use, with the reason a user can act on. */
export interface SkippedFile {
  path: string;
  reason: string;
  /** Path inside the corpus, with size and modification time when known: a failed file is not retried until they change. */
  relativePath?: string;
  size?: number;
  mtimeMs?: number;
}
