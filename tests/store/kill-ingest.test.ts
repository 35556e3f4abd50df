import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/retrieve/index.js';
import { loadIndex, updateIndex } from '../../src/store/index.js';
import { realEmbedder, ROOT, testConfig, useSeedCorpusFolders } from '../helpers/fixtures.js';

const { chunking, ingest } = testConfig();
const KILLS = 10;

/** `npm run ingest` in its own process, killed with SIGKILL `afterMs` after it starts (or left to finish when null). */
function ingestProcess(corpusDir: string, indexDir: string, afterMs: number | null): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/ingest.ts'), '--corpus', corpusDir, '--index', indexDir], { cwd: ROOT, env: { ...process.env, MODELS_DIR: join(ROOT, 'models'), LOG_LEVEL: 'silent' }, stdio: 'ignore' });
  const killer = afterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), afterMs);
  return new Promise((resolve) =>
    child.on('exit', () => {
      if (killer) clearTimeout(killer);
      resolve(performance.now() - started);
    }),
  );
}

describe('an ingest killed at any moment', () => {
  let corpusDir: string;
  let indexDir: string;
  useSeedCorpusFolders((folders) => ({ corpusDir, indexDir } = folders));

  /** 60 articles whose text differs from round to round, so that every ingest has passages to embed, index and write. */
  const changeBulk = async (round: number) => {
    const seedText = await readFile(join(corpusDir, '002_879ed44b500be75a.txt'), 'utf8');
    await mkdir(join(corpusDir, 'bulk'), { recursive: true });
    for (let i = 0; i < 60; i++) await writeFile(join(corpusDir, 'bulk', `copy-${i}.txt`), `Bulk article ${i} of round ${round}\n\n${seedText.replace(/Vietnam/g, `Vietnam-${round}-${i}`)}`);
  };

  it(`leaves a loadable index after each of ${KILLS} kills spread over the ingest, and the next ingest finishes`, { timeout: 240_000 }, async () => {
    const embedder = await realEmbedder();
    await updateIndex({ corpusDir, indexDir, embedder, chunking, maxFileBytes: ingest.maxFileBytes });
    await changeBulk(0);
    const fullMs = await ingestProcess(corpusDir, indexDir, null);
    for (let kill = 1; kill <= KILLS; kill++) {
      await changeBulk(kill);
      // From start-up through reading, embedding, the database transaction and writing the version.
      await ingestProcess(corpusDir, indexDir, Math.round((fullMs * (kill - 0.5)) / KILLS));
      const index = await loadIndex(indexDir); // the version CURRENT names, with all its rows, whichever it is
      const [hit] = (await LexicalIndex.forStore(index).query('Bulk article 7', 1));
      expect(hit.passage.text.length).toBeGreaterThan(0);
      expect(index.document(hit.passage.docId)?.cleanText).toContain(hit.passage.text);
    }
    await changeBulk(KILLS + 1);
    const summary = await updateIndex({ corpusDir, indexDir, embedder, chunking, maxFileBytes: ingest.maxFileBytes });
    expect(summary.changed + summary.added).toBe(60);
    const index = await loadIndex(indexDir);
    expect(Object.keys(index.manifest.documents)).toHaveLength(65);
    expect((await LexicalIndex.forStore(index).query(`Vietnam-${KILLS + 1}-7`, 1))[0].passage.docId).toBe('bulk/copy-7.txt');
  });
});
