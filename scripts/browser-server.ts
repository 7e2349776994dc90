// The server the browser tests drive (scripts/browser-tests.mjs starts it; apps/web/e2e/harness.ts too when run alone):
// the real HTTP app with the built console (apps/web/dist), built exactly as `minsheng serve` builds it, on a fresh
// in-memory PGlite database with the demo jurisdiction's units, categories and users (no appeals), on a free loopback
// port. Its clock is injected (as in apps/server/test/harness.ts) and flows from a fixed Monday morning, so deadlines
// and screenshots are the same on every run; a second loopback port moves it: `POST /clock {"advanceMs": n}`, and runs
// what the worker would (`POST /sweep`, `POST /board-drafts`) or reads a human check (`POST /human-check/solve {token}`).
// Prints one JSON line `{"ready": true, "url": …, "control": …, "now": …}` when it answers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '@minsheng/db/testing';
import { loadConfig } from '../apps/server/src/config';
import { createDeps } from '../apps/server/src/compose';
import { buildApp } from '../apps/server/src/http/app';
import { seedDemo } from '../apps/server/src/demo/seed-demo';
import { setSessionIdleMinutes } from '../apps/server/src/modules/auth/session-idle';
import { sweepDeadlines } from '../apps/server/src/jobs/deadline-sweep';
import { sweepProxyDeadlines } from '../apps/server/src/modules/proxy-services/use-cases/sweep-proxy-deadlines';
import { draftBoardPosts } from '../apps/server/src/modules/board/use-cases/draft-board-posts';
import { verifyHumanCheck } from '../apps/server/src/modules/portal/human-check';

const START = Date.parse(process.env.MINSHENG_E2E_START ?? '2026-11-23T09:00:00+08:00'); // a Monday, 09:00 in 兖州
const startedAt = Date.now();
let offsetMs = 0;
const now = () => new Date(START + (Date.now() - startedAt) + offsetMs);

const database = await createTestDatabase();
const config = loadConfig({ MINSHENG_SECRET: 'browser-test-secret-0123456789abcdef', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv);
const deps = await createDeps(config, database, { now });
await seedDemo(deps, { appeals: 0, compactAreas: true });
// The clock moves by hours while pages stay open: sessions last their 12 hours, idle or not.
await setSessionIdleMinutes(deps, '370812', 720);
deps.defaultJurisdictionId = '370812';
const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const control = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/clock') {
      const advance = Number((JSON.parse(body || '{}') as { advanceMs?: unknown }).advanceMs ?? 0);
      if (!Number.isFinite(advance) || advance < 0) { res.writeHead(400).end('advanceMs must be a non-negative number'); return; }
      offsetMs += advance;
    } else if (req.method === 'POST' && req.url === '/sweep') {
      // What the worker does every minute in production: lights, urges, notices (no worker runs here).
      sweepDeadlines(deps, '370812').then(async (result) => ({ ...result, proxy: await sweepProxyDeadlines(deps, '370812') })).then((result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (err: Error) => res.writeHead(500).end(err.message));
      return;
    } else if (req.method === 'POST' && req.url === '/board-drafts') {
      // What the portal upkeep job does every 10 minutes: draft board posts of closed, consenting appeals.
      draftBoardPosts(deps, '370812').then((n) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ drafted: n })),
        (err: Error) => res.writeHead(500).end(err.message));
      return;
    } else if (req.method === 'POST' && req.url === '/human-check/solve') {
      // The test reads the arithmetic picture the way a person would: here, by trying the few possible answers.
      const token = String((JSON.parse(body || '{}') as { token?: unknown }).token ?? '');
      const answer = Array.from({ length: 19 }, (_, i) => String(i)).find((a) => {
        try { verifyHumanCheck(config.secret, token, a, now()); return true; } catch { return false; }
      });
      res.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ answer: answer ?? null }));
      return;
    } else if (!(req.method === 'GET' && req.url === '/clock')) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now: now().toISOString() }));
  });
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
console.log(JSON.stringify({ ready: true, url, control: controlUrl, now: now().toISOString() }));

async function shutdown() {
  control.close();
  await app.close();
  await database.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
// Started with an IPC channel or a pipe: go when the parent goes.
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
