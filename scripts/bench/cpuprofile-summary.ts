// Summarise a V8 .cpuprofile (from `node --cpu-prof` or the bench probe): the functions with the most self time,
// self time per package, and inclusive time of the project's own functions.
//   npx tsx scripts/bench/cpuprofile-summary.ts FILE.cpuprofile [TOP]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface Row { name: string; ms: number; pct: number }
export interface CpuSummary {
  totalMs: number;
  busyMs: number;
  samples: number;
  selfTop: Row[];
  /** For the top native entries (writev, …): the nearest JavaScript callers. */
  nativeCallers: { name: string; callers: Row[] }[];
  byPackage: Row[];
  projectInclusive: Row[];
}

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function shortUrl(url: string): string {
  if (!url) return '';
  let path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  if (path.startsWith(repoRoot)) path = relative(repoRoot, path);
  return path;
}

/** Which package a frame belongs to: an npm package, node's internals, a project workspace, or V8 itself. */
function packageOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native/V8 builtins)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const path = shortUrl(url);
  const m = /^(apps\/[^/]+|packages\/[^/]+|scripts)\//.exec(path);
  return m ? `minsheng ${m[1]}` : path;
}

function frameName(frame: CallFrame): string {
  const fn = frame.functionName || '(anonymous)';
  const where = shortUrl(frame.url);
  return where ? `${fn}  ${where}:${frame.lineNumber + 1}` : fn;
}

const IDLE = new Set(['(idle)', '(root)']);

export function summariseCpuProfile(profile: CpuProfile, top = 25): CpuSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const nativeCallers = new Map<string, Map<string, number>>();
  let totalUs = 0;
  let busyUs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // A sample's weight is the time until the next sample (V8/Chrome DevTools convention).
    const us = Math.max(0, timeDeltas[i + 1] ?? 0);
    totalUs += us;
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + us);
    const p = packageOf(node.callFrame);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
    if (IDLE.has(node.callFrame.functionName)) continue;
    busyUs += us;
    if (!node.callFrame.url) {
      // Native code (a syscall like writev, a V8 builtin): charge it to the nearest JavaScript frame with a file.
      let caller = '(none)';
      for (let id = parent.get(node.id); id !== undefined; id = parent.get(id)) {
        const f = byId.get(id)!.callFrame;
        if (f.url && !f.url.startsWith('node:')) { caller = frameName(f); break; }
      }
      const m = nativeCallers.get(name) ?? new Map<string, number>();
      m.set(caller, (m.get(caller) ?? 0) + us);
      nativeCallers.set(name, m);
    }
    // Inclusive time of the project's own functions (each counted once per sample even when recursive).
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      // The project's own code; the bench probe's wrappers would sit on every query's stack, so they are left out.
      if (!f.url.startsWith('file:') || f.url.includes('/node_modules/') || f.url.includes('/scripts/bench/')) continue;
      const key = frameName(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const rows = (m: Map<string, number>, n: number): Row[] => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000, pct: totalUs ? (100 * us) / totalUs : 0 }));
  const selfTop = rows(self, top);
  const natives = selfTop.filter((r) => nativeCallers.has(r.name) && !r.name.startsWith('(')).slice(0, 3)
    .map((r) => ({ name: r.name, callers: rows(nativeCallers.get(r.name)!, 4) }));
  return { totalMs: totalUs / 1000, busyMs: busyUs / 1000, samples: samples.length, selfTop, nativeCallers: natives, byPackage: rows(pkg, 15), projectInclusive: rows(inclusive, 20) };
}

export function formatCpuSummary(s: CpuSummary): string {
  const line = (r: Row) => `  ${r.ms.toFixed(0).padStart(7)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.name}`;
  return [
    `profile: ${s.samples} samples over ${(s.totalMs / 1000).toFixed(1)} s, main thread busy ${(s.busyMs / 1000).toFixed(1)} s (${s.totalMs ? ((100 * s.busyMs) / s.totalMs).toFixed(0) : 0}%)`,
    'top self time (function  file:line):', ...s.selfTop.map(line),
    ...s.nativeCallers.flatMap((n) => [`${n.name}: called from`, ...n.callers.map((r) => `  ${line(r)}`)]),
    'self time by package:', ...s.byPackage.map(line),
    'inclusive time of project functions:', ...s.projectInclusive.map(line),
  ].join('\n');
}

/** The call paths (nearest `depth` frames with a file) under which functions whose name contains `needle` spend self time. */
export function callersOf(profile: CpuProfile, needle: string, depth = 6, top = 10): Row[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const paths = new Map<string, number>();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? 0);
    totalUs += us;
    const node = byId.get(profile.samples[i]!);
    if (!node || !frameName(node.callFrame).includes(needle)) continue;
    const path: string[] = [];
    for (let id = parent.get(node.id); id !== undefined && path.length < depth; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (f.url && !f.url.startsWith('node:') && !f.url.startsWith('wasm:')) path.push(`${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`);
    }
    const key = path.join('  ←  ') || '(no JavaScript caller)';
    paths.set(key, (paths.get(key) ?? 0) + us);
  }
  return [...paths.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, pct: totalUs ? (100 * us) / totalUs : 0 }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx scripts/bench/cpuprofile-summary.ts FILE.cpuprofile [TOP] [--callers NAME]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const at = rest.indexOf('--callers');
  if (at >= 0 && rest[at + 1]) {
    console.log(`self time of functions matching "${rest[at + 1]}", by call path:`);
    for (const r of callersOf(profile, rest[at + 1]!)) console.log(`  ${r.ms.toFixed(0).padStart(7)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.name}`);
  } else {
    console.log(formatCpuSummary(summariseCpuProfile(profile, Number(rest[0] ?? 25))));
  }
}
