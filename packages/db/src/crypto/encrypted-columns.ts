/**
 * Every place personal data is stored encrypted, in one list: `minsheng secrets rotate` and `secrets check` walk it,
 * and packages/db/test/encrypted-columns.test.ts fails when the schema grows a `*_enc` column that is not listed here.
 * A new encrypted value anywhere else (a jsonb field, say) must be added by hand — the rotation test also scans every
 * table for ciphertext under a retired key.
 */
export interface EncryptedTable {
  table: string;
  /** text columns holding `v2:<keyId>:…` strings. */
  text?: readonly string[];
  /** bytea columns holding encrypted files. */
  bytes?: readonly string[];
  /** jsonb columns holding an array of objects whose named fields are encrypted strings. */
  jsonArrays?: readonly { column: string; fields: readonly string[] }[];
  /** A keyed hash recomputed from the decrypted value of `from` (the hash key rotates with the secret). */
  phoneHash?: { column: string; from: string };
  /** Rows per transaction; files are large, so their batches are small. */
  batchSize?: number;
}

export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  { table: 'citizens', text: ['name_enc', 'phone_enc', 'id_number_enc', 'address_enc'], phoneHash: { column: 'phone_hash', from: 'phone_enc' } },
  /** 信访 group visits: the representatives' names and phones, one encrypted JSON document. */
  { table: 'appeals', text: ['representatives_enc'] },
  /** The SMS outbox keeps the citizen's phone until delivered (and afterwards, for the record). */
  { table: 'notifications', text: ['recipient_enc'] },
  { table: 'attachments', bytes: ['data_enc'], batchSize: 10 },
  { table: 'information_officers', text: ['phone_enc'] },
  { table: 'disputes', jsonArrays: [{ column: 'parties', fields: ['nameEnc', 'phoneEnc'] }] },
  { table: 'hearing_representatives', text: ['name_enc', 'phone_enc'] },
  { table: 'proxy_requests', text: ['applicant_name_enc', 'applicant_phone_enc'] },
  { table: 'reception_matters', text: ['visitor_name_enc'] },
];

/** `table.column` for every encrypted column (jsonb arrays by their column), for the registry's completeness test. */
export function encryptedColumnNames(): string[] {
  return ENCRYPTED_TABLES.flatMap((t) => [...(t.text ?? []), ...(t.bytes ?? []), ...(t.jsonArrays ?? []).map((j) => j.column)].map((c) => `${t.table}.${c}`));
}
