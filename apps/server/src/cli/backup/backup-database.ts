import { statSync } from 'node:fs';
import { pgliteExtensions } from '@minsheng/db';
import { commitPartial, discardPartial, partialName, writePartial } from './backup-file';
import { findPgTool, runPgTool, toolConnection } from './pg-tools';
import { serverMajor } from './server-major';

/** Where the data lives: PostgreSQL at `url`, or else PGlite in `dataDir`. */
export interface BackupTarget { url?: string | undefined; dataDir: string }

export interface BackupResult { engine: 'postgres' | 'pglite'; file: string; bytes: number; tool?: string }

/**
 * Write a complete backup of the configured database to `file`.
 * PostgreSQL: pg_dump's custom format (one consistent snapshot; the server keeps serving meanwhile).
 * PGlite: its data-dir dump, gzipped. PGlite runs in one process, so the server using that folder must be stopped.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupResult> {
  try {
    let tool: string | undefined;
    if (target.url) {
      const binary = await findPgTool('pg_dump', await serverMajor(target.url));
      const { dbname, env } = toolConnection(target.url);
      await runPgTool(binary, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partialName(file)}`, `--dbname=${dbname}`], env);
      tool = `${binary.path} (${binary.major})`;
    } else {
      writePartial(file, await dumpPglite(target.dataDir));
    }
    commitPartial(file);
    return { engine: target.url ? 'postgres' : 'pglite', file, bytes: statSync(file).size, ...(tool ? { tool } : {}) };
  } finally {
    discardPartial(file);
  }
}

async function dumpPglite(dataDir: string): Promise<Uint8Array> {
  if (dataDir.startsWith('memory://')) throw new Error('an in-memory PGlite database has nothing on disk to back up');
  try {
    statSync(`${dataDir}/PG_VERSION`);
  } catch {
    throw new Error(`no PGlite database in ${dataDir} (set MINSHENG_DATA_DIR, or DATABASE_URL for PostgreSQL)`);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  // The dump names its top folder after the path's last part: './data/' would give an empty name.
  const client = await PGlite.create(dataDir.replace(/\/+$/, ''), { extensions: await pgliteExtensions() });
  try {
    // A checkpoint first, so the dump holds the data files themselves and not only WAL to replay.
    await client.exec('CHECKPOINT');
    const blob = await client.dumpDataDir('gzip');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    await client.close();
  }
}
