import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySeedCorpus, MODELS_DIR, ROOT, tempDir } from '../helpers/fixtures.js';

describe('npm start (end-to-end, real model)', () => {
  it('indexes the corpus when there is no index, serves answers, and exits cleanly on SIGTERM', async () => {
    const root = await tempDir();
    await copySeedCorpus(join(root, 'corpus'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/start.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', CORPUS_DIR: join(root, 'corpus'), INDEX_DIR: join(root, 'index'), MODELS_DIR, LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /answering at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('No index in');
    expect(existsSync(join(root, 'index', 'CURRENT'))).toBe(true);
    const res = await fetch(`${url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'How many delegates does the digital week gather?' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { answer: string }).answer).toContain('800');
    const exitCode = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
  });
});
