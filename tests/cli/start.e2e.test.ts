import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySeedCorpus, tempDir } from '../helpers/fixtures.js';
import { postJson, spawnServer } from '../helpers/server.js';

describe('npm start (end-to-end, real model)', () => {
  it('indexes the corpus when there is no index or one of another model, serves answers, and exits cleanly on SIGTERM', async () => {
    const root = await tempDir();
    await copySeedCorpus(join(root, 'corpus'));
    const server = await spawnServer({ CORPUS_DIR: join(root, 'corpus'), INDEX_DIR: join(root, 'index') });
    expect(server.stderr()).toContain('No index in');
    expect(existsSync(join(root, 'index', 'CURRENT'))).toBe(true);
    const res = await postJson(`${server.url}/ask`, { question: 'How many delegates does the digital week gather?' });
    expect(res.status).toBe(200);
    expect((res.json as { answer: string }).answer).toContain('800');
    expect(await server.stop()).toBe(0);

    // Another embedding model (an upgrade that changed it, or EMBEDDING_MODEL set): the index is rebuilt before serving.
    const other = await spawnServer({ CORPUS_DIR: join(root, 'corpus'), INDEX_DIR: join(root, 'index'), EMBEDDING_MODEL: 'newsdesk/static-glove-en' });
    expect(other.stderr()).toMatch(/was built with newsdesk\/static-use-en \(\d+ dimensions\), not newsdesk\/static-glove-en \(100\)/);
    const again = await postJson(`${other.url}/ask`, { question: 'How many delegates does the digital week gather?' });
    expect(again.status).toBe(200);
    expect((again.json as { index: { model: string } }).index.model).toBe('newsdesk/static-glove-en');
    expect(await other.stop()).toBe(0);
  });
});
