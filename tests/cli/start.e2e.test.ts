import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySeedCorpus, tempDir } from '../helpers/fixtures.js';
import { postJson, spawnServer } from '../helpers/server.js';

describe('npm start (end-to-end, real model)', () => {
  it('indexes the corpus when there is no index, serves answers, and exits cleanly on SIGTERM', async () => {
    const root = await tempDir();
    await copySeedCorpus(join(root, 'corpus'));
    const server = await spawnServer({ CORPUS_DIR: join(root, 'corpus'), INDEX_DIR: join(root, 'index') });
    expect(server.stderr()).toContain('No index in');
    expect(existsSync(join(root, 'index', 'CURRENT'))).toBe(true);
    const res = await postJson(`${server.url}/ask`, { question: 'How many delegates does the digital week gather?' });
    expect(res.status).toBe(200);
    expect((res.json as { answer: string }).answer).toContain('800');
    expect(await server.stop()).toBe(0);
  });
});
