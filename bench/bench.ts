/**
 * npm run bench [-- --compare-articles 1000 --large-articles 20000 --seconds 10]
 * npm run bench -- --corpus DIR [...]   the same figures on a real corpus (see corpus-bench.ts)
 * Speed and memory on reproducible synthetic corpora (seeded recombination of
 * the seed articles' sentences), each figure beside a baseline measured in the
 * same run. Results: bench/results/bench-latest.json and a table.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { PASSAGES_CONSIDERED, QaEngine } from '../src/answer/index.js';
import { loadConfig } from '../src/config.js';
import { cosine, TransformersEmbedder } from '../src/embed/index.js';
import { loadIndex } from '../src/store/index.js';
import { corpusBench } from './corpus-bench.js';
import { loadQaSet } from './eval/dataset.js';
import { percentile } from './eval/metrics.js';
import { spawnServer } from './server-process.js';
import { prng, seedSentences, writeSyntheticCorpus } from './synthetic-corpus.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

interface Throughput {
  passagesPerSecond: number;
  seconds: number;
  peakRssMb: number;
}

interface BenchResults {
  at: string;
  compareArticles: number;
  largeArticles: number;
  ingest: { passages: number; ours: Throughput; langchain: Throughput; speedup: number };
  reindex: { passages: number; fullRebuildSeconds: number; addOneArticleSeconds: number; addOneArticleRuns: number[]; ratio: number; worstRatio: number; fullPeakRssMb: number };
  hnsw: { queries: number; passages: number; recallAt10: number; exactMsPerQuery: number; hnswMsPerQuery: number; speedup: number };
  retrieval: { p50Ms: number; p95Ms: number };
  query: { firstStatus: number; coldStartMs: number; requestsPerSecond: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number; non2xx: number; serverRssMb: number };
}

interface IngestRun {
  seconds: number;
  passages: number;
  maxRssMb: number;
}

async function ingestRunner(mode: 'ours' | 'langchain', corpus: string, index?: string): Promise<IngestRun> {
  const args = ['--import', 'tsx', join(ROOT, 'bench/ingest-runner.ts'), mode, '--corpus', corpus, ...(index ? ['--index', index] : [])];
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as IngestRun;
}

const INCREMENTAL_RUNS = 5;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--corpus')) return corpusBench(argv);
  const { values } = parseArgs({ args: argv, options: { 'compare-articles': { type: 'string' }, 'large-articles': { type: 'string' }, seconds: { type: 'string' } } });
  const compareArticles = Number(values['compare-articles'] ?? 1000);
  const largeArticles = Number(values['large-articles'] ?? 20000);
  const loadSeconds = Number(values.seconds ?? 10);
  const config = loadConfig();
  const work = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
  const results: Partial<BenchResults> = { at: new Date().toISOString(), compareArticles, largeArticles };
  const log = (m: string) => console.error(`[bench] ${m}`);
  try {
    const sentences = await seedSentences(config.corpusDir);

    log(`ingest throughput: ${compareArticles} synthetic articles, ours vs LangChain`);
    await writeSyntheticCorpus(join(work, 'compare'), compareArticles, sentences, 1);
    const ours = await ingestRunner('ours', join(work, 'compare'), join(work, 'compare-index'));
    const lc = await ingestRunner('langchain', join(work, 'compare'));
    results.ingest = {
      passages: ours.passages,
      ours: { passagesPerSecond: round(ours.passages / ours.seconds), seconds: round(ours.seconds, 2), peakRssMb: ours.maxRssMb },
      langchain: { passagesPerSecond: round(lc.passages / lc.seconds), seconds: round(lc.seconds, 2), peakRssMb: lc.maxRssMb },
      speedup: round(ours.passages / ours.seconds / (lc.passages / lc.seconds), 2),
    };

    log(`large index: ${largeArticles} synthetic articles (full build), then ${INCREMENTAL_RUNS} single-article additions (incremental)`);
    const large = join(work, 'large');
    const largeIndex = join(work, 'large-index');
    await writeSyntheticCorpus(large, largeArticles, sentences, 2);
    const full = await ingestRunner('ours', large, largeIndex);
    // Each added article is its own ingest; the median of several is reported because one run is at the mercy of disk caches.
    const addSeconds: number[] = [];
    for (let n = 0; n < INCREMENTAL_RUNS; n++) {
      await writeSyntheticCorpus(join(large, `new-${n}`), 1, sentences, 3 + n, largeArticles + n);
      addSeconds.push((await ingestRunner('ours', large, largeIndex)).seconds);
    }
    const addMedian = percentile(addSeconds, 50);
    results.reindex = {
      passages: full.passages,
      fullRebuildSeconds: round(full.seconds, 2),
      addOneArticleSeconds: round(addMedian, 3),
      addOneArticleRuns: addSeconds.map((s) => round(s, 3)),
      ratio: round(addMedian / full.seconds, 4),
      worstRatio: round(Math.max(...addSeconds) / full.seconds, 4),
      fullPeakRssMb: full.maxRssMb,
    };

    log('HNSW vs exact search on the large index');
    const embedder = await TransformersEmbedder.load({ modelId: config.embedding.model, modelsDir: config.modelsDir });
    const store = await loadIndex(largeIndex);
    const questions = (await loadQaSet(join(ROOT, 'tests/eval/seed-qa.jsonl'))).map((q) => q.q);
    const rand = prng(7);
    const probes = [...questions, ...Array.from({ length: 200 - questions.length }, () => sentences[Math.floor(rand() * sentences.length)])];
    const queryVectors = await embedder.embed(probes, 'query');
    const all = store.allPassages().map((p) => ({ id: p.chunkId, v: store.vectorOf(p) }));
    let hits = 0;
    let exactMs = 0;
    let hnswMs = 0;
    for (const q of queryVectors) {
      let t = performance.now();
      const exact = all.map((x) => ({ id: x.id, s: cosine(q, x.v) })).sort((a, b) => b.s - a.s).slice(0, 10).map((x) => x.id);
      exactMs += performance.now() - t;
      t = performance.now();
      const approx = new Set(store.searchVector(q, 10).map((h) => h.passage.chunkId));
      hnswMs += performance.now() - t;
      hits += exact.filter((id) => approx.has(id)).length;
    }
    results.hnsw = { queries: queryVectors.length, passages: all.length, recallAt10: round(hits / (10 * queryVectors.length), 4), exactMsPerQuery: round(exactMs / queryVectors.length, 2), hnswMsPerQuery: round(hnswMs / queryVectors.length, 3), speedup: round(exactMs / hnswMs, 1) };

    log('retrieval step alone, in process');
    const engine = QaEngine.create(store, { embedder });
    const retrieveMs: number[] = [];
    for (const q of [...questions, ...questions]) {
      const t = performance.now();
      await engine.retriever.retrieve({ question: q, k: PASSAGES_CONSIDERED });
      retrieveMs.push(performance.now() - t);
    }
    results.retrieval = { p50Ms: round(percentile(retrieveMs, 50), 2), p95Ms: round(percentile(retrieveMs, 95), 2) };

    log('cold start and /ask under load (server in its own process)');
    const started = performance.now();
    const server = await spawnServer({ INDEX_DIR: largeIndex, CORPUS_DIR: large }, { compile: true });
    const first = await fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[0] }) });
    await first.text();
    const coldStartMs = performance.now() - started;
    let i = 0;
    const load = await autocannon({
      url: `${server.url}/ask`,
      connections: 10,
      duration: loadSeconds,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: questions[i++ % questions.length] }) }) }],
    });
    const rssMb = (await server.rssBytes()) / 1e6;
    await server.stop();
    results.query = { firstStatus: first.status, coldStartMs: Math.round(coldStartMs), requestsPerSecond: round(load.requests.average), p50Ms: load.latency.p50, p95Ms: percentileFromHistogram(load, 95), p99Ms: load.latency.p99, errors: load.errors, non2xx: load.non2xx, serverRssMb: Math.round(rssMb) };

    await writeFile(join(ROOT, 'bench/results/bench-latest.json'), JSON.stringify(results, null, 2));
    console.log(formatBench(results as BenchResults));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function percentileFromHistogram(result: autocannon.Result, p: 95): number {
  // autocannon reports p90 and p97_5; p95 is interpolated between them.
  const { p90, p97_5 } = result.latency;
  return Math.round((p90 + ((p - 90) / 7.5) * (p97_5 - p90)) * 10) / 10;
}

function formatBench(r: BenchResults): string {
  return [
    '| measure | newsdesk | baseline | ratio |',
    '|---|---|---|---|',
    `| ingest, passages/s (${r.ingest.passages} passages) | ${r.ingest.ours.passagesPerSecond} | ${r.ingest.langchain.passagesPerSecond} (LangChain HF embeddings + HNSWLib) | ${r.ingest.speedup}× |`,
    `| ingest peak RSS MB | ${r.ingest.ours.peakRssMb} | ${r.ingest.langchain.peakRssMb} | |`,
    `| add 1 article to a ${r.reindex.passages}-passage index, s | ${r.reindex.addOneArticleSeconds} | ${r.reindex.fullRebuildSeconds} (full rebuild) | ${(r.reindex.ratio * 100).toFixed(2)} % (median of ${r.reindex.addOneArticleRuns.length}; worst ${(r.reindex.worstRatio * 100).toFixed(2)} %) |`,
    `| HNSW recall@10 vs exact (${r.hnsw.queries} queries) | ${r.hnsw.recallAt10} | 1 (exact) | |`,
    `| vector search ms/query | ${r.hnsw.hnswMsPerQuery} | ${r.hnsw.exactMsPerQuery} (exact) | ${r.hnsw.speedup}× faster |`,
    `| retrieval step p50 / p95 ms | ${r.retrieval.p50Ms} / ${r.retrieval.p95Ms} | | |`,
    `| /ask p50 / p95 / p99 ms (10 connections) | ${r.query.p50Ms} / ${r.query.p95Ms} / ${r.query.p99Ms} | | |`,
    `| /ask requests/s | ${r.query.requestsPerSecond} (errors ${r.query.errors}, non-2xx ${r.query.non2xx}) | | |`,
    `| cold start to first answer, ms | ${r.query.coldStartMs} | | |`,
    `| server RSS with the large index, MB | ${r.query.serverRssMb} | | |`,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
