import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { z } from 'zod';
import { InvalidRequestError, NewsdeskError } from '../errors.js';

export const NewDocumentSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    text: z.string().refine((s) => s.trim().length > 0, 'must not be blank'),
    source: z.string().trim().min(1).max(500).optional(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').optional(),
  })
  .strict();
export type NewDocument = z.infer<typeof NewDocumentSchema>;

const UPLOAD_EXTENSIONS = new Set(['.txt', '.md', '.html']);
const UPLOAD_DIR = 'uploads';

/** The article file for a JSON submission: headline, metadata lines the cleaner understands, then the text. */
export function articleFromJson(doc: NewDocument): string {
  const lines = [doc.title ?? '', doc.published ? `Published: ${doc.published}` : '', doc.source ? `Source: ${doc.source}` : '', '', doc.text.trim(), ''];
  return lines.filter((l, i) => l !== '' || i >= 3).join('\n');
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

/** Writes a new article under corpus/uploads/ with a generated name (write to a dot-file, then rename). */
export async function storeArticle(corpusDir: string, extension: string, content: string): Promise<{ docId: string; path: string }> {
  const dir = join(corpusDir, UPLOAD_DIR);
  await mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().slice(0, 10)}-${randomUUID()}${extension}`;
  const path = join(dir, name);
  const staging = join(dir, `.${name}.tmp`);
  await writeFile(staging, content, { flag: 'wx' });
  await rename(staging, path);
  return { docId: relative(corpusDir, path).split('\\').join('/'), path };
}
