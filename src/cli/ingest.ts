/**
 * npm run ingest [-- --corpus DIR --index DIR]
 * Incrementally (re)builds the index from the articles in the corpus folder.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { loadEmbedder, type Embedder } from '../embed/index.js';
import { DEFAULT_HTML_BUDGET } from '../ingest/index.js';
import { updateIndex, type IngestSummary, type UpdateIndexOptions } from '../store/index.js';
import { startProgress, type Progress } from './progress.js';
import { runIfEntryPoint } from './run-command.js';

/** An incremental update of the configured index from the configured corpus. */
export function updateFromConfig(config: Config, embedder: Embedder, hooks: Pick<UpdateIndexOptions, 'onProgress' | 'onWarning' | 'lockOwner'> = {}): Promise<IngestSummary> {
  const { maxFileBytes, fileTimeoutMs, jobTimeoutMs, htmlMaxDepth } = config.ingest;
  return updateIndex({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embedder,
    chunking: config.chunking,
    maxFileBytes,
    fileLimits: { timeoutMs: fileTimeoutMs, htmlBudget: { ...DEFAULT_HTML_BUDGET, maxDepth: htmlMaxDepth } },
    jobTimeoutMs,
    ...hooks,
  });
}

export async function runIngest(config: Config, log: (line: string) => void = (l) => console.error(l)): Promise<IngestSummary> {
  const embedder = await loadEmbedder(config);
  let progress: Progress | null = null;
  const summary = await updateFromConfig(config, embedder, {
    onWarning: (message) => log(`warning: ${message}`),
    onProgress: (done, total) => {
      progress ??= startProgress('Embedding passages', total);
      progress.tick(done);
    },
  });
  (progress as Progress | null)?.stop();
  log(describeSummary(summary));
  return summary;
}

export function describeSummary(s: IngestSummary): string {
  const skipped = s.skipped.map((f) => `  skipped ${f.relativePath ?? f.path}: ${f.reason}`);
  if (s.upToDate) return [`Index ${s.version} is up to date: ${s.unchanged} documents, ${s.passages} passages (${s.skipped.length} files skipped).`, ...skipped].join('\n');
  const lines = [
    s.rebuildReason ? `Full rebuild: ${s.rebuildReason}.` : 'Incremental update.',
    `Documents: ${s.added} added, ${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged, ${s.skipped.length} skipped.`,
    `Passages: ${s.passages} in the index, ${s.embeddedPassages} embedded in ${s.seconds.toFixed(2)}s (${Math.round(s.passagesPerSecond)} passages/s).`,
    ...skipped,
    `Index version ${s.version} is now current.`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { corpus: { type: 'string' }, index: { type: 'string' } } });
  const config = loadConfig();
  if (values.corpus) config.corpusDir = resolve(values.corpus);
  if (values.index) config.indexDir = resolve(values.index);
  await runIngest(config);
}

runIfEntryPoint(import.meta.url, main);
