import cluster from 'node:cluster';
import type { Worker as ClusterWorker } from 'node:cluster';
import { parseArgs } from 'node:util';
import { DEMO_COUNTY_CODE, DEMO_PASSWORD, DEMO_USERS } from '@minsheng/db/demo';
import { ROLE_LABELS } from '@minsheng/contracts';
import type { Config } from '../config';
import { buildApp } from '../http/app';
import { seedDemo } from '../demo/seed-demo';
import { Worker } from '../jobs/worker';
import { openForCommand } from './open';

/**
 * Start the server; with --demo, create the demo jurisdiction first if the database has none. With
 * MINSHENG_PROCESSES > 1 (PostgreSQL) this process prepares the database once, then runs that many server processes
 * sharing the port (node:cluster) and replaces any that dies; each also runs the background worker, which is safe
 * to run many times over (jobs are claimed with SKIP LOCKED).
 */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } });
  const started = Date.now();
  // A cluster worker's primary has migrated the database and seeded the demo already.
  const { config, deps, close } = await openForCommand({ migrate: cluster.isPrimary });
  if (values.demo && cluster.isPrimary) {
    const seeded = await seedDemo(deps, { log: console.log });
    if (seeded.created) deps.defaultJurisdictionId = seeded.jurisdictionId;
  }
  const banner = { config, engine: deps.database.engine, demo: values.demo === true && deps.defaultJurisdictionId === DEMO_COUNTY_CODE, started };
  if (cluster.isPrimary && config.processes > 1) {
    const jurisdictionId = deps.defaultJurisdictionId;
    await close();
    return superviseProcesses(config.processes, { MINSHENG_JURISDICTION: jurisdictionId }, banner);
  }
  const app = await buildApp(deps, { logger: true });
  const worker = config.workers ? new Worker(deps, config.workerIntervalMs) : null;
  await app.listen({ port: config.port, host: config.host });
  worker?.start();
  const address = app.server.address();
  if (cluster.isPrimary) printBanner(banner, typeof address === 'object' && address ? address.port : config.port);
  await untilStopped();
  console.log('shutting down…');
  await worker?.stop();
  await app.close();
  await close();
  return 0;
}

interface Banner { config: Config; engine: string; demo: boolean; started: number }

function printBanner(b: Banner, port: number, processes = 1): void {
  const url = `http://${b.config.host === '0.0.0.0' ? '127.0.0.1' : b.config.host}:${port}`;
  console.log(`\n民声 minsheng ${b.config.version} 已启动 (${b.engine}${processes > 1 ? `, ${processes} 个进程 / processes` : ''}, ${Date.now() - b.started} ms)`);
  console.log(`  控制台 / console: ${url}/`);
  console.log(`  API 文档 / docs:  ${url}/api/docs`);
  if (b.demo) {
    console.log(`  演示账号 (密码 ${DEMO_PASSWORD}): ${DEMO_USERS.slice(0, 8).map((u) => `${u.username}(${u.roles.map((r) => ROLE_LABELS[r]).join('/')})`).join(', ')} …`);
  }
}

function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Run `count` server processes; announce once all listen; replace one that dies; stop them all on SIGTERM/SIGINT. */
async function superviseProcesses(count: number, env: Record<string, string>, banner: Banner): Promise<number> {
  let stopping = false;
  let listening = 0;
  let failedToStart: (reason: Error) => void = () => {};
  const fork = (): ClusterWorker => cluster.fork(env);
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    // One that cannot start (port taken, database gone) would fail again at once: give up instead of looping.
    if (listening < count) return failedToStart(new Error(`server process ${w.process.pid} ended (${signal ?? code}) before it listened`));
    console.error(`server process ${w.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  const allListening = new Promise<number>((resolve, reject) => {
    failedToStart = reject;
    cluster.on('listening', (_w, address) => { if (++listening === count) resolve(address.port); });
  });
  for (let i = 0; i < count; i++) fork();
  let stopped = untilStopped();
  try {
    printBanner(banner, await allListening, count);
  } catch (err) {
    console.error((err as Error).message);
    stopped = Promise.resolve();
  }
  await stopped;
  stopping = true;
  console.log('shutting down…');
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is ClusterWorker => w !== undefined);
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
    if (w.isDead()) return resolve();
    // A process that does not finish its requests within 10 s is killed: a stop must not hang.
    const timer = setTimeout(() => w.process.kill('SIGKILL'), 10_000);
    w.once('exit', () => { clearTimeout(timer); resolve(); });
    w.process.kill('SIGTERM');
  })));
  return listening >= count ? 0 : 1;
}
