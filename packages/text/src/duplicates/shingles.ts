import { hashString, mix32 } from '../features/hashing';
import { normalizeText } from '../segment/normalize';

// Shingles are taken from letters and digits only: punctuation and spacing differ between a message typed on a
// phone and the same message pasted into a web form, and should not make them look different.
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Sorted unique 32-bit hashes of the character k-grams of the normalised text (k = 3 by default). */
export function shingleSet(text: string, k = 3): Uint32Array {
  const s = normalizeText(text).replace(NOT_WORD, '');
  if (s.length === 0) return new Uint32Array(0);
  if (s.length < k) return Uint32Array.of(hashString(s, 0x5eed));
  const hashes = new Uint32Array(s.length - k + 1);
  for (let i = 0; i + k <= s.length; i++) hashes[i] = hashString(s, 0x5eed, i, i + k);
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i]!;
  return hashes.slice(0, n);
}

/** Exact Jaccard similarity |A∩B| / |A∪B| of two sorted hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { common++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return common / (a.length + b.length - common);
}

/** MinHash signature: for each of `size` hash functions, the smallest hash over the set. */
export function minhash(set: Uint32Array, size = 64): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < size; i++) {
      const h = mix32((x ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * Locality-sensitive hashing keys: the signature cut into bands, each band hashed to one key. Two sets share a key
 * with probability 1 − (1 − J^rows)^bands; with 32 bands of 2 rows, pairs at Jaccard 0.3 meet 95% of the time.
 */
export function lshKeys(signature: Uint32Array, rows = 2): string[] {
  const keys: string[] = [];
  for (let b = 0; b * rows < signature.length; b++) {
    let h = b;
    for (let r = 0; r < rows; r++) h = mix32((h ^ (signature[b * rows + r] ?? 0)) >>> 0);
    keys.push(`${b}:${h}`);
  }
  return keys;
}

/** A 1024-bit fingerprint of a shingle set: each hash sets one bit; `collisions` counts hashes whose bit was set already. */
export interface ShingleSketch {
  bits: Int32Array;
  collisions: number;
}

const SKETCH_WORDS = 32;

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The fingerprint of a sorted hash set (see commonBound). */
export function shingleSketch(set: Uint32Array): ShingleSketch {
  const bits = new Int32Array(SKETCH_WORDS);
  for (const x of set) bits[(x >>> 5) & (SKETCH_WORDS - 1)]! |= 1 << (x & 31);
  let set1 = 0;
  for (const w of bits) set1 += popcount(w);
  return { bits, collisions: set.length - set1 };
}

/**
 * An upper bound on how many hashes two sets share, from their fingerprints alone: every shared hash sets a bit in
 * both, and at most `collisions` of one side's shared hashes can hide behind a bit another one set. About ten times
 * cheaper than merging two sets of a couple of hundred hashes, and for unrelated texts tight enough to rule them out.
 */
export function commonBound(a: ShingleSketch, b: ShingleSketch): number {
  let common = 0;
  for (let k = 0; k < SKETCH_WORDS; k++) common += popcount(a.bits[k]! & b.bits[k]!);
  return common + Math.min(a.collisions, b.collisions);
}
