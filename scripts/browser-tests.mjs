#!/usr/bin/env node
// The browser tier of `npm test` (`npm test -- browser`): real browser tests of the staff console.
//   1. chromium and the CJK fonts must be installed (Debian packages; never downloaded): otherwise FAIL and say how.
//   2. typecheck apps/web/e2e, build the console when it is stale (scripts/build-web.mjs).
//   3. run apps/web/e2e/*.e2e.ts with node's test runner through tsx, one file at a time, each against its own fresh
//      test server (scripts/browser-server.ts: the real app on in-memory PGlite with a movable clock).
// Screenshots land in apps/web/e2e/artifacts/. Extra arguments are passed to the test runner
// (e.g. `node scripts/browser-tests.mjs --test-name-pattern=退单`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.MINSHENG_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';
const started = Date.now();

function fail(message) {
  console.error(`\n✘ browser tests: ${message}`);
  console.log('ℹ pass 0\nℹ fail 1');
  process.exit(1);
}

if (!existsSync(chromium)) fail(`chromium is not installed (looked for ${chromium}). Install Debian's chromium and the CJK fonts:\n    ${INSTALL}\n  (or set MINSHENG_CHROMIUM to a chromium binary). A test tool must never download a browser.`);
const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
if (fonts.status !== 0 || !fonts.stdout.trim()) fail(`no Chinese font is installed: screenshots would show boxes instead of Chinese. Install them:\n    ${INSTALL}`);

const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const step = (name, args) => {
  console.log(`· ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail(`${name} failed`);
};
step('typecheck apps/web/e2e', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/web/e2e/tsconfig.json']);
step('build the console when stale', [join(root, 'scripts/build-web.mjs')]);

const files = readdirSync(join(root, 'apps/web/e2e')).filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => join('apps/web/e2e', f));
if (!files.length) fail('no apps/web/e2e/*.e2e.ts files');

// Each file gets its own fresh server (apps/web/e2e/harness.ts starts scripts/browser-server.ts when no
// MINSHENG_E2E_URL is given), exactly as when the file is run alone: no file's appeals, clock moves or settings leak
// into another's counts. Files run one after another; a server starts in a few seconds.
const env = { ...process.env };
delete env.MINSHENG_E2E_URL;
delete env.MINSHENG_E2E_CONTROL;
const args = [tsx, '--test', '--test-reporter=spec', '--test-concurrency=1', ...process.argv.slice(2), ...files];
const code = await new Promise((resolve) => {
  const run = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  run.once('exit', (c) => resolve(c ?? 1));
});
console.log(`browser tests ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in apps/web/e2e/artifacts/`);
process.exit(code);
