/**
 * npm run bench -- --corpus DIR [--index DIR] [--seconds 10] [--questions 300] [--additions 3] [--sizes 0.25,0.5,1,2]
 * The archive figures on a real corpus: full ingest (time, peak RSS), cold start to the first
 * answer, server RSS, /ask latency for one client and for 10 connections, and how long a new
 * article posted to /admin/documents takes to be answerable. `--index` keeps (and reuses) the
 * index between runs; `--sizes` adds the growth curve (fractions of the corpus; 2 = the corpus
 * twice, the second copy's text changed). The corpus is hard-linked (else copied) into a temporary
 * folder, because uploads are written into the corpus; nothing is written next to DIR.
 */
import { execFile } from 'node:child_process';
import { cp, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { percentile } from './eval/metrics.js';
import { spawnServer, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (m: string) => console.error(`[bench] ${m}`);
const ADMIN_TOKEN = 'corpus-bench';

interface ServerFigures {
  coldStartMs: number;
  rssAfterStartMb: number;
  oneClient: { questions: number; p50Ms: number; p95Ms: number; p99Ms: number };
  tenConnections: { seconds: number; requests: number; requestsPerSecond: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number; non2xx: number };
  rssAfterLoadMb: number;
  newArticleAnswerableMs: number[];
  rssAfterNewVersionsMb: number;
}

interface SizeFigures {
  size: number;
  passages: number;
  ingest: { seconds: number; peakRssMb: number } | null;
  server: ServerFigures;
}

export async function corpusBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: 'string' }, index: { type: 'string' }, seconds: { type: 'string' }, questions: { type: 'string' }, additions: { type: 'string' }, sizes: { type: 'string' } },
  });
  const source = resolve(values.corpus!);
  const options = { seconds: Number(values.seconds ?? 10), questions: Number(values.questions ?? 300), additions: Number(values.additions ?? 3) };
  const sizes = (values.sizes ?? '1').split(',').map(Number);
  const work = await mkdtemp(join(tmpdir(), 'newsdesk-corpus-bench-'));
  const results: SizeFigures[] = [];
  try {
    for (const size of sizes) {
      const corpus = join(work, `corpus-${size}`);
      log(`corpus ×${size}: preparing ${corpus}`);
      await prepareCorpus(source, corpus, size);
      const indexDir = size === 1 && values.index ? resolve(values.index) : join(work, `index-${size}`);
      const ingest = await ingestIfNeeded(corpus, indexDir);
      const server = await measureServer(corpus, indexDir, options);
      results.push({ size, passages: await passageCount(indexDir), ingest, server });
      log(JSON.stringify(results.at(-1)));
    }
    const out = { at: new Date().toISOString(), corpus: source, results };
    await writeFile(join(ROOT, 'bench/results/corpus-bench-latest.json'), JSON.stringify(out, null, 2));
    console.log(formatTable(results));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The corpus at `size` times its size: evenly spaced files (every fourth for 0.25, so that each part
 * of the archive is sampled alike), or all of them plus changed copies.
 */
async function prepareCorpus(source: string, target: string, size: number): Promise<void> {
  const files = (await listFiles(source)).sort();
  const whole = Math.floor(size);
  const partial = size - whole;
  const take = whole === 0 ? files.filter((_, i) => Math.floor((i + 1) * partial) > Math.floor(i * partial)) : files;
  for (const file of take) await linkOrCopy(file, join(target, relative(source, file)));
  for (let copy = 2; copy <= whole; copy++) {
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      // A changed copy: a different title line and a marker in every paragraph, so that no passage is a duplicate.
      const changed = text.replace(/^(.*)$/m, `$1 (copy ${copy})`).replace(/\n\n/g, `\n\nCopy ${copy}. `);
      const out = join(target, `copy-${copy}`, relative(source, file));
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, changed);
    }
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))));
  return nested.flat();
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => cp(from, to, { preserveTimestamps: true }));
}

async function ingestIfNeeded(corpus: string, indexDir: string): Promise<{ seconds: number; peakRssMb: number } | null> {
  const reused = existsSync(join(indexDir, 'CURRENT'));
  log(reused ? `bringing the existing index ${indexDir} up to date` : `full ingest into ${indexDir}`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/ingest-runner.ts'), 'ours', '--corpus', corpus, '--index', indexDir], { cwd: ROOT, maxBuffer: 1 << 26 });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; maxRssMb: number };
  return reused ? null : { seconds: round(result.seconds), peakRssMb: result.maxRssMb };
}

async function passageCount(indexDir: string): Promise<number> {
  const version = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
  const manifest = JSON.parse(await readFile(join(indexDir, 'versions', version, 'manifest.json'), 'utf8')) as { passages: number };
  return manifest.passages;
}

async function measureServer(corpus: string, indexDir: string, options: { seconds: number; questions: number; additions: number }): Promise<ServerFigures> {
  log('cold start to the first answer');
  const started = performance.now();
  const server = await spawnServer({ INDEX_DIR: indexDir, CORPUS_DIR: corpus, WATCH_CORPUS: 'false', ADMIN_TOKEN: ADMIN_TOKEN }, { compile: true });
  try {
    const first = await ask(server, 'What is this archive about?');
    await first.text();
    if (first.status !== 200) throw new Error(`first /ask answered ${first.status}`);
    const coldStartMs = Math.round(performance.now() - started);
    const rssAfterStartMb = await rssMb(server);
    log(`first answer after ${coldStartMs} ms, RSS ${rssAfterStartMb} MB`);
    const questions = await questionsFrom(server, options.questions);

    log(`one client, ${questions.length} questions`);
    const latencies: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      const response = await ask(server, q);
      // Read to the end, as a client does: an unread body also keeps its connection from being reused.
      const body = await response.text();
      latencies.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`/ask answered ${response.status} to "${q}": ${body}`);
    }

    log(`10 connections, ${options.seconds} s`);
    let i = 0;
    const load = await autocannon({
      url: `${server.url}/ask`,
      connections: 10,
      duration: options.seconds,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: questions[i++ % questions.length] }) }) }],
    });
    const rssAfterLoadMb = await rssMb(server);
    log(`one client p50 ${round(percentile(latencies, 50))} ms, p95 ${round(percentile(latencies, 95))} ms; 10 connections p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, ${load.errors + load.non2xx} errors; RSS ${rssAfterLoadMb} MB`);

    log(`${options.additions} new articles, each posted and asked about until it is cited`);
    const answerable: number[] = [];
    for (let n = 0; n < options.additions; n++) {
      answerable.push(await newArticleAnswerableMs(server, n));
      log(`new article ${n + 1} answerable after ${answerable.at(-1)} ms`);
    }
    return {
      coldStartMs,
      rssAfterStartMb,
      oneClient: { questions: latencies.length, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), p99Ms: round(percentile(latencies, 99)) },
      tenConnections: {
        seconds: options.seconds,
        requests: load.requests.total,
        requestsPerSecond: round(load.requests.average),
        p50Ms: load.latency.p50,
        p95Ms: round(load.latency.p90 + (5 / 7.5) * (load.latency.p97_5 - load.latency.p90)),
        p99Ms: load.latency.p99,
        errors: load.errors,
        non2xx: load.non2xx,
      },
      rssAfterLoadMb,
      newArticleAnswerableMs: answerable,
      rssAfterNewVersionsMb: await rssMb(server),
    };
  } finally {
    await server.stop();
  }
}

function ask(server: ServerProcess, question: string): Promise<Response> {
  return fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
}

async function rssMb(server: ServerProcess): Promise<number> {
  return Math.round((await server.rssBytes()) / 1048576);
}

/** Questions made from the archive's own titles ("What happened: <title>?"), spread over the library's pages. */
async function questionsFrom(server: ServerProcess, count: number): Promise<string[]> {
  const page = (await (await fetch(`${server.url}/documents?limit=100&sort=title`)).json()) as { total: number; documents: Array<{ title: string }> };
  const titles: string[] = page.documents.map((d) => d.title);
  const step = Math.max(1, Math.floor(page.total / count));
  for (let offset = 100; titles.length < count && offset < page.total; offset += step * 10) {
    const more = (await (await fetch(`${server.url}/documents?limit=10&offset=${offset}&sort=title`)).json()) as { documents: Array<{ title: string }> };
    titles.push(...more.documents.map((d) => d.title));
  }
  return titles.slice(0, count).map((t) => `What happened: ${t}?`);
}

/** Posts an article with a fact no other article has, then asks about it until the answer cites it. */
async function newArticleAnswerableMs(server: ServerProcess, n: number): Promise<number> {
  const town = `Velkaro${n}`;
  const body = {
    title: `Harbour at ${town} to open in March`,
    published: '2031-01-15',
    text: `The port authority said on Monday that the new deep-water harbour at ${town} will open on 14 March 2031. The harbour cost 41 million dollars and will handle container ships.`,
  };
  const started = performance.now();
  const posted = await fetch(`${server.url}/admin/documents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify(body) });
  if (posted.status !== 202) throw new Error(`POST /admin/documents answered ${posted.status}: ${await posted.text()}`);
  const { docId } = (await posted.json()) as { docId: string };
  while (performance.now() - started < 120_000) {
    const answer = (await (await ask(server, `When will the harbour at ${town} open?`)).json()) as { citations?: Array<{ docId: string }> };
    if (answer.citations?.some((c) => c.docId === docId)) return Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the article about ${town} was not answerable after 120 s`);
}

function formatTable(results: SizeFigures[]): string {
  const rows = results.map((r) => {
    const s = r.server;
    const ingest = r.ingest ? `${r.ingest.seconds} s / ${r.ingest.peakRssMb} MB` : '(reused)';
    return `| ×${r.size} | ${r.passages} | ${ingest} | ${s.coldStartMs} | ${s.rssAfterStartMb} / ${s.rssAfterLoadMb} / ${s.rssAfterNewVersionsMb} | ${s.oneClient.p50Ms} / ${s.oneClient.p95Ms} / ${s.oneClient.p99Ms} | ${s.tenConnections.p50Ms} / ${s.tenConnections.p95Ms} / ${s.tenConnections.p99Ms} (${s.tenConnections.requestsPerSecond} req/s, ${s.tenConnections.errors + s.tenConnections.non2xx} errors) | ${s.newArticleAnswerableMs.join(', ')} |`;
  });
  return [
    '| size | passages | full ingest (time / peak RSS) | cold start to first answer, ms | server RSS MB after start / load / new versions | /ask one client p50 / p95 / p99 ms | /ask 10 connections p50 / p95 / p99 ms | new article answerable, ms |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
