import { createHash } from 'node:crypto';

/** The fields of an event that its hash covers; anything changed afterwards breaks the chain. */
export interface HashedEvent {
  jurisdictionId: string;
  appealId: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string | null;
  /** The role and unit the actor acted under: part of the record, so part of the hash. */
  actorRole: string | null;
  actorUnitId: string | null;
  reason: string | null;
  payload: unknown;
  visibility: string;
  occurredAt: Date;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the canonical event including the previous event's hash (tamper-evident trail, DOMAIN.md §8). */
export function eventHash(e: HashedEvent): string {
  return createHash('sha256').update(canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() })).digest('hex');
}

export interface ChainBreak { seq: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'seq_gap' }

/** Check a whole appeal's events in seq order; returns the first break, or null when the chain holds. */
export function verifyChain(events: readonly (HashedEvent & { hash: string })[]): ChainBreak | null {
  let prev = '';
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: e.seq, reason: 'seq_gap' };
    if (e.prevHash !== prev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
    const { hash, ...rest } = e;
    if (eventHash(rest) !== hash) return { seq: e.seq, reason: 'hash_mismatch' };
    prev = hash;
    expectedSeq += 1;
  }
  return null;
}
