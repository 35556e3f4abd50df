/**
 * The project's static models (`npm run build:model`) are an ONNX graph that only looks a row up per
 * token (Gather; for int8 models, Gather, Cast and Mul by the row's scale). Reading that table once and
 * adding the rows of a text's tokens gives the same vectors, bit for bit, without running the graph:
 * no ONNX session to start, and no [batch × tokens × dims] tensor per batch (a quarter of an ingest's
 * embedding time went to running the graph and another to reading its output back).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

/** Token rows of a static model: `addRow(v, id)` adds the row of token `id` to `v`. */
export interface StaticTable {
  readonly dims: number;
  readonly vocabSize: number;
  addRow(v: Float32Array, id: number): void;
}

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/** The table of a project static model, or null when the folder holds another kind of model. */
export function readStaticTable(modelDir: string): StaticTable | null {
  const file = join(modelDir, 'onnx', 'model.onnx');
  if (!isStaticModel(modelDir) || !existsSync(file)) return null;
  const graph = onnx.ModelProto.decode(readFileSync(file)).graph;
  const initializers = new Map((graph?.initializer ?? []).map((t) => [t.name ?? '', t]));
  const ops = (graph?.node ?? []).map((n) => n.opType).join(',');
  const float = initializers.get('embedding');
  if (float && ops === 'Gather') return floatTable(float);
  const values = initializers.get('embedding_q');
  const scales = initializers.get('embedding_scale');
  if (values && scales && ops === 'Gather,Cast,Gather,Mul') return int8Table(values, scales);
  return null;
}

function isStaticModel(modelDir: string): boolean {
  try {
    const config = JSON.parse(readFileSync(join(modelDir, 'config.json'), 'utf8')) as { architectures?: unknown };
    return Array.isArray(config.architectures) && config.architectures.includes('StaticEmbeddingModel');
  } catch {
    return false;
  }
}

type Tensor = Onnx.ITensorProto;

function shapeOf(tensor: Tensor, dataType: number): [number, number] {
  const dims = (tensor.dims ?? []).map(Number);
  if (tensor.dataType !== dataType || dims.length !== 2 || !tensor.rawData) throw new Error(`the static model's tensor ${tensor.name} is not a ${dims.join('×')} table of the expected type`);
  return [dims[0], dims[1]];
}

function floatTable(tensor: Tensor): StaticTable {
  const [vocabSize, dims] = shapeOf(tensor, DataType.FLOAT);
  const rows = new Float32Array(copyOf(tensor.rawData!).buffer);
  return {
    dims,
    vocabSize,
    addRow(v, id) {
      const offset = id * dims;
      for (let d = 0; d < dims; d++) v[d] += rows[offset + d];
    },
  };
}

function int8Table(valuesTensor: Tensor, scalesTensor: Tensor): StaticTable {
  const [vocabSize, dims] = shapeOf(valuesTensor, DataType.INT8);
  const values = new Int8Array(copyOf(valuesTensor.rawData!).buffer);
  const scales = new Float32Array(copyOf(scalesTensor.rawData!).buffer);
  if (scales.length !== vocabSize) throw new Error(`the static model has ${scales.length} row scales for ${vocabSize} rows`);
  return {
    dims,
    vocabSize,
    // The graph's Mul is a float32 product: fround of the (exact) double product is the same number.
    addRow(v, id) {
      const offset = id * dims;
      const scale = scales[id];
      const whole = dims - (dims % 4);
      let d = 0;
      for (let o = offset; d < whole; d += 4, o += 4) {
        v[d] += Math.fround(values[o] * scale);
        v[d + 1] += Math.fround(values[o + 1] * scale);
        v[d + 2] += Math.fround(values[o + 2] * scale);
        v[d + 3] += Math.fround(values[o + 3] * scale);
      }
      for (; d < dims; d++) v[d] += Math.fround(values[offset + d] * scale);
    },
  };
}

/** An aligned copy (a protobuf field's bytes may start at any offset of the file's buffer). */
function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
