import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { SkippedFile, SourceFile } from './types.js';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

export interface ReadCorpusResult {
  files: SourceFile[];
  skipped: SkippedFile[];
  /** Relative paths left unread because `isUnchanged` said so. */
  unchanged: string[];
}

/** Tells from a file's size and modification time that it was already read as it is. */
export type UnchangedCheck = (relativePath: string, size: number, mtimeMs: number) => boolean;

/**
 * Reads every article file under `corpusDir`, recursively; unusable files are reported, not thrown.
 * `listed` is a listing of `corpusDir` already under way (see listArticlePaths).
 */
export async function readCorpus(corpusDir: string, maxFileBytes: number, isUnchanged: UnchangedCheck = () => false, listed?: Promise<string[]>): Promise<ReadCorpusResult> {
  const paths = (await (listed ?? listArticlePaths(corpusDir))).sort();
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const unchanged: string[] = [];
  const outcomes = await mapConcurrently(paths, READ_CONCURRENCY, async (absolutePath) => {
    const relativePath = toRelative(corpusDir, absolutePath);
    const info = statOrNull(absolutePath);
    if (info && isUnchanged(relativePath, info.size, info.mtimeMs)) return relativePath;
    return readArticleFile(corpusDir, absolutePath, maxFileBytes);
  });
  for (const outcome of outcomes) {
    if (typeof outcome === 'string') unchanged.push(outcome);
    else if ('reason' in outcome) skipped.push(outcome);
    else files.push(outcome);
  }
  return { files, skipped, unchanged };
}

const READ_CONCURRENCY = 32;

/**
 * Synchronous on purpose: on an incremental run over a large corpus this one
 * stat per file is most of the work, and the promise form costs ~3× as much.
 */
function statOrNull(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** `items.map(fn)` with at most `limit` calls in flight, results in input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function toRelative(corpusDir: string, absolutePath: string): string {
  // Paths come from listing corpusDir, so a prefix cut is enough (and far cheaper than path.relative on 50k files).
  const prefix = join(corpusDir, sep);
  const inside = absolutePath.startsWith(prefix) ? absolutePath.slice(prefix.length) : relative(corpusDir, absolutePath);
  return inside.split(sep).join('/');
}

/** Absolute paths of the article files under `dir`, recursively (hidden entries ignored). */
export async function listArticlePaths(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.name.startsWith('.')) return [];
      if (entry.isDirectory()) return listArticlePaths(path);
      return entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) ? [path] : [];
    }),
  );
  return nested.flat();
}

export async function readArticleFile(corpusDir: string, absolutePath: string, maxFileBytes: number): Promise<SourceFile | SkippedFile> {
  const relativePath = toRelative(corpusDir, absolutePath);
  let skip = (reason: string): SkippedFile => ({ path: absolutePath, reason });
  try {
    const { size, mtimeMs } = await stat(absolutePath);
    skip = (reason: string): SkippedFile => ({ path: absolutePath, relativePath, size, mtimeMs, reason });
    if (size > maxFileBytes) return skip(`file is ${size} bytes, over the MAX_FILE_BYTES limit of ${maxFileBytes}`);
    const bytes = await readFile(absolutePath);
    if (bytes.length === 0) return skip('file is empty');
    if (bytes.includes(0)) return skip('file looks binary (it contains NUL bytes)');
    const content = decodeUtf8(bytes);
    if (content === null) return skip('file is not valid UTF-8 text');
    if (content.trim() === '') return skip('file contains only white space');
    return { relativePath, absolutePath, content, hash: createHash('sha256').update(bytes).digest('hex'), size, mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return skip(`file cannot be read (${code})`);
  }
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
