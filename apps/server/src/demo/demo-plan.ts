import type { AppealKind } from '@minsheng/contracts';

export type Stage = 'registered' | 'accepted' | 'answered' | 'rejected' | 'referred' | 'dispatched' | 'return_requested'
  | 'handling' | 'suspended' | 'reply_review' | 'callback' | 'closed' | 'redone';

/** A small seeded PRNG so every fresh demo database looks the same. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const weighted = (rand: () => number, table: [Stage, number][]): Stage => {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [stage, w] of table) { r -= w; if (r < 0) return stage; }
  return table[table.length - 1]![0];
};

/** How far an appeal of this age gets: old ones are mostly closed, recent ones spread over the queues. */
export function pickStage(rand: () => number, ageDays: number, kind: AppealKind): Stage {
  if (kind === 'consultation' && rand() < 0.5) return 'answered';
  if (ageDays < 2) return weighted(rand, [['registered', 3], ['accepted', 3], ['dispatched', 3], ['handling', 2]]);
  if (ageDays < 14) {
    return weighted(rand, [['dispatched', 2], ['return_requested', 1], ['handling', 4], ['suspended', 1], ['reply_review', 2], ['callback', 2], ['closed', 3], ['rejected', 0.5], ['referred', 0.5]]);
  }
  return weighted(rand, [['handling', 1], ['callback', 1], ['closed', 10], ['redone', 1], ['rejected', 0.5], ['referred', 0.5]]);
}
