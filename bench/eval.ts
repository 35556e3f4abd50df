/**
 * npm run eval [-- --corpus DIR --qa FILE --out FILE]
 * Indexes the corpus into a temporary index and scores the project and its
 * baselines (BM25 only, dense only, plain LangChain) on a JSONL question set.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { TransformersEmbedder } from '../src/embed/index.js';
import { loadIndex, updateIndex } from '../src/store/index.js';
import { loadQaSet } from './eval/dataset.js';
import { buildReport, formatTable, type SystemReport } from './eval/report.js';
import { bm25System, denseExactSystem, langchainSystem, projectSystem, type EvalSystem } from './eval/systems.js';
import type { SystemOutput } from './eval/metrics.js';

/**
 * Every system answers every question; for each question the systems take
 * turns in a rotating order, so that no system's latencies carry the
 * process's warm-up (JIT, first model calls) more than another's.
 */
async function runSystems(systems: EvalSystem[], items: Awaited<ReturnType<typeof loadQaSet>>): Promise<SystemOutput[][]> {
  const outputs: SystemOutput[][] = systems.map(() => []);
  for (const [i, item] of items.entries()) {
    for (let turn = 0; turn < systems.length; turn++) {
      const s = (i + turn) % systems.length;
      outputs[s].push(await systems[s].run(item));
    }
  }
  return outputs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { corpus: { type: 'string' }, qa: { type: 'string' }, out: { type: 'string' } } });
  const config = loadConfig();
  const corpusDir = resolve(values.corpus ?? config.corpusDir);
  const qaPath = resolve(values.qa ?? 'tests/eval/seed-qa.jsonl');
  const outPath = resolve(values.out ?? 'bench/results/eval-latest.json');
  const items = await loadQaSet(qaPath);
  const indexDir = await mkdtemp(join(tmpdir(), 'newsdesk-eval-'));
  try {
    const load = (modelId: string) => TransformersEmbedder.load({ modelId, modelsDir: config.modelsDir, allowRemoteModels: config.embedding.allowRemoteModels, quantized: config.embedding.quantized });
    const embedder = await load(config.embedding.model);
    const models = { embedder, sentenceEmbedder: await load(config.embedding.sentenceModel) };
    const summary = await updateIndex({ corpusDir, indexDir, embedder, chunking: config.chunking, maxFileBytes: config.ingest.maxFileBytes });
    console.error(`Indexed ${corpusDir}: ${summary.passages} passages. Evaluating ${items.length} questions from ${qaPath}.`);
    const store = await loadIndex(indexDir);
    const systems = [projectSystem(store, models), bm25System(store, models), denseExactSystem(store, models), await langchainSystem(corpusDir, store, models)];
    const outputs = await runSystems(systems, items);
    const reports: SystemReport[] = systems.map((system, s) => buildReport(system.name, items, outputs[s]));
    console.log(formatTable(reports));
    await writeFile(outPath, JSON.stringify({ corpus: corpusDir, qa: qaPath, model: embedder.modelId, sentenceModel: models.sentenceEmbedder.modelId, passages: summary.passages, at: new Date().toISOString(), reports }, null, 2));
    console.error(`Wrote ${outPath}`);
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
