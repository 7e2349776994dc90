import { parseArgs } from 'node:util';
import { countStaleRows, piiKeyId, rotatePersonalData } from '@minsheng/db';
import type { Config } from '../config';
import { openForCommand } from './open';

const USAGE = `usage: minsheng secrets rotate [--dry-run] [--batch-size N] [--max-batches N]
       minsheng secrets check`;

const positiveInt = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`${name} must be a whole number 1–100000, got ${v}`);
  return n;
};

/** Key ids only: an operator must see which secrets are in play, never the secrets. */
function describeKeys(config: Config): string {
  const previous = config.previousSecrets.map(piiKeyId).filter((id) => id !== piiKeyId(config.secret));
  return `current key ${piiKeyId(config.secret)}; retired keys accepted: ${previous.length ? previous.join(', ') : 'none'}`;
}

/** `minsheng secrets rotate|check`: move personal data to the current key, and tell when the old one can go. */
export async function secretsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'rotate') return rotate(rest);
  if (sub === 'check') return check(rest);
  console.error(USAGE);
  return 2;
}

async function rotate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, 'batch-size': { type: 'string' }, 'max-batches': { type: 'string' } } });
  const batchSize = positiveInt(values['batch-size'], '--batch-size');
  const maxBatches = positiveInt(values['max-batches'], '--max-batches');
  const { config, deps, close } = await openForCommand();
  try {
    console.log(describeKeys(config));
    if (values['dry-run']) {
      const stale = await countStaleRows(deps.database.db, deps.cipher);
      for (const s of stale) console.log(`${s.table}: ${s.rows} rows would be re-encrypted`);
      console.log(`dry run: ${stale.reduce((n, s) => n + s.rows, 0)} rows would be re-encrypted; nothing was changed`);
      return 0;
    }
    const result = await rotatePersonalData(deps.database.db, deps.cipher, {
      batchSize, maxBatches,
      onProgress: (p) => console.log(`${p.table}: batch ${p.batch}, ${p.rows} rows (${p.totalRows} re-encrypted so far)`),
    });
    for (const t of result.tables) {
      console.log(`${t.table}: ${t.rows} rows re-encrypted (${t.values} values${t.phoneHashes ? `, ${t.phoneHashes} phone hashes recomputed` : ''})`);
    }
    const rows = result.tables.reduce((n, t) => n + t.rows, 0);
    if (!result.complete) {
      console.log(`stopped after ${result.batches} batches (--max-batches): ${rows} rows re-encrypted; run the command again to continue`);
      return 0;
    }
    console.log(`done: ${rows} rows re-encrypted in ${result.batches} batches; \`minsheng secrets check\` tells when the old secret can be removed from MINSHENG_SECRET_PREVIOUS`);
    return 0;
  } finally {
    await close();
  }
}

async function check(args: string[]): Promise<number> {
  parseArgs({ args, options: {} });
  const { config, deps, close } = await openForCommand();
  try {
    console.log(describeKeys(config));
    const stale = await countStaleRows(deps.database.db, deps.cipher);
    const left = stale.filter((s) => s.rows > 0);
    for (const s of left) console.error(`${s.table}: ${s.rows} rows still hold personal data under a retired key`);
    if (left.length) {
      console.error('run `minsheng secrets rotate` before removing any secret from MINSHENG_SECRET_PREVIOUS');
      return 1;
    }
    console.log(`every encrypted value in ${stale.length} tables is under the current key: MINSHENG_SECRET_PREVIOUS can be emptied`);
    return 0;
  } finally {
    await close();
  }
}
