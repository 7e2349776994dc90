import { parseArgs } from 'node:util';
import { listJurisdictions } from '@minsheng/db';
import { loadConfig } from '../config';
import { backupDatabase } from './backup/backup-database';
import { restoreDatabase } from './backup/restore-database';
import { verifyAuditTrail } from '../modules/appeals/use-cases/verify-audit-trail';
import { openForCommand } from './open';

/** `minsheng backup <file>`: a complete backup of the configured database (PostgreSQL or PGlite). */
export async function backupCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || positionals.length > 1) { console.error('usage: minsheng backup <file>'); return 2; }
  const config = loadConfig();
  const result = await backupDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, file);
  console.log(`backup written: ${result.file} (${result.engine}, ${result.bytes} bytes${result.tool ? `, ${result.tool}` : ''})`);
  return 0;
}

/**
 * `minsheng restore <file> [--force]`: restore, bring the schema up to date (a backup from an older release gets the
 * newer migrations) and verify every appeal's hash chain; exit 1 if any chain is broken.
 */
export async function restoreCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) { console.error('usage: minsheng restore <file> [--force]'); return 2; }
  const config = loadConfig();
  const result = await restoreDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, file, { force: values.force ?? false });
  if (result.movedAside) console.log(`the previous data folder was moved to ${result.movedAside}`);
  console.log(`restored ${file} (${result.engine}${result.tool ? `, ${result.tool}` : ''})`);
  const { deps, close } = await openForCommand();
  try {
    let broken = 0;
    for (const j of await listJurisdictions(deps.database.db)) {
      const r = await verifyAuditTrail(deps, j.id);
      console.log(`${j.id}: ${r.appeals} appeals, ${r.events} events, ${r.broken.length ? `${r.broken.length} BROKEN chains` : 'every hash chain verifies'}`);
      for (const b of r.broken) console.error(`BROKEN ${b.number} (${b.appealId}) at event ${b.seq}: ${b.reason}`);
      broken += r.broken.length;
    }
    return broken ? 1 : 0;
  } finally {
    await close();
  }
}
