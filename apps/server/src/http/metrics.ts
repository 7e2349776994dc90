/**
 * Counters and histograms for GET /metrics, rendered in the Prometheus text format (version 0.0.4).
 *
 * One registry per process, on purpose: Prometheus scrapes each process as its own target, so what one process counts
 * is exactly what it must report; the HTTP hook and the job worker both record here without being wired to each other.
 * Labels are closed sets (route patterns, status classes, job kinds): never a raw path, id or anything a citizen typed.
 */

/** Request latency buckets in seconds: the p99 target is 100 ms, so the resolution is finest below it. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.1, 0.5, 1, 5, 30, 120, 600];

type Labels = Record<string, string>;

class Counter {
  readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels, by = 1): void {
    const key = labelKey(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${formatLabels(labels)} ${value}`);
    return lines;
  }
}

class Histogram {
  readonly values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: number[]) {}
  observe(labels: Labels, seconds: number): void {
    const key = labelKey(labels);
    let entry = this.values.get(key);
    if (!entry) this.values.set(key, entry = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 });
    // Buckets are cumulative in the exposition format; counting per bucket here and summing on render keeps observe O(1)-ish.
    const i = this.buckets.findIndex((b) => seconds <= b);
    if (i >= 0) entry.counts[i]! += 1;
    entry.sum += seconds;
    entry.count += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.values.values()) {
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += counts[i]!;
        lines.push(`${this.name}_bucket${formatLabels({ ...labels, le: String(b) })} ${cumulative}`);
      });
      lines.push(`${this.name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${formatLabels(labels)} ${round(sum)}`);
      lines.push(`${this.name}_count${formatLabels(labels)} ${count}`);
    }
    return lines;
  }
}

const httpRequests = new Counter('minsheng_http_requests_total', 'HTTP requests answered, by method, route pattern and status class.');
const httpDuration = new Histogram('minsheng_http_request_duration_seconds', 'Time to answer HTTP requests, by method, route pattern and status class.', LATENCY_BUCKETS);
const jobRuns = new Counter('minsheng_job_runs_total', 'Background jobs run by this process, by kind.');
const jobFailures = new Counter('minsheng_job_failures_total', 'Background job runs that failed, by kind.');
const jobDuration = new Histogram('minsheng_job_duration_seconds', 'Time a background job run took, by kind.', JOB_BUCKETS);
const startedAt = Date.now();

/** Record one answered request; `route` is the matched route pattern ('/api/appeals/:id'), never the raw path. */
export function recordRequest(method: string, route: string | undefined, statusCode: number, elapsedMs: number): void {
  const labels = { method, route: route ?? 'unmatched', status_class: `${Math.floor(statusCode / 100)}xx` };
  httpRequests.inc(labels);
  httpDuration.observe(labels, elapsedMs / 1000);
}

/** Record one background job run (the worker calls this for every claimed job). */
export function recordJob(kind: string, ok: boolean, elapsedMs: number): void {
  jobRuns.inc({ kind });
  if (!ok) jobFailures.inc({ kind });
  jobDuration.observe({ kind }, elapsedMs / 1000);
}

/** A gauge family computed at scrape time (e.g. open appeals per jurisdiction). */
export interface Gauge { name: string; help: string; samples: { labels: Labels; value: number }[] }

/** The whole exposition: this process's counters plus the gauges the caller read for this scrape. */
export function renderMetrics(gauges: Gauge[]): string {
  const memory = process.memoryUsage();
  const processGauges: Gauge[] = [
    { name: 'minsheng_process_uptime_seconds', help: 'Seconds since this process started serving.', samples: [{ labels: {}, value: round((Date.now() - startedAt) / 1000) }] },
    { name: 'minsheng_process_resident_memory_bytes', help: 'Resident set size of this process.', samples: [{ labels: {}, value: memory.rss }] },
    { name: 'minsheng_process_heap_used_bytes', help: 'V8 heap in use.', samples: [{ labels: {}, value: memory.heapUsed }] },
  ];
  const lines = [httpRequests, httpDuration, jobRuns, jobFailures, jobDuration].flatMap((m) => m.render());
  for (const g of [...processGauges, ...gauges]) {
    lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
    for (const s of g.samples) lines.push(`${g.name}${formatLabels(s.labels)} ${s.value}`);
  }
  return lines.join('\n') + '\n';
}

function labelKey(labels: Labels): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join('\u0000');
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (!entries.length) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
