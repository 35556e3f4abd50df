import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';
import type { QuantizedRows } from './quantize.js';

/**
 * Writes the static model as an ONNX graph: `input_ids` → `last_hidden_state`
 * by a table lookup (Gather), so that transformers.js' ordinary
 * feature-extraction pipeline (mean pooling + normalization) yields the
 * sentence vector. The int8 variant looks up a quantized row and its scale.
 */
export type EmbeddingTable = { kind: 'float32'; rows: Float32Array[] } | { kind: 'int8'; quantized: QuantizedRows; vocabSize: number };

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

export function buildStaticEmbeddingModel(table: EmbeddingTable): Uint8Array {
  const { vocabSize, dims } = tableShape(table);
  const graph = onnx.GraphProto.create({
    name: 'static_embedding',
    input: [tensorInfo('input_ids', DataType.INT64, ['batch_size', 'sequence_length'])],
    output: [tensorInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'sequence_length', dims])],
    ...(table.kind === 'float32' ? float32Graph(table.rows, vocabSize, dims) : int8Graph(table.quantized, vocabSize)),
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'newsdesk-qa build:model',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tableShape(table: EmbeddingTable): { vocabSize: number; dims: number } {
  if (table.kind === 'float32') return { vocabSize: table.rows.length, dims: table.rows[0]?.length ?? 0 };
  return { vocabSize: table.vocabSize, dims: table.quantized.dims };
}

function float32Graph(rows: Float32Array[], vocabSize: number, dims: number): Onnx.IGraphProto {
  const flat = new Float32Array(vocabSize * dims);
  rows.forEach((row, i) => flat.set(row, i * dims));
  return {
    initializer: [tensor('embedding', DataType.FLOAT, [vocabSize, dims], flat)],
    node: [node('Gather', ['embedding', 'input_ids'], ['last_hidden_state'])],
  };
}

function int8Graph(q: QuantizedRows, vocabSize: number): Onnx.IGraphProto {
  return {
    initializer: [
      tensor('embedding_q', DataType.INT8, [vocabSize, q.dims], q.values),
      tensor('embedding_scale', DataType.FLOAT, [vocabSize, 1], q.scales),
    ],
    node: [
      node('Gather', ['embedding_q', 'input_ids'], ['rows_q']),
      node('Cast', ['rows_q'], ['rows_f'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT }]),
      node('Gather', ['embedding_scale', 'input_ids'], ['row_scale']),
      node('Mul', ['rows_f', 'row_scale'], ['last_hidden_state']),
    ],
  };
}

function tensor(name: string, dataType: number, dims: number[], data: Float32Array | Int8Array): Onnx.ITensorProto {
  return { name, dataType, dims, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

function node(opType: string, input: string[], output: string[], attribute: Onnx.IAttributeProto[] = []): Onnx.INodeProto {
  return { opType, input, output, attribute, name: `${opType}_${output[0]}` };
}

function tensorInfo(name: string, elemType: number, shape: Array<string | number>): Onnx.IValueInfoProto {
  const dim = shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}
