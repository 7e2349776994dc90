// Models are stored as JSON (a database column, a file). Weight matrices are large, so they travel as base64 of
// typed arrays: float32 for the IDF vector, int16 with one scale per matrix for weights (half the size of float32,
// and ±1/65,534 of the largest weight is far below what changes a prediction).

/** Base64 of a Float32Array (little-endian). */
export function encodeFloat32(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Inverse of encodeFloat32. */
export function decodeFloat32(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float32Array(copy.buffer, 0, bytes.length / 4);
}

/** A quantised weight matrix: value ≈ int16 · scale. */
export interface QuantisedMatrix {
  scale: number;
  int16: string;
}

/** Quantises float weights to int16 with a single scale. */
export function quantise(values: Float32Array): QuantisedMatrix {
  let max = 0;
  for (const v of values) if (Math.abs(v) > max) max = Math.abs(v);
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.round(values[i]! / scale);
  return { scale, int16: Buffer.from(q.buffer).toString('base64') };
}

/** Inverse of quantise. */
export function dequantise(m: QuantisedMatrix): Float32Array {
  const bytes = Buffer.from(m.int16, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const q = new Int16Array(copy.buffer, 0, bytes.length / 2);
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i]! * m.scale;
  return out;
}
