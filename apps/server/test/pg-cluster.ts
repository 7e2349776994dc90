import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** One throw-away PostgreSQL cluster on a loopback port, run by Debian's binaries. */
export interface PgCluster {
  port: number;
  url: (database?: string) => string;
  /** Run one statement as the superuser on `database` (default `postgres`) and return its rows. */
  query: <T = Record<string, unknown>>(text: string, database?: string) => Promise<T[]>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

/** A primary and a streaming hot standby made from it (`pg_basebackup -R`), and how to get rid of both. */
export interface ReplicatedClusters {
  primary: PgCluster;
  standby: PgCluster;
  /** Wait until the standby has replayed everything the primary has written so far. */
  caughtUp: (timeoutMs?: number) => Promise<void>;
  /** Stop both clusters and delete their folder; safe to call twice and after a failed start. */
  destroy: () => Promise<void>;
}

/** Debian's newest installed PostgreSQL, or null when none is (the replication tests then cannot run). */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Start a primary (wal_level=replica, trust for replication on 127.0.0.1) and a hot standby streaming from it, each
 * on a free loopback port, in one temporary folder. PostgreSQL refuses to run as root, so as root every binary runs as
 * the `postgres` user (as .ci/run does). fsync is off: these clusters live for one test file.
 */
export async function startReplicatedClusters(bin: string): Promise<ReplicatedClusters> {
  const root = mkdtempSync(join(tmpdir(), 'minsheng-repl-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
  }
  const pgRun = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args));
  const started: string[] = [];
  const stopNow = (dir: string) => {
    const args = ['-D', dir, 'stop', '-m', 'immediate'];
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args] : args, { stdio: 'ignore' });
  };
  // Last resort when the test process exits without running its after-hooks: no postgres left behind.
  const onExit = () => { for (const dir of started) stopNow(dir); rmSync(root, { recursive: true, force: true }); };
  process.once('exit', onExit);

  const cluster = (name: string, port: number): PgCluster => {
    const dir = join(root, name);
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      port, url,
      async query<T>(text: string, database?: string) {
        const client = new pg.Client({ connectionString: url(database) });
        await client.connect();
        try { return (await client.query(text)).rows as T[]; } finally { await client.end(); }
      },
      async start() {
        await pgRun('pg_ctl', ['-D', dir, '-l', join(root, `${name}.log`), '-w', '-t', '30', 'start']);
        if (!started.includes(dir)) started.push(dir);
      },
      async stop() {
        await pgRun('pg_ctl', ['-D', dir, '-w', '-t', '30', 'stop', '-m', 'fast']);
      },
    };
  };

  const destroy = async () => {
    for (const dir of started.splice(0)) stopNow(dir);
    rmSync(root, { recursive: true, force: true });
    process.removeListener('exit', onExit);
  };

  try {
    const [primaryPort, standbyPort] = [await freePort(), await freePort()];
    const primary = cluster('primary', primaryPort);
    const standby = cluster('standby', standbyPort);
    const settings = (port: number) => [
      `port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${root}'`,
      'wal_level = replica', 'max_wal_senders = 4', 'hot_standby = on', 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off',
      'shared_buffers = 32MB', 'max_connections = 40', '',
    ].join('\n');
    await pgRun('initdb', ['-D', join(root, 'primary'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    appendFileSync(join(root, 'primary', 'postgresql.conf'), settings(primaryPort));
    appendFileSync(join(root, 'primary', 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    await primary.start();
    await pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', join(root, 'standby'), '-R', '-X', 'stream', '--no-sync', '-c', 'fast']);
    // The copy carries the primary's settings; a later line wins, so only the port needs saying again.
    appendFileSync(join(root, 'standby', 'postgresql.conf'), `port = ${standbyPort}\n`);
    await standby.start();

    const caughtUp = async (timeoutMs = 15_000) => {
      const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn') as [{ lsn: string }];
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await standby.query<{ done: boolean }>(`SELECT coalesce(pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn, false) AS done`);
        if (row?.done) return;
        if (Date.now() > deadline) throw new Error(`standby did not replay up to ${lsn} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    return { primary, standby, caughtUp, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}
