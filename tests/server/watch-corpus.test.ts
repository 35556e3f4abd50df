import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeedIndex } from '../helpers/fixtures.js';
import { postJson, startTestServer, waitFor } from '../helpers/server.js';

describe('WATCH_CORPUS=true', () => {
  it('re-indexes shortly after a file is added to the corpus, without a restart', async () => {
    const seed = await buildSeedIndex();
    const server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir, WATCH_CORPUS: 'true', WATCH_DEBOUNCE_MS: '300' });
    try {
      await new Promise((r) => setTimeout(r, 500)); // let the watcher start
      await writeFile(join(seed.corpusDir, 'watched.txt'), 'Da Nang opens an AI park\n\nDa Nang opened an artificial intelligence park with 40 companies on Sunday. The park is near the airport.\n');
      await waitFor(async () => ((await (await fetch(`${server.url}/health`)).json()) as { index: { documents: number } }).index.documents === 6, 60_000, 200);
      const res = await postJson(`${server.url}/ask`, { question: 'How many companies are in the Da Nang artificial intelligence park?' });
      expect((res.json as { answer: string }).answer).toContain('40 companies');
    } finally {
      await server.close();
      await seed.cleanup();
    }
  });
});
