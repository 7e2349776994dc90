import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../connection';
import { queryRows } from '../raw';
import { ENCRYPTED_TABLES } from './encrypted-columns';
import type { EncryptedTable } from './encrypted-columns';
import { textPrefixFor } from './pii-cipher';
import type { PiiCipher } from './pii-cipher';

/**
 * Re-encryption of personal data under the current key (`minsheng secrets rotate`). Only rows holding a value under
 * another key are selected, so a second run picks up exactly what the first left (and is a no-op when all is done);
 * each batch locks its rows, rewrites only the encrypted columns and commits, so a serving server is never blocked
 * for long and its own writes already use the current key.
 */

export interface TableRotation { table: string; rows: number; values: number; phoneHashes: number }
export interface RotationProgress { table: string; batch: number; rows: number; totalRows: number }
export interface RotationOptions {
  /** Rows per transaction (files use the registry's smaller size when that is smaller). */
  batchSize?: number;
  /** Stop after this many batches in all (staged runs; the next run resumes). */
  maxBatches?: number;
  onProgress?: (p: RotationProgress) => void;
}
export interface RotationResult { tables: TableRotation[]; batches: number; complete: boolean }

const ident = (name: string) => {
  // Names come from the registry, never from input; the check keeps sql.raw honest all the same.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return sql.raw(`"${name}"`);
};

/** True (in SQL) when a row of `t` holds any value not under `keyId`. */
export function staleCondition(t: EncryptedTable, keyId: string): SQL {
  const prefix = `${textPrefixFor(keyId)}%`;
  const header = `02${keyId}`;
  const parts: SQL[] = [
    ...(t.text ?? []).map((c) => sql`(${ident(c)} IS NOT NULL AND ${ident(c)} NOT LIKE ${prefix})`),
    ...(t.bytes ?? []).map((c) => sql`(${ident(c)} IS NOT NULL AND encode(substring(${ident(c)} from 1 for 5), 'hex') <> ${header})`),
    ...(t.jsonArrays ?? []).map((j) => sql`EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${ident(j.column)}) = 'array' THEN ${ident(j.column)} ELSE '[]'::jsonb END) AS e
      WHERE ${sql.join(j.fields.map((f) => sql`(e ->> ${f} IS NOT NULL AND e ->> ${f} NOT LIKE ${prefix})`), sql` OR `)})`),
  ];
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Rows per registered table still holding a value under a key other than the current one. */
export async function countStaleRows(db: Db, cipher: PiiCipher): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = [];
  for (const t of ENCRYPTED_TABLES) {
    const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${ident(t.table)} WHERE ${staleCondition(t, cipher.keyId)}`);
    out.push({ table: t.table, rows: Number(row?.n ?? 0) });
  }
  return out;
}

type Row = Record<string, unknown> & { jurisdiction_id: string; id: string };

/** The new values of one row's stale columns (and its recomputed phone hash); an empty map when nothing is stale. */
function rewriteRow(t: EncryptedTable, row: Row, cipher: PiiCipher): { set: Map<string, SQL>; values: number; phoneHash: boolean } {
  const set = new Map<string, SQL>();
  let values = 0;
  for (const c of t.text ?? []) {
    const v = row[c];
    if (typeof v !== 'string' || cipher.isCurrent(v)) continue;
    const plain = cipher.decrypt(v);
    set.set(c, sql`${cipher.encrypt(plain)}`);
    values += 1;
    if (t.phoneHash?.from === c) set.set(t.phoneHash.column, sql`${cipher.phoneHash(plain)}`);
  }
  for (const c of t.bytes ?? []) {
    const v = row[c];
    if (!(v instanceof Uint8Array) || cipher.isCurrent(v)) continue;
    // Hex through decode(): the one bytea parameter both node-postgres and PGlite pass alike.
    set.set(c, sql`decode(${cipher.encryptBytes(cipher.decryptBytes(v)).toString('hex')}, 'hex')`);
    values += 1;
  }
  for (const j of t.jsonArrays ?? []) {
    const list = row[j.column];
    if (!Array.isArray(list)) continue;
    let changed = 0;
    const next = list.map((item: unknown) => {
      if (!item || typeof item !== 'object') return item;
      const copy = { ...(item as Record<string, unknown>) };
      for (const f of j.fields) {
        const v = copy[f];
        if (typeof v === 'string' && !cipher.isCurrent(v)) { copy[f] = cipher.encrypt(cipher.decrypt(v)); changed += 1; }
      }
      return copy;
    });
    if (changed) { set.set(j.column, sql`${JSON.stringify(next)}::jsonb`); values += changed; }
  }
  return { set, values, phoneHash: t.phoneHash ? set.has(t.phoneHash.column) : false };
}

/** Re-encrypt one table's stale rows in batches; returns the counts and whether the table is done. */
async function rotateTable(db: Db, cipher: PiiCipher, t: EncryptedTable, opts: RotationOptions, budget: { batches: number }) {
  const counts: TableRotation = { table: t.table, rows: 0, values: 0, phoneHashes: 0 };
  const size = Math.max(1, Math.min(opts.batchSize ?? 200, t.batchSize ?? Number.MAX_SAFE_INTEGER));
  const columns = [...(t.text ?? []), ...(t.bytes ?? []), ...(t.jsonArrays ?? []).map((j) => j.column)];
  let after: { jid: string; id: string } | null = null;
  for (let batch = 1; ; batch += 1) {
    if (opts.maxBatches !== undefined && budget.batches >= opts.maxBatches) return { counts, complete: false };
    const cursor: { jid: string; id: string } | null = after;
    const done: { n: number; last: Row | undefined } = await db.transaction(async (tx) => {
      const rows = await queryRows<Row>(tx, sql`
        SELECT jurisdiction_id, id, ${sql.join(columns.map(ident), sql`, `)} FROM ${ident(t.table)}
        WHERE ${staleCondition(t, cipher.keyId)} ${cursor ? sql`AND (jurisdiction_id, id) > (${cursor.jid}, ${cursor.id})` : sql``}
        ORDER BY jurisdiction_id, id LIMIT ${size} FOR UPDATE`);
      for (const row of rows) {
        const { set, values, phoneHash } = rewriteRow(t, row, cipher);
        if (!set.size) continue;
        await tx.execute(sql`UPDATE ${ident(t.table)} SET ${sql.join([...set].map(([c, v]) => sql`${ident(c)} = ${v}`), sql`, `)}
          WHERE jurisdiction_id = ${row.jurisdiction_id} AND id = ${row.id}`);
        counts.rows += 1;
        counts.values += values;
        if (phoneHash) counts.phoneHashes += 1;
      }
      return { n: rows.length, last: rows.at(-1) };
    });
    if (!done.n) return { counts, complete: true };
    budget.batches += 1;
    after = { jid: done.last!.jurisdiction_id, id: done.last!.id };
    opts.onProgress?.({ table: t.table, batch, rows: done.n, totalRows: counts.rows });
    if (done.n < size) return { counts, complete: true };
  }
}

/** Walk every registered table; stops early (complete: false) when `maxBatches` is spent. */
export async function rotatePersonalData(db: Db, cipher: PiiCipher, opts: RotationOptions = {}): Promise<RotationResult> {
  const budget = { batches: 0 };
  const tables: TableRotation[] = [];
  for (const t of ENCRYPTED_TABLES) {
    const r = await rotateTable(db, cipher, t, opts, budget);
    tables.push(r.counts);
    if (!r.complete) return { tables, batches: budget.batches, complete: false };
  }
  return { tables, batches: budget.batches, complete: true };
}
