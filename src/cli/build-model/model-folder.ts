import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeOptions, type DistillOptions } from './distill.js';
import { buildStaticEmbeddingModel, type EmbeddingTable } from './onnx-export.js';
import { quantizeRows } from './quantize.js';
import { TEACHER } from './teacher.js';
import { buildModelConfig, buildTokenizerConfig, buildTokenizerJson, type Vocabulary } from './tokenizer-export.js';

const MAX_LENGTH = 4096;

export interface BuiltModelInfo {
  dims: number;
  vocabSize: number;
  bytes: number;
  onnxSha256: string;
  options: DistillOptions;
}

/** Writes a transformers.js model folder (config, tokenizer, onnx/model.onnx, build-info.json). */
export async function writeModelFolder(dir: string, rows: Float32Array[], vocab: Vocabulary, options: DistillOptions): Promise<BuiltModelInfo> {
  const dims = rows[0].length;
  const table: EmbeddingTable = options.quantize === 'int8' ? { kind: 'int8', quantized: quantizeRows(rows), vocabSize: rows.length } : { kind: 'float32', rows };
  const onnxBytes = buildStaticEmbeddingModel(table);
  const tokenizerOptions = { lowercase: options.lowercase, unkId: TEACHER.unkId };
  const files: Array<[string, string | Uint8Array]> = [
    ['config.json', json(buildModelConfig(rows.length, dims, MAX_LENGTH))],
    ['tokenizer.json', JSON.stringify(buildTokenizerJson(vocab, tokenizerOptions))],
    ['tokenizer_config.json', json(buildTokenizerConfig(vocab, tokenizerOptions, MAX_LENGTH))],
    [join('onnx', 'model.onnx'), onnxBytes],
  ];
  await mkdir(join(dir, 'onnx'), { recursive: true });
  for (const [name, content] of files) await writeFile(join(dir, name), content);
  const info: BuiltModelInfo = {
    dims,
    vocabSize: rows.length,
    bytes: files.reduce((sum, [, c]) => sum + Buffer.byteLength(c), 0),
    onnxSha256: createHash('sha256').update(onnxBytes).digest('hex'),
    options,
  };
  await writeFile(join(dir, 'build-info.json'), json({ ...info, method: describeOptions(options), teacher: TEACHER }));
  return info;
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
