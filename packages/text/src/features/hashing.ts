// Feature hashing keeps the model a fixed size whatever the vocabulary, and needs no vocabulary table at
// prediction time. FNV-1a over UTF-16 code units, finished with murmur3's avalanche so that short strings
// (one or two Chinese characters) still spread over all buckets.

/** Murmur3 finaliser: mixes every input bit into every output bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of `s[start, end)` under a seed, so different feature kinds do not share buckets by design. */
export function hashString(s: string, seed: number, start = 0, end = s.length): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Combines two hashes order-sensitively (word bigrams). */
export function combineHashes(a: number, b: number): number {
  return mix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}
