// Load generators: closed loop (autocannon, N connections back to back) and open loop (a fixed rate, evenly spaced,
// latency from each request's due time). They send POST /api/appeals (intake) unless given another RequestPlan.
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Engine, Server } from './server';
import { sleep } from './server';
import type { CpuShare } from './cpu';
import { processTreeCpuSeconds } from './cpu';

/** The body of apps/server/test/harness.ts intakeBody(). */
export const BASE_BODY = {
  channel: 'phone_12345', kind: 'complaint', urgency: 'normal', title: '小区门口夜间施工噪音扰民',
  content: '龙桥街道某小区东门外道路施工每天夜里十一点后仍在作业，噪音很大，影响休息，希望有关部门督促文明施工。',
  citizen: { name: '王建国', phone: '13905371234', address: '兖州区建设东路18号3单元201' }, areaCode: '370812003',
};

let phoneSeq = 0;
/** An intake body with its own mobile number (139xxxxxxxx), so every request registers a different citizen. */
export function nextBody(): string {
  phoneSeq++;
  return JSON.stringify({ ...BASE_BODY, citizen: { ...BASE_BODY.citizen, phone: `139${String(phoneSeq % 100_000_000).padStart(8, '0')}` } });
}

/** What a run sends: each call of `next` gives the next request (path, body, extra headers). */
export interface RequestPlan {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  next: () => { path: string; body?: string; headers?: Record<string, string> };
}

/** Intake as the given staff token: POST /api/appeals, every appeal from another citizen. */
export function intakePlan(token: string): RequestPlan {
  return { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, next: () => ({ path: '/api/appeals', body: nextBody() }) };
}

const planOf = (p: string | RequestPlan): RequestPlan => (typeof p === 'string' ? intakePlan(p) : p);

export interface RunResult {
  engine: Engine;
  mode: string;
  /** Wall seconds of the run. */
  seconds: number;
  /** Responses received (any status). */
  requests: number;
  ok: number;
  non2xx: number;
  /** Requests without any response: connection errors and timeouts. */
  errors: number;
  /** Of those, requests not answered within 10 s (an overloaded server, not a broken one). */
  timeouts: number;
  statuses: Record<string, number>;
  /** The first failure, for the report. */
  sample: string | null;
  perSecond: number;
  p50: number;
  p99: number;
  cpu?: CpuShare;
  /**
   * Open-loop runs: the load generator's own event-loop delay (a late client makes every answer look late, since
   * latency runs from each request's due time) and the slowest answer with when it was due, to tell a stall of the
   * server (background work, GC) from a stall of the client.
   */
  stalls?: { clientP99: number; clientMax: number; slowestMs: number; slowestAtSecond: number; p99BySecond: number[] };
}

/**
 * Wait (at most `maxMs`) until the server answers GET /api/health within 50 ms and its processes have been quiet
 * (under a tenth of a core) for half a second: requests a finished run left behind (autocannon drops its connections
 * at the end, the server still works through them), and the garbage collection after them, must not land in the
 * first seconds of the next run.
 */
export async function settle(server: Server, maxMs = 15_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok && performance.now() - t0 < 50 && await quiet(server)) return;
    } catch { /* still busy */ }
    await sleep(200);
  }
}

/** Whether the server's process tree used under 0.1 core over the next 500 ms (true where /proc is missing). */
async function quiet(server: Server): Promise<boolean> {
  const before = server.pid ? processTreeCpuSeconds(server.pid) : null;
  await sleep(500);
  const after = server.pid ? processTreeCpuSeconds(server.pid) : null;
  return before === null || after === null || (after - before) / 0.5 < 0.1;
}

export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Closed loop with autocannon: `connections` clients, each sending its next request when the last is answered.
 * `request` is a RequestPlan or, for intake, the staff token.
 * With `overallRate`, autocannon caps each connection at rate/connections requests per second — it sends each
 * second's quota at once, so that mode is a burst test, not an evenly paced one (see `paced`).
 */
export async function cannon(server: Server, request: string | RequestPlan, mode: string, opts: { seconds: number; connections: number; overallRate?: number }): Promise<RunResult> {
  const plan = planOf(request);
  let sample: string | null = null;
  const instance = autocannon({
    url: server.baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    headers: plan.headers,
    requests: [{
      method: plan.method, path: '/',
      setupRequest: (req) => {
        const r = plan.next();
        return { ...req, path: r.path, ...(r.body === undefined ? {} : { body: r.body }), ...(r.headers ? { headers: { ...plan.headers, ...r.headers } } : {}) };
      },
      onResponse: (status, body) => { if ((status < 200 || status > 299) && sample === null) sample = `HTTP ${status} ${body.slice(0, 300)}`; },
    }],
    // autocannon's coordinated-omission correction assumes a 1 ms interval whatever the rate: off, latency as sent.
    ...(opts.overallRate ? { overallRate: opts.overallRate, ignoreCoordinatedOmission: true } : {}),
  });
  instance.on('reqError', (err: Error) => { sample ??= `request error: ${err.message}`; });
  const r = await instance;
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));
  const ok = r['2xx'];
  return {
    engine: server.engine, mode, seconds: r.duration, requests: r['1xx'] + ok + r['3xx'] + r['4xx'] + r['5xx'], ok,
    non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, statuses, sample, perSecond: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99,
  };
}

/**
 * Open `count` keep-alive connections before the clock starts, as autocannon does for the max run: otherwise the
 * open loop's first second measures a burst of connection set-ups (each one accepted by the cluster's primary and
 * handed to a worker), not the server's answers.
 */
async function openSockets(server: Server, agent: http.Agent, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/health/live', agent, timeout: 10_000 }, (res) => { res.resume(); res.on('end', resolve); });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve());
  })));
}

/**
 * Open loop at a fixed rate: intake i is due at start + i/rate whatever happened to the earlier ones, and its
 * latency counts from that due time, so a stalled server cannot hide its queue (no coordinated omission).
 */
export async function paced(server: Server, request: string | RequestPlan, mode: string, opts: { seconds: number; rate: number; connections?: number }): Promise<RunResult> {
  const plan = planOf(request);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  await openSockets(server, agent, opts.connections ?? 50);
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let sample: string | null = null;
  const inflight = new Set<Promise<void>>();
  const clientDelay = monitorEventLoopDelay({ resolution: 10 });
  let slowest = { ms: 0, due: 0 };
  const bySecond: number[][] = [];

  const fire = (due: number) => {
    const { path, body, headers } = plan.next();
    const p = new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1', port: server.port, method: plan.method, path, agent, timeout: 10_000,
        headers: { ...plan.headers, ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status <= 299) {
            const ms = performance.now() - due;
            latencies.push(ms);
            if (ms > slowest.ms) slowest = { ms, due };
            (bySecond[Math.max(0, Math.floor((due - start) / 1000))] ??= []).push(ms);
          }
          else sample ??= `HTTP ${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`;
          resolve();
        });
        res.on('error', (err) => { errors++; sample ??= `response error: ${err.message}`; resolve(); });
      });
      req.on('timeout', () => { timeouts++; req.destroy(new Error('no answer within 10 s')); });
      req.on('error', (err) => { errors++; sample ??= `request error: ${err.message}`; resolve(); });
      req.end(body);
    });
    inflight.add(p);
    void p.then(() => inflight.delete(p));
  };

  const start = performance.now() + 20;
  let sent = 0;
  clientDelay.enable();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) fire(start + sent++ * interval);
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
  const drained = await Promise.race([Promise.allSettled([...inflight]).then(() => true), sleep(15_000).then(() => false)]);
  if (!drained) {
    errors += inflight.size;
    timeouts += inflight.size;
    sample ??= `${inflight.size} requests still unanswered 15 s after the last was sent`;
  }
  clientDelay.disable();
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ok = latencies.length;
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    engine: server.engine, mode, seconds, requests, ok, non2xx: requests - ok, errors, timeouts, statuses, sample,
    // The achieved rate: a server slower than the offered rate stretches the run past its nominal length.
    perSecond: ok / Math.max(seconds, opts.seconds), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99),
    stalls: {
      clientP99: clientDelay.percentile(99) / 1e6, clientMax: clientDelay.max / 1e6,
      slowestMs: slowest.ms, slowestAtSecond: (slowest.due - start) / 1000,
      p99BySecond: Array.from(bySecond, (list) => (list ? percentile(list.sort((a, b) => a - b), 0.99) : NaN)),
    },
  };
}
