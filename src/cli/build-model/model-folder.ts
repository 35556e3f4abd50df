import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeOptions, type DistillOptions } from './distill.js';
import { buildStaticEmbeddingModel, type EmbeddingTable } from './onnx-export.js';
import { quantizeRows } from './quantize.js';
import { TEACHER } from './teacher.js';
import { buildModelConfig, buildTokenizerConfig, buildTokenizerJson, type Vocabulary } from './tokenizer-export.js';

export const MAX_LENGTH = 4096;

export interface BuiltModelInfo {
  dims: number;
  vocabSize: number;
  bytes: number;
  onnxSha256: string;
}

export interface StaticModelFiles {
  rows: Float32Array[];
  quantize: 'float32' | 'int8';
  tokenizerJson: object;
  tokenizerConfig: object;
  /** Recorded in build-info.json next to the sizes and the onnx hash. */
  provenance: object;
}

/** Writes a transformers.js model folder (config, tokenizer, onnx/model.onnx, build-info.json). */
export async function writeStaticModel(dir: string, model: StaticModelFiles): Promise<BuiltModelInfo> {
  const { rows } = model;
  const dims = rows[0].length;
  const table: EmbeddingTable = model.quantize === 'int8' ? { kind: 'int8', quantized: quantizeRows(rows), vocabSize: rows.length } : { kind: 'float32', rows };
  const onnxBytes = buildStaticEmbeddingModel(table);
  const files: Array<[string, string | Uint8Array]> = [
    ['config.json', json(buildModelConfig(rows.length, dims, MAX_LENGTH))],
    ['tokenizer.json', JSON.stringify(model.tokenizerJson)],
    ['tokenizer_config.json', json(model.tokenizerConfig)],
    [join('onnx', 'model.onnx'), onnxBytes],
  ];
  await mkdir(join(dir, 'onnx'), { recursive: true });
  for (const [name, content] of files) await writeFile(join(dir, name), content);
  const info: BuiltModelInfo = {
    dims,
    vocabSize: rows.length,
    bytes: files.reduce((sum, [, c]) => sum + Buffer.byteLength(c), 0),
    onnxSha256: createHash('sha256').update(onnxBytes).digest('hex'),
  };
  await writeFile(join(dir, 'build-info.json'), json({ ...info, ...model.provenance }));
  return info;
}

/** The distilled teacher model's folder. */
export function writeModelFolder(dir: string, rows: Float32Array[], vocab: Vocabulary, options: DistillOptions): Promise<BuiltModelInfo> {
  const tokenizerOptions = { lowercase: options.lowercase, unkId: TEACHER.unkId };
  return writeStaticModel(dir, {
    rows,
    quantize: options.quantize,
    tokenizerJson: buildTokenizerJson(vocab, tokenizerOptions),
    tokenizerConfig: buildTokenizerConfig(vocab, tokenizerOptions, MAX_LENGTH),
    provenance: { options, method: describeOptions(options), teacher: TEACHER },
  });
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
