import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listUnits, openDatabase } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import { createTestDatabase, testEngine } from '@minsheng/db/testing';
import { loadConfig } from '../src/config';
import { createDeps } from '../src/compose';
import { seedDemo } from '../src/demo/seed-demo';
import { MINSHENG_BIN } from './cli-process';
import { TEST_SECRET } from './harness';

/** A `minsheng serve` child process: the real server, as an operator starts it. */
export interface ServerProcess { url: string; child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** Start `minsheng serve` with `env` and resolve once it answers /api/health/ready. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
  delete base.DATABASE_URL;
  delete base.MINSHENG_DATA_DIR;
  const child = spawn(process.execPath, [MINSHENG_BIN, 'serve'], {
    env: { ...base, MINSHENG_SECRET: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', MINSHENG_JURISDICTION: '370812', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  let url = '';
  while (!url) {
    const m = /console: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (m) url = m[1]!;
    else if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    else await new Promise((r) => setTimeout(r, 50));
  }
  for (;;) {
    const res = await fetch(`${url}/api/health/ready`).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`server not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, output: () => out, exited };
}

/** SIGKILL: no shutdown hook runs, open transactions die with the process. */
export async function killServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** SIGTERM and wait: the server closes its database (PGlite must let go of its folder before anyone else opens it). */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

/** A database for server processes: PostgreSQL (a throw-away database) or a PGlite data folder, with the demo organisation and no appeals. */
export interface SharedDatabase {
  env: Record<string, string>;
  units: Map<string, string>;
  /** Open it in this process (PGlite: only while no server holds the folder). */
  open: () => Promise<Database>;
  drop: () => Promise<void>;
}

export async function createSharedDatabase(engine = testEngine()): Promise<SharedDatabase> {
  const config = loadConfig({ MINSHENG_SECRET: TEST_SECRET } as NodeJS.ProcessEnv);
  if (engine === 'postgres') {
    const database = await createTestDatabase();
    const deps = await createDeps(config, database);
    await seedDemo(deps, { appeals: 0, compactAreas: true });
    const units = new Map((await listUnits(database.db, '370812')).map((u) => [u.key, u.id]));
    return {
      env: { DATABASE_URL: database.url! }, units,
      open: () => openDatabase({ url: database.url, poolSize: 3 }),
      drop: () => database.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-proc-'));
  const dataDir = join(dir, 'data');
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const deps = await createDeps(config, database);
  await seedDemo(deps, { appeals: 0, compactAreas: true });
  const units = new Map((await listUnits(database.db, '370812')).map((u) => [u.key, u.id]));
  await database.close();
  return {
    env: { MINSHENG_DATA_DIR: dataDir }, units,
    open: () => openDatabase({ dataDir }),
    drop: async () => { rmSync(dir, { recursive: true, force: true }); },
  };
}
