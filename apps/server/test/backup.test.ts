import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import { createTestDatabase, testEngine, testPostgresUrl } from '@minsheng/db/testing';
import { loadConfig } from '../src/config';
import { createDeps } from '../src/compose';
import { seedDemo } from '../src/demo/seed-demo';
import { restoreDatabase } from '../src/cli/backup/restore-database';
import { findPgTool } from '../src/cli/backup/pg-tools';
import type { BackupTarget } from '../src/cli/backup/backup-database';
import { TEST_SECRET } from './harness';
import { tableCounts, verifyAllChains } from './db-census';
import { runMinsheng } from './cli-process';

const engine = testEngine();

/** A fresh empty PostgreSQL database for a restore; dropped in `after`. */
async function emptyPostgres(names: string[]): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `minsheng_r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  names.push(name);
  return testPostgresUrl(name);
}

/** What `minsheng` needs in its environment to use `target`. */
const envFor = (target: BackupTarget): Record<string, string> => ({ MINSHENG_SECRET: TEST_SECRET, ...(target.url ? { DATABASE_URL: target.url } : { MINSHENG_DATA_DIR: target.dataDir }) });

async function open(target: BackupTarget): Promise<Database> {
  return openDatabase({ url: target.url, dataDir: target.dataDir, poolSize: 2 });
}

/**
 * Issue 9 §7: `minsheng backup` and `minsheng restore` on the configured engine (pg_dump/pg_restore on PostgreSQL,
 * the data-dir dump on PGlite), proved by a round trip: every table's row count and every appeal's hash chain.
 */
describe(`backup and restore (${engine})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-backup-'));
  const dropLater: string[] = [];
  let source: BackupTarget;
  let sourceCounts: Record<string, number> = {};
  let closeSource: () => Promise<void> = async () => {};
  const file = join(dir, engine === 'postgres' ? 'minsheng.pgdump' : 'minsheng.tar.gz');

  before(async () => {
    let database: Database;
    if (engine === 'postgres') {
      const created = await createTestDatabase();
      database = created;
      source = { url: created.url, dataDir: '' };
      closeSource = () => created.close();
    } else {
      source = { dataDir: join(dir, 'source') };
      database = await open(source);
      await database.migrate();
    }
    const deps = await createDeps(loadConfig({ MINSHENG_SECRET: TEST_SECRET } as NodeJS.ProcessEnv), database, { now: () => new Date('2026-11-23T09:00:00+08:00') });
    // Demo appeals in every state: timelines, clocks, supervision, notifications, assignments.
    await seedDemo(deps, { appeals: 40, compactAreas: true });
    sourceCounts = await tableCounts(database);
    assert.ok(sourceCounts.appeals! >= 40 && sourceCounts.appeal_events! > sourceCounts.appeals!, JSON.stringify(sourceCounts));
    const chains = await verifyAllChains(deps);
    assert.equal(chains.broken.length, 0);
    // PGlite is one process: the backup opens the folder itself, so whoever used it must have let go.
    if (engine === 'pglite') await database.close();
  });
  after(async () => {
    await closeSource();
    if (dropLater.length) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: testPostgresUrl() });
      await admin.connect();
      for (const name of dropLater) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('minsheng backup <file> writes one complete file (no partial left behind)', async () => {
    const res = await runMinsheng(['backup', file], envFor(source));
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, new RegExp(`backup written: .*\\(${engine}, \\d+ bytes`));
    if (engine === 'postgres') assert.match(res.stdout, /pg_dump \(1[5-9]\)/, 'names the pg_dump it used');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.partial-')), []);
  });

  it('minsheng restore <file> into an empty database gives the same row counts, and every hash chain verifies', async () => {
    const target: BackupTarget = engine === 'postgres' ? { url: await emptyPostgres(dropLater), dataDir: '' } : { dataDir: join(dir, 'restored') };
    const res = await runMinsheng(['restore', file], envFor(target));
    assert.equal(res.code, 0, res.stderr + res.stdout);
    assert.match(res.stdout, /370812: \d+ appeals, \d+ events, every hash chain verifies/);
    const restored = await open(target);
    try {
      assert.deepEqual(await tableCounts(restored), sourceCounts);
      const chains = await verifyAllChains({ database: restored });
      assert.equal(chains.broken.length, 0, JSON.stringify(chains.broken));
      assert.equal(chains.appeals, sourceCounts.appeals);
      assert.equal(chains.events, sourceCounts.appeal_events);
    } finally {
      await restored.close();
    }
  });

  it('refuses to overwrite data without --force, a file from the other engine, and a file that is no backup; --force replaces', async () => {
    const target: BackupTarget = engine === 'postgres' ? { url: await emptyPostgres(dropLater), dataDir: '' } : { dataDir: join(dir, 'twice') };
    await restoreDatabase(target, file);
    await assert.rejects(restoreDatabase(target, file), /already holds .*--force/);

    const other: BackupTarget = engine === 'postgres' ? { dataDir: join(dir, 'other-engine') } : { url: testPostgresUrl('never_used'), dataDir: '' };
    await assert.rejects(restoreDatabase(other, file), /restore it into the same engine/);
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, 'hello, not a backup');
    await assert.rejects(restoreDatabase(target, junk), /not a minsheng backup/);
    await assert.rejects(restoreDatabase(target, join(dir, 'missing.dump')), /cannot read backup file/);

    const forced = await restoreDatabase(target, file, { force: true });
    if (engine === 'pglite') assert.match(forced.movedAside ?? '', /twice\.before-restore-/, 'the old folder is kept aside');
    const db = await open(target);
    try {
      assert.deepEqual(await tableCounts(db), sourceCounts);
    } finally {
      await db.close();
    }
  });

  it('picks a pg_dump whose major fits the server, and says what to install when only an older one exists', async () => {
    const bin = join(dir, 'old-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 14.12"\n');
    chmodSync(join(bin, 'pg_dump'), 0o755);
    await assert.rejects(findPgTool('pg_dump', 15, { MINSHENG_PG_BIN: bin }), /pg_dump 15 or newer is needed .*found: .*\(14\).*postgresql-client-15.*MINSHENG_PG_BIN/s);
    assert.equal((await findPgTool('pg_dump', 14, { MINSHENG_PG_BIN: bin })).major, 14, 'an older server is fine');
  });
});
