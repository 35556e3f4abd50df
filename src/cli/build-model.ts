/**
 * npm run build:model — distils the teacher (USE lite) into the project's
 * static transformers.js model. Build-time only: never imported by the server.
 *
 *   npm run build:model -- [--out DIR] [--dims N|all] [--weighting sif|none]
 *                          [--sif-a A] [--no-center] [--quantize float32|int8] [--lowercase]
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { DEFAULT_DISTILL_OPTIONS, describeOptions, distillTable, type DistillOptions } from './build-model/distill.js';
import { writeModelFolder } from './build-model/model-folder.js';
import { loadTeacher, TEACHER, type Teacher } from './build-model/teacher.js';
import { startProgress } from './progress.js';
import { runIfEntryPoint } from './run-command.js';

const PIECE_BATCH = 500;

export async function embedVocabulary(teacher: Teacher, onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
  const size = teacher.vocabulary.length;
  const dims = (await teacher.embedPieces([TEACHER.reservedIds]))[0].length;
  const rows: Float32Array[] = Array.from({ length: TEACHER.reservedIds }, () => new Float32Array(dims));
  for (let from = TEACHER.reservedIds; from < size; from += PIECE_BATCH) {
    const ids = Array.from({ length: Math.min(PIECE_BATCH, size - from) }, (_, i) => from + i);
    rows.push(...(await teacher.embedPieces(ids)));
    onProgress?.(Math.min(from + PIECE_BATCH, size), size);
  }
  return rows;
}

function optionsFromArgs(argv: string[], modelsDir: string): { out: string; options: DistillOptions } {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      dims: { type: 'string' },
      weighting: { type: 'string' },
      'sif-a': { type: 'string' },
      'no-center': { type: 'boolean' },
      quantize: { type: 'string' },
      lowercase: { type: 'boolean' },
    },
  });
  const d = DEFAULT_DISTILL_OPTIONS;
  const a = values['sif-a'] === undefined ? (d.weighting.kind === 'sif' ? d.weighting.a : 1e-3) : Number(values['sif-a']);
  const weightingKind = values.weighting ?? d.weighting.kind;
  if (weightingKind !== 'sif' && weightingKind !== 'none') throw new Error(`--weighting must be sif or none, got "${weightingKind}"`);
  const quantize = values.quantize ?? d.quantize;
  if (quantize !== 'float32' && quantize !== 'int8') throw new Error(`--quantize must be float32 or int8, got "${quantize}"`);
  const dims = values.dims === undefined ? d.dims : values.dims === 'all' ? null : Number(values.dims);
  if (dims !== null && !(Number.isInteger(dims) && dims > 0)) throw new Error(`--dims must be a positive integer or "all"`);
  if (!(a > 0)) throw new Error('--sif-a must be a positive number');
  return {
    out: values.out ?? join(modelsDir, 'newsdesk', 'static-use-en'),
    options: {
      weighting: weightingKind === 'sif' ? { kind: 'sif', a } : { kind: 'none' },
      center: values['no-center'] ? false : d.center,
      dims,
      quantize,
      lowercase: values.lowercase ?? d.lowercase,
    },
  };
}

async function main(config: Config, logger: Logger): Promise<void> {
  const { out, options } = optionsFromArgs(process.argv.slice(2), config.modelsDir);
  const started = Date.now();
  logger.info(`Building the static model (${describeOptions(options)}) into ${out}`);
  const teacher = await loadTeacher();
  const progress = startProgress('Embedding vocabulary', teacher.vocabulary.length, logger);
  const pieces = await embedVocabulary(teacher, (done) => progress.tick(done));
  progress.stop();
  const rows = distillTable(pieces, teacher.vocabulary, TEACHER.reservedIds, options);
  const info = await writeModelFolder(out, rows, teacher.vocabulary, options);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  logger.info(`Wrote ${out}: ${info.vocabSize} pieces x ${info.dims} dims, ${(info.bytes / 1e6).toFixed(2)} MB, onnx sha256 ${info.onnxSha256.slice(0, 12)}…, in ${seconds}s`);
}

runIfEntryPoint(import.meta.url, main);
