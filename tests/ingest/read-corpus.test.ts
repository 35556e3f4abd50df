import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile, readCorpus } from '../../src/ingest/index.js';
import { tempDir } from '../helpers/fixtures.js';

describe('reading the corpus', () => {
  it('reads .txt, .md and .html recursively and skips unusable files with a named reason', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
    await writeFile(join(dir, 'a.txt'), 'A real article sentence that is long enough.');
    await writeFile(join(dir, 'nested', 'b.md'), '# Title\n\nText.');
    await writeFile(join(dir, 'nested', 'deeper', 'c.html'), '<p>Hi</p>');
    await writeFile(join(dir, 'ignored.pdf'), 'x');
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]));
    await writeFile(join(dir, 'huge.txt'), 'x'.repeat(2000));
    const { files, skipped } = await readCorpus(dir, 1000);
    expect(files.map((f) => f.relativePath).sort()).toEqual(['a.txt', 'nested/b.md', 'nested/deeper/c.html']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path.slice(dir.length + 1), s.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['huge.txt']).toMatch(/MAX_FILE_BYTES/);
  });

  it('reports a file that cannot be read (here: deleted after listing) with the error code', async () => {
    const dir = await tempDir();
    const result = await readArticleFile(dir, join(dir, 'gone.txt'), 1000);
    expect(result).toEqual({ path: join(dir, 'gone.txt'), reason: 'file cannot be read (ENOENT)' });
  });
});
