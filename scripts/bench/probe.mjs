// Benchmark probe, preloaded into the server by `BENCH_PROFILE=1 npm run bench:intake` through
//   NODE_OPTIONS="--import ./scripts/bench/probe.mjs"  BENCH_PROBE_DIR=/tmp/…
// It never changes what the server does; it only observes:
//   - every pg Client#query (count, time until the result arrives, by statement) = SQL round trips;
//   - every pg Pool#connect (time spent waiting for a pooled connection);
//   - per pooled connection, how long each transaction stays open (BEGIN sent → COMMIT answered) and how long it holds
//     the row lock taken by the statement matching BENCH_PROBE_LOCK_SQL (default: the per-day appeal counter
//     upsert) until its COMMIT is answered — every intake of a day queues on that one row;
//   - the server's event-loop delay (how long a ready callback waits for its turn);
//   - a CPU profile of the server's main thread (node:inspector, same data as `node --cpu-prof`).
// The first SIGUSR2 starts a measurement window (resets the counters, starts the profiler); the second ends it and
// writes window-N.json (+ window-N.cpuprofile) into BENCH_PROBE_DIR. So the profile covers exactly the measured
// load, not the 20–30 s of demo seeding before it. On exit the totals since the last window go to stderr.
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';

const dir = process.env.BENCH_PROBE_DIR;
const profile = process.env.BENCH_PROBE_CPU !== '0';
const lockSql = new RegExp(process.env.BENCH_PROBE_LOCK_SQL ?? '^insert into "appeal_counters"', 'i');

let stats = fresh();
function fresh() {
  return { startedAt: performance.now(), queries: 0, queryMs: 0, byStatement: new Map(), connects: 0, connectWaitMs: 0, connectWaitMaxMs: 0, txMs: [], lockHoldMs: [] };
}
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

/** Per connection: when its open transaction began and when it got the watched row lock. */
const txState = new WeakMap();
function trackTransaction(client, key, phase) {
  const verb = key.slice(0, 8).toLowerCase();
  const now = performance.now();
  if (phase === 'sent') {
    if (verb.startsWith('begin')) txState.set(client, { begin: now, lock: null });
    return;
  }
  const tx = txState.get(client);
  if (!tx) return;
  if (lockSql.test(key) && tx.lock === null) tx.lock = now;
  if (verb.startsWith('commit') || verb.startsWith('rollback')) {
    stats.txMs.push(now - tx.begin);
    if (tx.lock !== null) stats.lockHoldMs.push(now - tx.lock);
    txState.delete(client);
  }
}

/** A statement's identity: its SQL text with literals and whitespace squeezed, cut to a readable length. */
const keyCache = new Map();
function statementKey(arg) {
  const text = typeof arg === 'string' ? arg : (arg && typeof arg.text === 'string' ? arg.text : '?');
  let key = keyCache.get(text);
  if (key === undefined) {
    key = text.replace(/\s+/g, ' ').replace(/'[^']*'/g, "'…'").replace(/\$\d+(, ?\$\d+)*/g, '$…').trim().slice(0, 140);
    if (keyCache.size < 10_000) keyCache.set(text, key);
  }
  return key;
}

function record(client, key, ms) {
  trackTransaction(client, key, 'done');
  stats.queries++;
  stats.queryMs += ms;
  const s = stats.byStatement.get(key) ?? { count: 0, ms: 0 };
  s.count++;
  s.ms += ms;
  stats.byStatement.set(key, s);
}

const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function probedQuery(config, values, callback) {
  const key = statementKey(config);
  trackTransaction(this, key, 'sent');
  const t0 = performance.now();
  const cb = typeof callback === 'function' ? callback : typeof values === 'function' ? values : typeof config?.callback === 'function' ? config.callback : null;
  if (cb) {
    // Callback form (pg.Pool#query uses it): time until the callback fires.
    const wrapped = (...args) => { record(this, key, performance.now() - t0); return cb(...args); };
    if (typeof callback === 'function') return originalQuery.call(this, config, values, wrapped);
    if (typeof values === 'function') return originalQuery.call(this, config, wrapped);
    config.callback = wrapped;
    return originalQuery.call(this, config, values);
  }
  const result = originalQuery.call(this, config, values);
  if (result && typeof result.then === 'function') {
    result.then(() => record(this, key, performance.now() - t0), () => record(this, key, performance.now() - t0));
  } else {
    record(this, key, 0); // a Submittable (cursor, stream): counted, not timed
  }
  return result;
};

const originalConnect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function probedConnect(callback) {
  const t0 = performance.now();
  const done = () => {
    const ms = performance.now() - t0;
    stats.connects++;
    stats.connectWaitMs += ms;
    if (ms > stats.connectWaitMaxMs) stats.connectWaitMaxMs = ms;
  };
  if (typeof callback === 'function') {
    return originalConnect.call(this, (...args) => { done(); return callback(...args); });
  }
  const result = originalConnect.call(this);
  result.then(done, done);
  return result;
};

function distribution(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { count: sorted.length, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, p50: at(0.5), p99: at(0.99), sumMs: sorted.reduce((a, b) => a + b, 0) };
}

function snapshot() {
  const elapsedMs = performance.now() - stats.startedAt;
  const statements = [...stats.byStatement.entries()].map(([sql, s]) => ({ sql, count: s.count, ms: Math.round(s.ms) }))
    .sort((a, b) => b.count - a.count || b.ms - a.ms);
  return {
    elapsedMs: Math.round(elapsedMs), queries: stats.queries, queryMs: Math.round(stats.queryMs),
    connects: stats.connects, connectWaitMs: Math.round(stats.connectWaitMs), connectWaitMaxMs: Math.round(stats.connectWaitMaxMs), statements,
    transactionMs: distribution(stats.txMs), lockHoldMs: distribution(stats.lockHoldMs), lockSql: lockSql.source,
    eventLoopDelayMs: { mean: loopDelay.mean / 1e6, p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}

let session = null;
let windowNo = 0;
let recording = false;

function post(method, params) {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
}

function writeAtomically(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

async function toggle() {
  if (!recording) {
    recording = true;
    if (profile) {
      session = new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
    }
    // Only now: starting the profiler blocks the event loop for a moment, which must not count as the server's delay.
    stats = fresh();
    loopDelay.reset();
    loopDelay.enable();
    if (dir) writeAtomically(join(dir, `window-${windowNo + 1}.started`), String(Date.now()));
    return;
  }
  recording = false;
  windowNo++;
  const snap = snapshot();
  loopDelay.disable();
  if (profile && session) {
    const { profile: cpu } = await post('Profiler.stop');
    session.disconnect();
    session = null;
    if (dir) writeAtomically(join(dir, `window-${windowNo}.cpuprofile`), JSON.stringify(cpu));
  }
  if (dir) writeAtomically(join(dir, `window-${windowNo}.json`), JSON.stringify(snap, null, 1));
}

process.on('SIGUSR2', () => { toggle().catch((err) => console.error('[bench probe]', err)); });
process.on('exit', () => {
  const s = snapshot();
  console.error(`[bench probe] since last window: ${s.queries} pg queries, ${s.connects} pool checkouts`);
});
