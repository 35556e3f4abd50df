/** Symmetric per-row int8 quantization: row ≈ values * scale. */
export interface QuantizedRows {
  values: Int8Array;
  scales: Float32Array;
  dims: number;
}

export function quantizeRows(rows: Float32Array[]): QuantizedRows {
  const dims = rows[0]?.length ?? 0;
  const values = new Int8Array(rows.length * dims);
  const scales = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    let peak = 0;
    for (const v of row) peak = Math.max(peak, Math.abs(v));
    const scale = peak / 127;
    scales[i] = scale;
    if (scale === 0) return;
    for (let j = 0; j < dims; j++) values[i * dims + j] = Math.round(row[j] / scale);
  });
  return { values, scales, dims };
}

export function dequantizeRow(q: QuantizedRows, row: number): Float32Array {
  const out = new Float32Array(q.dims);
  for (let j = 0; j < q.dims; j++) out[j] = q.values[row * q.dims + j] * q.scales[row];
  return out;
}
