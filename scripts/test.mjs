#!/usr/bin/env node
// `npm test`: every check and every test tier, the database tiers once per engine.
//   static    typecheck, lint, dependency direction
//   unit      pure tests (packages/*/test/*.test.ts)
//   pglite    database + HTTP tests on embedded PGlite
//   postgres  the same tests on PostgreSQL (MINSHENG_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test)
//   browser   the console in Debian's chromium (scripts/browser-tests.mjs; fails, never skips, without chromium)
// `npm test -- unit` (or pglite, postgres, static, browser) runs a single tier. PostgreSQL is never skipped silently:
// when it cannot be reached the run fails and says how to start one.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const only = process.argv[2];
const results = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name}: ${cmd} ${args.length > 6 ? `${args.slice(0, 6).join(' ')} … (${args.length} args)` : args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  // node's test runner prints "ℹ pass N"; vitest prints "Tests  N passed (M)" / "N failed".
  const out = (r.stdout ?? '').replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const vitest = /^\s*Tests\s+(.*)$/m.exec(out)?.[1] ?? '';
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? /(\d+) passed/.exec(vitest)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? /(\d+) failed/.exec(vitest)?.[1] ?? 0);
  results.push({ name, ok: r.status === 0, pass, fail });
  return r.status === 0;
}

/** Every *.test.ts below the `test` folders of the given workspaces (Node 20 has no fs.glob). */
function testFiles(roots) {
  const out = [];
  const walk = (dir) => {
    let entries = [];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.test.ts')) out.push(path);
    }
  };
  for (const root of roots) walk(root);
  return out.sort();
}
const packageTests = testFiles(readdirSync('packages').map((p) => join('packages', p, 'test')));
const unitFiles = packageTests.filter((f) => !f.endsWith('.db.test.ts'));
const dbFiles = [...packageTests.filter((f) => f.endsWith('.db.test.ts')), ...testFiles(['apps/server/test'])];
const tsxTest = (files) => ['tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files];

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try { await client.connect(); await client.query('SELECT 1'); return true; } catch (e) { console.error(`PostgreSQL at ${url}: ${e.message}`); return false; } finally { await client.end().catch(() => {}); }
}

if (!only || only === 'static') {
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
  run('typecheck web console', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json']);
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  run('dependency direction', 'node', ['scripts/check-deps.mjs']);
}
if (!only || only === 'unit') {
  run('unit tests', 'npx', tsxTest(unitFiles));
  run('web console unit tests (vitest)', 'npx', ['vitest', 'run', '--root', 'apps/web'], { NO_COLOR: '1' });
}
if (!only || only === 'pglite') run('database tests on PGlite', 'npx', tsxTest(dbFiles), { MINSHENG_TEST_DB: 'pglite' });
if (!only || only === 'postgres') {
  const url = process.env.MINSHENG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (await postgresReachable(url)) run('database tests on PostgreSQL', 'npx', tsxTest(dbFiles), { MINSHENG_TEST_DB: 'postgres', MINSHENG_TEST_PG_URL: url });
  else {
    console.error('PostgreSQL is required for the database tests. Start one (e.g. `bash .ci/run` does) or set MINSHENG_TEST_PG_URL.');
    results.push({ name: 'database tests on PostgreSQL', ok: false, pass: 0, fail: 1 });
  }
}

if (!only || only === 'browser') run('browser tests (chromium)', 'node', ['scripts/browser-tests.mjs']);

console.log('\n━━ summary');
for (const r of results) console.log(`${r.ok ? '✔' : '✘'} ${r.name}${r.pass || r.fail ? ` (${r.pass} passed, ${r.fail} failed)` : ''}`);
const passed = results.reduce((s, r) => s + r.pass, 0);
const failed = results.reduce((s, r) => s + r.fail, 0) + results.filter((r) => !r.ok && r.fail === 0).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
