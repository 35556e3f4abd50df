/**
 * npm run eval [-- --corpus DIR --qa FILE --out FILE]
 *
 * With no arguments: the seed set and the public dev sets (../shared/qa-dev,
 * when present), each scored for the project and its baselines (BM25 only,
 * dense only, plain LangChain); the dev sets' leave-out variants (every fifth
 * article left out, its questions unanswerable); and the follow-up
 * conversations (tests/eval/followup-conversations.jsonl); the cross-language set
 * (tests/eval/cross-language-qa.jsonl). With --corpus and
 * --qa: that one set. Each corpus is indexed into a temporary index.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QaEngine } from '../src/answer/index.js';
import { loadConfig } from '../src/config.js';
import { TransformersEmbedder } from '../src/embed/index.js';
import { loadIndex, updateIndex, type PassageStore } from '../src/store/index.js';
import { loadConversations, playConversations, type Conversation, type TurnOutcome } from './eval/conversations.js';
import { loadQaSet, type QaItem } from './eval/dataset.js';
import { leaveOutVariant, standardSets, type QuestionSet } from './eval/question-sets.js';
import { buildReport, formatTable, type SystemReport } from './eval/report.js';
import { bm25System, denseExactSystem, langchainSystem, projectSystem, type EvalModels, type EvalSystem } from './eval/systems.js';
import type { SystemOutput } from './eval/metrics.js';

const CONVERSATIONS = resolve('tests/eval/followup-conversations.jsonl');
/** Vietnamese questions about the seed's English articles, 15 answerable and 12 not: scored, never trained on. */
const CROSS_LANGUAGE: QuestionSet = { name: 'cross-language', corpusDir: resolve('corpus'), qaPath: resolve('tests/eval/cross-language-qa.jsonl') };
/** The sets `npm run eval` scores with baselines; calibration and hold-out are training sets of the answer model. */
const EVALUATED = ['seed', 'squad2-en', 'mlqa-vi'];
const DEV_SETS = ['squad2-en', 'mlqa-vi'];

/**
 * Every system answers every question; for each question the systems take
 * turns in a rotating order, so that no system's latencies carry the
 * process's warm-up (JIT, first model calls) more than another's.
 */
async function runSystems(systems: EvalSystem[], items: QaItem[]): Promise<SystemOutput[][]> {
  const outputs: SystemOutput[][] = systems.map(() => []);
  for (const [i, item] of items.entries()) {
    for (let turn = 0; turn < systems.length; turn++) {
      const s = (i + turn) % systems.length;
      outputs[s].push(await systems[s].run(item));
    }
  }
  return outputs;
}

/** Indexes each corpus once per run, into temporary folders removed at the end. */
class Indexes {
  private readonly stores = new Map<string, Promise<PassageStore>>();
  private readonly dirs: string[] = [];

  constructor(private readonly models: EvalModels) {}

  store(corpusDir: string): Promise<PassageStore> {
    let store = this.stores.get(corpusDir);
    if (!store) {
      store = this.build(corpusDir);
      this.stores.set(corpusDir, store);
    }
    return store;
  }

  private async build(corpusDir: string): Promise<PassageStore> {
    const config = loadConfig();
    const indexDir = await mkdtemp(join(tmpdir(), 'newsdesk-eval-'));
    this.dirs.push(indexDir);
    const summary = await updateIndex({ corpusDir, indexDir, embedder: this.models.embedder, chunking: config.chunking, maxFileBytes: config.ingest.maxFileBytes });
    console.error(`Indexed ${corpusDir}: ${summary.passages} passages.`);
    return loadIndex(indexDir);
  }

  async remove(): Promise<void> {
    await Promise.all(this.dirs.map((d) => rm(d, { recursive: true, force: true })));
  }
}

async function evaluateSet(indexes: Indexes, models: EvalModels, name: string, corpusDir: string, items: QaItem[], withBaselines: boolean): Promise<SystemReport[]> {
  const store = await indexes.store(corpusDir);
  const systems = withBaselines ? [projectSystem(store, models), bm25System(store, models), denseExactSystem(store, models), await langchainSystem(corpusDir, store, models)] : [projectSystem(store, models)];
  const outputs = await runSystems(systems, items);
  const reports = systems.map((system, s) => buildReport(system.name, items, outputs[s]));
  console.log(`\n### ${name} (${items.length} questions)\n\n${formatTable(reports)}`);
  return reports;
}

async function evaluateConversations(indexes: Indexes, models: EvalModels, sets: QuestionSet[]): Promise<Record<string, TurnOutcome[]>> {
  const conversations = await loadConversations(CONVERSATIONS);
  const byCorpus = new Map<string, Conversation[]>();
  for (const c of conversations) byCorpus.set(c.corpus, [...(byCorpus.get(c.corpus) ?? []), c]);
  const results: Record<string, TurnOutcome[]> = {};
  for (const [corpus, group] of byCorpus) {
    const set = sets.find((s) => s.name === corpus);
    if (!set) continue;
    const engine = QaEngine.create(await indexes.store(set.corpusDir), models);
    results[corpus] = await playConversations(engine, group);
  }
  const pct = (a: number, b: number) => `${b === 0 ? '–' : ((a / b) * 100).toFixed(1)} %`;
  const lines = ['| corpus | conversations | follow-up turns | answered with an accepted answer | answered "not in the articles" |', '|---|---|---|---|---|'];
  const all = Object.values(results).flat();
  for (const [corpus, outcomes] of [...Object.entries(results), ['all', all] as const]) {
    const count = new Set(outcomes.map((o) => o.conversation)).size;
    lines.push(`| ${corpus} | ${count} | ${outcomes.length} | ${pct(outcomes.filter((o) => o.accepted).length, outcomes.length)} | ${pct(outcomes.filter((o) => !o.answered).length, outcomes.length)} |`);
  }
  console.log(`\n### follow-up conversations (${CONVERSATIONS})\n\n${lines.join('\n')}`);
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { corpus: { type: 'string' }, qa: { type: 'string' }, out: { type: 'string' } } });
  const config = loadConfig();
  const outPath = resolve(values.out ?? 'bench/results/eval-latest.json');
  const load = (modelId: string) => TransformersEmbedder.load({ modelId, modelsDir: config.modelsDir, allowRemoteModels: config.embedding.allowRemoteModels, quantized: config.embedding.quantized });
  const embedder = await load(config.embedding.model);
  const models: EvalModels = { embedder, sentenceEmbedder: await load(config.embedding.sentenceModel) };
  const indexes = new Indexes(models);
  const results: Record<string, unknown> = {};
  try {
    if (values.corpus || values.qa) {
      const corpusDir = resolve(values.corpus ?? config.corpusDir);
      const qaPath = resolve(values.qa ?? 'tests/eval/seed-qa.jsonl');
      results[qaPath] = await evaluateSet(indexes, models, qaPath, corpusDir, await loadQaSet(qaPath), true);
    } else {
      const sets = standardSets().filter((s) => existsSync(s.qaPath));
      for (const set of sets.filter((s) => EVALUATED.includes(s.name))) {
        results[set.name] = await evaluateSet(indexes, models, set.name, set.corpusDir, await loadQaSet(set.qaPath), true);
      }
      if (existsSync(CROSS_LANGUAGE.qaPath)) {
        const name = 'cross-language (Vietnamese questions, English seed articles)';
        results[CROSS_LANGUAGE.name] = await evaluateSet(indexes, models, name, CROSS_LANGUAGE.corpusDir, await loadQaSet(CROSS_LANGUAGE.qaPath), false);
      }
      for (const set of sets.filter((s) => DEV_SETS.includes(s.name))) {
        const variant = await leaveOutVariant(set);
        const name = `${set.name}, every fifth article left out (${variant.removed.size} articles; their questions unanswerable)`;
        results[`${set.name} left-out`] = await evaluateSet(indexes, models, name, variant.corpusDir, variant.items, false);
        await rm(variant.corpusDir, { recursive: true, force: true });
      }
      if (existsSync(CONVERSATIONS)) results.conversations = await evaluateConversations(indexes, models, sets);
    }
    await writeFile(outPath, JSON.stringify({ model: embedder.modelId, sentenceModel: models.sentenceEmbedder?.modelId, at: new Date().toISOString(), results }, null, 2));
    console.error(`Wrote ${outPath}`);
  } finally {
    await indexes.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
