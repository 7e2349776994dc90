#!/usr/bin/env node
// Build the staff console (apps/web → apps/web/dist) when the build is missing or older than its sources.
// `npm start` runs this before the server, so `npm ci && npm start` serves a current console; `--force` always builds.
// Sources: apps/web/{src,public,index.html,vite.config.ts,package.json,tsconfig.json} and packages/contracts/src
// (the console bundles the contracts' labels and error messages).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const stamp = join(web, 'dist/index.html');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(web, p))
  .concat(join(root, 'packages/contracts/src'));

/** Newest modification time below a file or folder (0 when it does not exist). */
function newest(path) {
  let st;
  try { st = statSync(path); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules' && e !== 'dist') max = Math.max(max, newest(join(path, e)));
  return max;
}

const force = process.argv.includes('--force');
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map(newest));
if (!force && built && built >= changed) {
  console.log('console build is current (apps/web/dist)');
  process.exit(0);
}
console.log(built ? 'console sources changed: building apps/web …' : 'console not built yet: building apps/web (about 30 s) …');
const vite = join(root, 'node_modules/vite/bin/vite.js');
if (!existsSync(vite)) {
  console.error('vite is not installed: run `npm ci` first');
  process.exit(1);
}
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', process.env.CI ? 'info' : 'warn'], { cwd: web, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('console build failed');
  process.exit(r.status ?? 1);
}
console.log('console built: apps/web/dist');
