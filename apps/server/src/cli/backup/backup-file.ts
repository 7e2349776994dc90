import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** What a backup file holds, told by its first bytes: pg_dump's custom archive, or PGlite's gzipped data-dir tarball. */
export type BackupKind = 'postgres' | 'pglite';

export function backupKind(file: string): BackupKind {
  const head = Buffer.alloc(5);
  let fd: number;
  try { fd = openSync(file, 'r'); } catch { throw new Error(`cannot read backup file ${file}`); }
  try { readSync(fd, head, 0, 5, 0); } finally { closeSync(fd); }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new Error(`${file} is not a minsheng backup (neither a pg_dump custom archive nor a PGlite data-dir dump)`);
}

/** The temporary name a backup is written under; renamed into place only when complete, so no half file is ever mistaken for a backup. */
export function partialName(file: string): string {
  return `${file}.partial-${process.pid}`;
}

export function commitPartial(file: string): void {
  renameSync(partialName(file), file);
}

export function discardPartial(file: string): void {
  rmSync(partialName(file), { force: true });
}

export function writePartial(file: string, data: Uint8Array): void {
  writeFileSync(partialName(file), data, { flag: 'wx' });
}
