import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { pgliteExtensions } from '@minsheng/db';
import { backupKind } from './backup-file';
import type { BackupTarget } from './backup-database';
import { findPgTool, runPgTool, toolConnection } from './pg-tools';
import { postgresHasData, serverMajor } from './server-major';

export interface RestoreResult { engine: 'postgres' | 'pglite'; tool?: string; movedAside?: string }

/**
 * Replace the configured database's contents with a backup. A database that already holds data is only overwritten
 * with `force` (PostgreSQL: dropped and recreated object by object in one transaction; PGlite: the old folder is
 * renamed aside, never deleted, so a mistaken restore loses nothing).
 */
export async function restoreDatabase(target: BackupTarget, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const kind = backupKind(file);
  const engine = target.url ? 'postgres' : 'pglite';
  if (kind !== engine) {
    throw new Error(`${file} is a ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup but the configured database is ${engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (MINSHENG_DATA_DIR)'}; `
      + 'restore it into the same engine it was taken from');
  }
  if (target.url) {
    if (!options.force && await postgresHasData(target.url)) throw new Error('the target database already holds data; pass --force to replace it');
    const binary = await findPgTool('pg_restore', await serverMajor(target.url));
    const { dbname, env } = toolConnection(target.url);
    await runPgTool(binary, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, file], env);
    return { engine, tool: `${binary.path} (${binary.major})` };
  }
  return restorePglite(target.dataDir, file, options.force ?? false);
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<RestoreResult> {
  if (dataDir.startsWith('memory://')) throw new Error('restore needs a data folder on disk (MINSHENG_DATA_DIR)');
  let movedAside: string | undefined;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!force) throw new Error(`${dataDir} already holds a database; pass --force to move it aside and restore`);
    movedAside = `${dataDir.replace(/\/+$/, '')}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedAside);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dataDir, { extensions: await pgliteExtensions(), loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await client.query('SELECT 1');
  } finally {
    await client.close();
  }
  return { engine: 'pglite', ...(movedAside ? { movedAside } : {}) };
}
