#!/usr/bin/env node
// Dependencies point one way (ENGINEERING.md): contracts ← domain ← db ← server; contracts ← web; text ← server.
// Fails when a source file imports a workspace package its layer may not use, or reaches into another
// package's files by relative path.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ALLOWED = {
  'packages/contracts': [],
  'packages/domain': ['@minsheng/contracts'],
  'packages/text': ['@minsheng/contracts', '@minsheng/domain'],
  'packages/db': ['@minsheng/contracts', '@minsheng/domain'],
  'apps/server': ['@minsheng/contracts', '@minsheng/domain', '@minsheng/db', '@minsheng/text'],
  'apps/web': ['@minsheng/contracts'],
};
// The domain stays pure: no I/O modules.
const FORBIDDEN_IN_DOMAIN = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|dns|worker_threads|cluster)$|^(pg|@electric-sql\/pglite|drizzle-orm.*|fastify.*)$/;

const problems = [];
function walk(dir, files = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else if (/\.(ts|tsx|mts)$/.test(e.name)) files.push(p);
  }
  return files;
}
for (const [pkg, allowed] of Object.entries(ALLOWED)) {
  let files = [];
  try { files = walk(pkg); } catch { continue; }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('@minsheng/')) {
        const target = spec.split('/').slice(0, 2).join('/');
        if (!allowed.includes(target) && `@minsheng/${pkg.split('/')[1]}` !== target) problems.push(`${file}: ${pkg} may not import ${spec}`);
      } else if (spec.startsWith('.')) {
        const target = relative(process.cwd(), resolve(join(file, '..'), spec));
        if (!target.startsWith(pkg + '/') && target !== pkg) problems.push(`${file}: relative import ${spec} leaves ${pkg}`);
      } else if (pkg === 'packages/domain' && !file.includes('/test/') && FORBIDDEN_IN_DOMAIN.test(spec)) {
        problems.push(`${file}: the domain is pure and may not import ${spec}`);
      }
    }
  }
}
if (problems.length) {
  console.error(`dependency direction violated:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('dependency direction ok');
