import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexCorruptError } from '../../src/errors.js';
import { currentVersion, loadIndex } from '../../src/store/index.js';
import { buildSeedIndex } from '../helpers/fixtures.js';

describe('a version whose vector graph is missing', () => {
  let index: Awaited<ReturnType<typeof buildSeedIndex>>;
  beforeAll(async () => {
    index = await buildSeedIndex();
  });
  afterAll(() => index.cleanup());

  it('is refused with an error naming the folder and the missing file, not loaded half', async () => {
    const version = await currentVersion(index.indexDir);
    const folder = join(index.indexDir, 'versions', version!);
    await rm(join(folder, 'vectors.hnsw'));
    const error = await loadIndex(index.indexDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCorruptError);
    expect((error as Error).message).toContain(folder);
    expect((error as Error).message).toContain('its vectors file is missing');
  });
});
