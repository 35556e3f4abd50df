/**
 * npm run ingest [-- --corpus DIR --index DIR]
 * Incrementally (re)builds the index from the articles in the corpus folder.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { loadEmbedder, type Embedder } from '../embed/index.js';
import { DEFAULT_HTML_BUDGET } from '../ingest/index.js';
import { statusLogger } from '../logging.js';
import { updateIndex, type IngestSummary, type UpdateIndexOptions } from '../store/index.js';
import { startProgress, type Progress } from './progress.js';
import { runIfEntryPoint } from './run-command.js';

/** An incremental update of the configured index from the configured corpus. */
export function updateFromConfig(config: Config, embedder: Embedder, hooks: Pick<UpdateIndexOptions, 'onProgress' | 'onWarning' | 'lockOwner' | 'paths' | 'cache'> = {}): Promise<IngestSummary> {
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

/** Runs an incremental ingest; its summary lines are the command's output, warnings are logged as they come. */
export async function runIngest(config: Config, logger: Logger): Promise<IngestSummary> {
  const embedder = await loadEmbedder(config);
  let progress: Progress | null = null;
  const summary = await updateFromConfig(config, embedder, {
    onWarning: (message) => logger.warn(message),
    onProgress: (done, total) => {
      progress ??= startProgress('Embedding passages', total, logger);
      progress.tick(done);
    },
  });
  (progress as Progress | null)?.stop();
  logSummary(statusLogger(logger), summary);
  return summary;
}

function logSummary(logger: Logger, s: IngestSummary): void {
  for (const line of describeSummary(s)) logger.info(line);
  for (const f of s.skipped) logger.warn({ path: f.relativePath ?? f.path, reason: f.reason }, `skipped ${f.relativePath ?? f.path}: ${f.reason}`);
}

/** The summary's lines, skipped files aside. */
function describeSummary(s: IngestSummary): string[] {
  if (s.upToDate) return [`Index ${s.version} is up to date: ${s.unchanged} documents, ${s.passages} passages (${s.skipped.length} files skipped).`];
  return [
    s.rebuildReason ? `Full rebuild: ${s.rebuildReason}.` : 'Incremental update.',
    `Documents: ${s.added} added, ${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged, ${s.skipped.length} skipped.`,
    `Passages: ${s.passages} in the index, ${s.embeddedPassages} embedded in ${s.seconds.toFixed(2)}s (${Math.round(s.passagesPerSecond)} passages/s).`,
    `Index version ${s.version} is now current.`,
  ];
}

async function main(config: Config, logger: Logger): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { corpus: { type: 'string' }, index: { type: 'string' } } });
  if (values.corpus) config.corpusDir = resolve(values.corpus);
  if (values.index) config.indexDir = resolve(values.index);
  await runIngest(config, logger);
}

runIfEntryPoint(import.meta.url, main);
