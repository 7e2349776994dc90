import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { testEngine } from '@minsheng/db/testing';
import { loadConfig } from '../src/config';
import { createSharedDatabase, startServerProcess, stopServer } from './server-process';
import type { ServerProcess, SharedDatabase } from './server-process';

const engine = testEngine();

/** The server processes whose parent is `pid` (Linux /proc); not other children such as tsx's esbuild service. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid && readFileSync(`/proc/${e}/cmdline`, 'utf8').includes('minsheng.mjs');
    } catch { return false; }
  }).map(Number);
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('MINSHENG_PROCESSES: the setting', () => {
  it('is refused when it is not a whole number from 1 to 64, and on the embedded database', () => {
    for (const bad of ['0', '65', 'two', '1.5', '-1']) {
      assert.throws(() => loadConfig({ MINSHENG_PROCESSES: bad, DATABASE_URL: 'postgres://x/y' } as NodeJS.ProcessEnv), /MINSHENG_PROCESSES must be a whole number/);
    }
    assert.throws(() => loadConfig({ MINSHENG_PROCESSES: '2' } as NodeJS.ProcessEnv), /needs DATABASE_URL/);
    assert.equal(loadConfig({ MINSHENG_PROCESSES: '3', DATABASE_URL: 'postgres://x/y' } as NodeJS.ProcessEnv).processes, 3);
    assert.equal(loadConfig({} as NodeJS.ProcessEnv).processes, 1);
  });
});

/**
 * `minsheng serve` with MINSHENG_PROCESSES=2 on PostgreSQL: two server processes share the port, one that dies is
 * replaced, and SIGTERM stops them all. PGlite lives inside one process: the setting is refused there (above).
 */
describe('two server processes behind one port', { skip: engine !== 'postgres' && 'PGlite serves one process by design (PostgreSQL only)' }, () => {
  let shared: SharedDatabase;
  let server: ServerProcess;

  before(async () => {
    shared = await createSharedDatabase('postgres');
    server = await startServerProcess({ ...shared.env, MINSHENG_PROCESSES: '2', MINSHENG_WORKERS: '0' });
  });
  after(async () => {
    if (server) await stopServer(server);
    await shared?.drop();
  });

  it('serves from two processes and replaces one that is killed', async () => {
    assert.match(server.output(), /2 个进程 \/ processes/);
    const pid = server.child.pid!;
    await until(() => childrenOf(pid).length === 2, 'two server processes');
    const [victim] = childrenOf(pid);
    process.kill(victim!, 'SIGKILL');
    await until(() => { const now = childrenOf(pid); return now.length === 2 && !now.includes(victim!); }, 'a replacement process');
    await until(() => /ended \(SIGKILL\); starting another/.test(server.output()), 'the replacement to be logged');
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${server.url}/api/health/ready`);
      assert.equal(res.status, 200);
    }
  });

  it('stops every process on SIGTERM', async () => {
    const pid = server.child.pid!;
    const workers = childrenOf(pid);
    await stopServer(server);
    assert.equal(await server.exited, 0);
    await until(() => workers.every((w) => { try { process.kill(w, 0); return false; } catch { return true; } }), 'the workers to end', 15_000);
  });
});
