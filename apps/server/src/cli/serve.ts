import { parseArgs } from 'node:util';
import { DEMO_COUNTY_CODE, DEMO_PASSWORD, DEMO_USERS } from '@minsheng/db/demo';
import { ROLE_LABELS } from '@minsheng/contracts';
import { buildApp } from '../http/app';
import { seedDemo } from '../demo/seed-demo';
import { Worker } from '../jobs/worker';
import { openForCommand } from './open';

/** Start the server; with --demo, create the demo jurisdiction first if the database has none. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } });
  const started = Date.now();
  const { config, deps, close } = await openForCommand();
  if (values.demo) {
    const seeded = await seedDemo(deps, { log: console.log });
    if (seeded.created) deps.defaultJurisdictionId = seeded.jurisdictionId;
  }
  const app = await buildApp(deps, { logger: true });
  const worker = config.workers ? new Worker(deps, config.workerIntervalMs) : null;
  await app.listen({ port: config.port, host: config.host });
  worker?.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  console.log(`\n民声 minsheng ${config.version} 已启动 (${deps.database.engine}, ${Date.now() - started} ms)`);
  console.log(`  控制台 / console: ${url}/`);
  console.log(`  API 文档 / docs:  ${url}/api/docs`);
  if (values.demo && deps.defaultJurisdictionId === DEMO_COUNTY_CODE) {
    console.log(`  演示账号 (密码 ${DEMO_PASSWORD}): ${DEMO_USERS.slice(0, 8).map((u) => `${u.username}(${u.roles.map((r) => ROLE_LABELS[r]).join('/')})`).join(', ')} …`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('shutting down…');
  await worker?.stop();
  await app.close();
  await close();
  return 0;
}
