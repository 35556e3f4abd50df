import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest.js';
import type { IngestSummary } from '../../src/store/index.js';
import { longLine, nestedDivs, PLAIN_HTML, unpunctuatedLine } from '../helpers/adversarial.js';
import { copySeedCorpus, ROOT, tempDir, testConfig } from '../helpers/fixtures.js';
import { captureLogs } from '../helpers/log-capture.js';
import { postJson, startTestServer, type TestServer } from '../helpers/server.js';

let root = '';
let server: TestServer;
let summary: IngestSummary;
const ingestLog = captureLogs();

/** Every hostile article of issue 15, beside the seed articles. */
const HOSTILE: Record<string, string | Buffer> = {
  'plain.html': PLAIN_HTML,
  'nested-500.html': nestedDivs(500),
  'nested-1000.html': nestedDivs(1000),
  'nested-2000.html': nestedDivs(2000),
  'nested-20000.html': nestedDivs(20_000),
  'line-400k.txt': longLine(400_000),
  'line-2m.txt': longLine(2_000_000),
  'nopunct-50k-words.txt': unpunctuatedLine(50_000),
  'binary.txt': Buffer.from([0x41, 0x00, 0x42]),
  'latin1.txt': Buffer.from('Caf\xe9 article with invalid UTF-8 bytes. It is not text we can read.', 'latin1'),
  'empty.md': '',
  'menu.html': '<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>',
};
const UNUSABLE = ['binary.txt', 'latin1.txt', 'empty.md', 'menu.html'];

beforeAll(async () => {
  root = await tempDir();
  const corpusDir = join(root, 'corpus');
  const indexDir = join(root, 'index');
  await copySeedCorpus(corpusDir);
  await mkdir(join(corpusDir, 'hostile'));
  for (const [name, content] of Object.entries(HOSTILE)) await writeFile(join(corpusDir, 'hostile', name), content);
  summary = await runIngest(testConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }), ingestLog.logger);
  server = await startTestServer(indexDir, { CORPUS_DIR: corpusDir });
});
afterAll(async () => {
  await server?.close();
  const { rm } = await import('node:fs/promises');
  if (root) await rm(root, { recursive: true, force: true });
});

interface AskBody {
  answered: boolean;
  answer: string;
  citations: Array<{ docId: string; text: string }>;
}

describe('an adversarial corpus (issue 15) beside the seed articles', () => {
  it('indexes every usable article and names each skipped file with its reason in the CLI output', () => {
    expect(summary.added).toBe(5 + Object.keys(HOSTILE).length - UNUSABLE.length);
    expect(summary.skipped.map((s) => s.relativePath).sort()).toEqual(UNUSABLE.map((n) => `hostile/${n}`).sort());
    const output = ingestLog.records().map((r) => r.msg).join('\n');
    for (const name of UNUSABLE) expect(output).toMatch(new RegExp(`hostile/${name.replace('.', '\\.')}: \\S`));
  });

  it('still answers questions about each seed article', async () => {
    const questions = readFileSync(join(ROOT, 'tests/eval/seed-qa.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { q: string; a?: string[]; doc?: string });
    const firstPerDoc = new Map<string, { q: string; a: string[] }>();
    for (const q of questions) if (q.doc && q.a && !firstPerDoc.has(q.doc)) firstPerDoc.set(q.doc, { q: q.q, a: q.a });
    expect(firstPerDoc.size).toBe(5);
    const quotedAnswers: string[] = [];
    for (const [doc, { q, a }] of firstPerDoc) {
      const res = await postJson(`${server.url}/ask`, { question: q });
      const body = res.json as unknown as AskBody;
      expect(body.answered, q).toBe(true);
      expect(body.citations[0].docId, q).toBe(doc);
      if (a.some((expected) => body.answer.toLowerCase().includes(expected.toLowerCase()))) quotedAnswers.push(q);
    }
    // The hostile files change the corpus statistics the answer model reads, as any new article does;
    // what must hold is that the seed articles are found and answered, not one answer's exact wording.
    expect(quotedAnswers.length).toBeGreaterThanOrEqual(4);
  });

  it('quotes a bounded passage from the unpunctuated article, and the conversation can go on', async () => {
    const question = 'What does the lantern orchestra rehearsal timetable say about the ferry terminal council?';
    const first = await fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const raw = await first.text();
    expect(first.status).toBe(200);
    expect(raw.length).toBeLessThan(25_000); // it was a 1 MB response
    const body = JSON.parse(raw) as AskBody;
    expect(body.citations.some((c) => c.docId === 'hostile/nopunct-50k-words.txt')).toBe(true);
    expect(Math.max(...body.citations.map((c) => c.text.length))).toBeLessThanOrEqual(1500);
    expect(body.answer.length).toBeLessThanOrEqual(4000);
    const followUp = await postJson(`${server.url}/ask`, { question: 'And the violin?', history: [{ role: 'user', content: question }, { role: 'assistant', content: body.answer }] });
    expect(followUp.status).toBe(200);
  });
});
