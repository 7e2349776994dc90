// Where the machine's CPU went during a run (Linux /proc; elsewhere the figures are simply absent): the server
// process, the PostgreSQL backends serving the bench database, this process (the load generator) and everything
// else. "Everything else" > 0.2 cores means another workload shared the machine and the figures are understated.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

const CLK_TCK = 100; // USER_HZ: 100 on every mainstream Linux

/** CPU seconds (user + system) a process has used, or null when it is gone or /proc is absent. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime (14) + stime (15)
  } catch {
    return null;
  }
}

/** The process and every process below it (a server run with MINSHENG_PROCESSES > 1 is a primary and its workers). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch { /* ended while listed */ }
    }
  } catch {
    return [pid];
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length;) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** CPU seconds of a process tree's current members (see processTree), or null when the root is gone. */
export function processTreeCpuSeconds(pid: number): number | null {
  const root = processCpuSeconds(pid);
  if (root === null) return null;
  return processTree(pid).slice(1).reduce((sum, child) => sum + (processCpuSeconds(child) ?? 0), root);
}

/** Busy CPU seconds of the whole machine (all CPUs), or null without /proc. */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK;
  } catch {
    return null;
  }
}

export interface CpuShare {
  /** Wall seconds the meter ran. */
  seconds: number;
  /** Average cores busy, per consumer (cpu-seconds ÷ wall seconds). */
  server: number | null;
  postgres: number | null;
  loadGenerator: number;
  machine: number | null;
  other: number | null;
  cores: number;
}

export interface CpuMeter { stop: (postgresPids?: readonly number[]) => CpuShare }

/** Start measuring; `postgresPids` are the backends known now (those that appear later count from their start). */
export function startCpuMeter(serverPid: number | undefined, postgresPids: readonly number[] = []): CpuMeter {
  const t0 = performance.now();
  const self0 = process.cpuUsage();
  const machine0 = machineBusySeconds();
  const server0 = serverPid ? processTreeCpuSeconds(serverPid) : null;
  const pg0 = new Map(postgresPids.map((pid) => [pid, processCpuSeconds(pid) ?? 0]));
  return {
    stop(postgresPidsNow = postgresPids) {
      const seconds = (performance.now() - t0) / 1000;
      const self = process.cpuUsage(self0);
      const loadGenerator = (self.user + self.system) / 1e6 / seconds;
      const machine1 = machineBusySeconds();
      const server1 = serverPid ? processTreeCpuSeconds(serverPid) : null;
      const server = server0 !== null && server1 !== null ? (server1 - server0) / seconds : null;
      let postgres: number | null = null;
      if (postgresPidsNow.length) {
        let sum = 0;
        for (const pid of new Set([...pg0.keys(), ...postgresPidsNow])) {
          const now = processCpuSeconds(pid);
          if (now !== null) sum += now - (pg0.get(pid) ?? 0);
        }
        postgres = sum / seconds;
      }
      const machine = machine0 !== null && machine1 !== null ? (machine1 - machine0) / seconds : null;
      const other = machine === null ? null : Math.max(0, machine - (server ?? 0) - (postgres ?? 0) - loadGenerator);
      return { seconds, server, postgres, loadGenerator, machine, other, cores: cpus().length };
    },
  };
}

/** CPU cores other processes (not `ownPids`, not this process) use right now, sampled over `ms`. */
export async function othersBusy(ownPids: readonly number[], ms = 1000): Promise<number | null> {
  const meter = startCpuMeter(undefined, ownPids);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return meter.stop().other;
}

export function formatCpu(c: CpuShare): string {
  const f = (n: number | null) => (n === null ? '?' : n.toFixed(2));
  return `CPU cores busy: server ${f(c.server)}, postgres ${c.postgres === null ? '—' : f(c.postgres)}, load generator ${f(c.loadGenerator)}, other processes ${f(c.other)} (machine ${f(c.machine)} of ${c.cores})`;
}
