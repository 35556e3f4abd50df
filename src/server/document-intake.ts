import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { InvalidRequestError, NewsdeskError, UploadRejectedError } from '../errors.js';
import { DEFAULT_HTML_BUDGET, httpUrl, isCalendarDate, prepareArticle, type FileLimits } from '../ingest/index.js';
import { cleanTextHash, fsyncDir, replaceFileDurably } from '../store/index.js';
import type { IndexHolder } from './index-holder.js';

export const NewDocumentSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    text: z.string().refine((s) => s.trim().length > 0, 'must not be blank'),
    source: z.string().trim().min(1).max(500).optional(),
    published: z.string().refine(isCalendarDate, 'must be a real calendar date written YYYY-MM-DD').optional(),
    url: z.string().trim().max(2000).refine((u) => httpUrl(u) !== null, 'must be an http(s) URL').optional(),
  })
  .strict();
export type NewDocument = z.infer<typeof NewDocumentSchema>;

const UPLOAD_EXTENSIONS = new Set(['.txt', '.md', '.html']);
const UPLOAD_DIR = 'uploads';

/** The article file for a JSON submission: the header lines a .txt article states its metadata in, then the text. */
export function articleFromJson(doc: NewDocument): string {
  const headers = [
    ['Title', doc.title],
    ['Date', doc.published],
    ['Source', doc.source],
    ['URL', doc.url],
  ].flatMap(([name, value]) => (value ? [`${name}: ${value.replace(/\s+/g, ' ')}`] : []));
  return [...headers, ...(headers.length > 0 ? [''] : []), doc.text.trim(), ''].join('\n');
}

/**
 * Checks an uploaded file's name and bytes. The client's name is only used
 * for its extension; a name that tries to be a path is refused outright.
 */
export function checkUpload(originalName: string, bytes: Buffer, maxBytes: number): { extension: string; content: string } {
  if (/[/\\\0]/.test(originalName) || originalName.includes('..') || /^[a-zA-Z]:/.test(originalName) || originalName.trim() === '') {
    throw new NewsdeskError('INVALID_FILENAME', 'The file name must be a plain name such as article.txt, without folders, "..", or NUL bytes.', 400);
  }
  const extension = extname(originalName).toLowerCase();
  if (!UPLOAD_EXTENSIONS.has(extension)) throw new NewsdeskError('UNSUPPORTED_FILE_TYPE', 'Upload a .txt, .md or .html file.', 400);
  if (bytes.length === 0) throw new InvalidRequestError('The uploaded file is empty.');
  if (bytes.length > maxBytes) throw new NewsdeskError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`, 413);
  if (bytes.includes(0)) throw new InvalidRequestError('The uploaded file looks binary (it contains NUL bytes).');
  try {
    return { extension, content: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new InvalidRequestError('The uploaded file is not valid UTF-8 text.');
  }
}

/** Writes a new article under corpus/uploads/ with a generated name (dot-file, fsync, rename, fsync the folder). */
export async function storeArticle(corpusDir: string, extension: string, content: string): Promise<{ docId: string; path: string }> {
  const dir = join(corpusDir, UPLOAD_DIR);
  await mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().slice(0, 10)}-${randomUUID()}${extension}`;
  const path = join(dir, name);
  await replaceFileDurably(path, content, undefined, join(dir, `.${name}.tmp`));
  return { docId: relative(corpusDir, path).split('\\').join('/'), path };
}

const UPLOADED_DOC_ID = /^uploads\/[\w.-]+\.(txt|md|html)$/;

export interface IntakeResult {
  docId: string;
  /** True when the same article (same cleaned text) is already in the corpus: nothing was stored. */
  duplicate: boolean;
}

/**
 * Stores uploaded articles, one at a time, and recognises one already in the
 * corpus by the hash of its cleaned text (so a client that retries never
 * creates a second copy). Known texts: the served index's documents plus the
 * uploads stored since (and, after a restart, uploads not yet indexed).
 */
export class DocumentIntake {
  private queue: Promise<unknown> = Promise.resolve();
  private indexedVersion: string | null | undefined = undefined;
  private pending = new Map<string, string>();
  private readonly removed = new Set<string>();
  private pendingScanned = false;
  private readonly limits: FileLimits;

  constructor(
    private readonly config: Config,
    private readonly holder: IndexHolder,
  ) {
    this.limits = { timeoutMs: config.ingest.fileTimeoutMs, htmlBudget: { ...DEFAULT_HTML_BUDGET, maxDepth: config.ingest.htmlMaxDepth } };
  }

  /** Stores the article unless the same text is already in the corpus; refuses one with no article text (422). */
  add(extension: string, content: string): Promise<IntakeResult> {
    return this.serialized(async () => {
      const hash = this.cleanHash(`upload${extension}`, content, (reason) => {
        throw new UploadRejectedError(reason);
      });
      await this.refresh();
      const existing = this.pending.get(hash) ?? this.holder.loaded?.store.documentWithCleanHash(hash)?.docId;
      if (existing !== undefined && !this.removed.has(existing)) return { docId: existing, duplicate: true };
      const stored = await storeArticle(this.config.corpusDir, extension, content);
      this.pending.set(hash, stored.docId);
      return { docId: stored.docId, duplicate: false };
    });
  }

  /** Deletes an uploaded article's file; false when there is no such upload. */
  remove(docId: string): Promise<boolean> {
    if (!UPLOADED_DOC_ID.test(docId)) {
      throw new NewsdeskError('NOT_AN_UPLOAD', `"${docId}" is not an uploaded article: only documents under uploads/ (as returned by POST /admin/documents) can be deleted through the API; remove other articles from the corpus folder.`, 400);
    }
    return this.serialized(async () => {
      const path = join(this.config.corpusDir, ...docId.split('/'));
      const exists = await stat(path).then((s) => s.isFile(), () => false);
      if (!exists) return false;
      await rm(path);
      await fsyncDir(join(this.config.corpusDir, UPLOAD_DIR));
      this.removed.add(docId);
      for (const [hash, id] of this.pending) if (id === docId) this.pending.delete(hash);
      return true;
    });
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private cleanHash(relativePath: string, content: string, onSkip: (reason: string) => void): string {
    const file = { relativePath, absolutePath: relativePath, content, hash: '', size: Buffer.byteLength(content), mtimeMs: 0 };
    const prepared = prepareArticle(file, this.config.chunking, this.limits);
    if ('reason' in prepared) {
      onSkip(prepared.reason);
      return '';
    }
    return cleanTextHash(prepared.doc.cleanText);
  }

  /** Forgets removals the served index has caught up with; on first use, reads the uploads not yet indexed. */
  private async refresh(): Promise<void> {
    const store = this.holder.loaded?.store ?? null;
    const version = store?.manifest.version ?? null;
    if (version !== this.indexedVersion) {
      for (const docId of this.removed) if (!store?.documentInfo(docId)) this.removed.delete(docId);
      this.indexedVersion = version;
    }
    if (this.pendingScanned) return;
    this.pendingScanned = true;
    const dir = join(this.config.corpusDir, UPLOAD_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const docId = `${UPLOAD_DIR}/${name}`;
      if (!UPLOADED_DOC_ID.test(docId) || store?.documentInfo(docId)) continue;
      const content = await readFile(join(dir, name), 'utf8').catch(() => null);
      if (content === null) continue;
      const hash = this.cleanHash(name, content, () => undefined);
      if (hash) this.pending.set(hash, docId);
    }
  }
}
