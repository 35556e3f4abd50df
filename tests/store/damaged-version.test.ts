import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexCorruptError } from '../../src/errors.js';
import { currentVersion, loadIndex } from '../../src/store/index.js';
import { buildSeedIndex } from '../helpers/fixtures.js';

describe('an index version that lacks part of itself is refused with an error naming what is missing', () => {
  let index: Awaited<ReturnType<typeof buildSeedIndex>>;
  beforeEach(async () => {
    index = await buildSeedIndex();
  });
  afterEach(() => index.cleanup());

  it('its vector graph', async () => {
    const version = await currentVersion(index.indexDir);
    const folder = join(index.indexDir, 'versions', version!);
    await rm(join(folder, 'vectors.hnsw'));
    const error = await loadIndex(index.indexDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCorruptError);
    expect((error as Error).message).toContain(folder);
    expect((error as Error).message).toContain('its vectors file is missing');
  });

  it('its rows in the database, when the database file was replaced by another', async () => {
    const file = join(index.indexDir, 'index.sqlite');
    const other = join(index.indexDir, 'other.sqlite');
    new Database(other).close();
    await rm(file);
    await copyFile(other, file);
    const error = await loadIndex(index.indexDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCorruptError);
    expect((error as Error).message).toMatch(/lacks 5 of the version's 5 documents/);
  });
});
