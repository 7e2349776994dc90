import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { ENCRYPTED_TABLES, encryptedColumnNames, schema } from '../src/index';

/** The rotation walks ENCRYPTED_TABLES: an encrypted column missing from it would keep its old key for ever. */

const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable)).map((t) => getTableConfig(t));

describe('registry of encrypted columns', () => {
  it('lists every *_enc column of the schema', () => {
    const inSchema = tables.flatMap((t) => t.columns.filter((c) => c.name.endsWith('_enc')).map((c) => `${t.name}.${c.name}`)).sort();
    const listed = new Set(encryptedColumnNames());
    assert.deepEqual(inSchema.filter((c) => !listed.has(c)), [], 'add these to packages/db/src/crypto/encrypted-columns.ts');
    assert.ok(inSchema.length >= 13, `found ${inSchema.length}`);
  });

  it('names only tables and columns that exist, each keyed by (jurisdiction_id, id)', () => {
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const entry of ENCRYPTED_TABLES) {
      const t = byName.get(entry.table);
      assert.ok(t, entry.table);
      const columns = new Set(t.columns.map((c) => c.name));
      for (const c of [...encryptedColumnNames().filter((n) => n.startsWith(`${entry.table}.`)).map((n) => n.split('.')[1]!), entry.phoneHash?.column, entry.phoneHash?.from]) {
        if (c) assert.ok(columns.has(c), `${entry.table}.${c}`);
      }
      assert.deepEqual(t.primaryKeys[0]?.columns.map((c) => c.name), ['jurisdiction_id', 'id'], `${entry.table}: the rotation pages by (jurisdiction_id, id)`);
    }
  });
});
