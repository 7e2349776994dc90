import { hostname } from 'node:os';
import { claimJobs, completeJob, enqueueJob, failJob, hasDueNotifications, listJurisdictions, purgeFinishedJobs, requeueStaleJobs } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import type { Deps } from '../deps';
import { sweepDeadlines } from './deadline-sweep';
import { ANALYTICS_JOB_HANDLERS, ANALYTICS_SCHEDULE } from './analytics-fold';
import { deliverNotifications } from '../modules/notifications/use-cases/deliver-notifications';
import { TEXT_JOB_HANDLERS, TEXT_SCHEDULE } from '../modules/text/text-jobs';
import { PORTAL_JOB_HANDLERS, PORTAL_SCHEDULE } from '../modules/board/portal-jobs';
import { REPORT_JOB_HANDLERS, REPORT_SCHEDULE } from '../modules/generated-reports/report-jobs';
import { recordJob } from '../http/metrics';
import { REGISTRY_JOB_HANDLERS, REGISTRY_SCHEDULE } from '../modules/registry/registry-jobs';
import { GRASSROOTS_JOB_HANDLERS, GRASSROOTS_SCHEDULE } from '../modules/grassroots/grassroots-jobs';
import { startSchedules } from './schedules';
import type { Schedule } from './schedules';
import { sweepProxyDeadlines } from '../modules/proxy-services/use-cases/sweep-proxy-deadlines';

export type JobHandler = (deps: Deps, job: JobRow) => Promise<void>;

/** Job kinds and what runs them; payloads are typed per handler. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  // The minute's sweep covers appeals' clocks and 代办件 deadlines alike; one failing does not skip the other.
  deadline_sweep: async (deps, job) => {
    let failure: unknown = null;
    await sweepDeadlines(deps, job.jurisdictionId).catch((err: unknown) => { failure = err; });
    await sweepProxyDeadlines(deps, job.jurisdictionId);
    if (failure) throw failure;
  },
  notification_delivery: async (deps, job) => { await deliverNotifications(deps, job.jurisdictionId); },
  // text_retrain (nightly and on demand), text_warnings (hourly): scheduled by TEXT_SCHEDULE.
  ...TEXT_JOB_HANDLERS,
  // portal_upkeep (board drafts, rate-limit purge; every 10 min) and monthly_bulletin (last month): PORTAL_SCHEDULE.
  ...PORTAL_JOB_HANDLERS,
  // generate_report (last week and last month, hotline and petition): REPORT_SCHEDULE.
  ...REPORT_JOB_HANDLERS,
  // registry_upkeep (recurring receptions → portal directory; hourly): REGISTRY_SCHEDULE.
  ...REGISTRY_JOB_HANDLERS,
  // grassroots_revisits (回访 of resolved disputes made due; hourly): GRASSROOTS_SCHEDULE.
  ...GRASSROOTS_JOB_HANDLERS,
  // analytics_fold (count deltas and dirty appeals into the rollups; every 30 s): ANALYTICS_SCHEDULE.
  ...ANALYTICS_JOB_HANDLERS,
};

/** What each worker queues on a timer besides the per-minute sweep and the outbox (see `tick`). */
export const SCHEDULES: readonly Schedule[] = [TEXT_SCHEDULE, PORTAL_SCHEDULE, REGISTRY_SCHEDULE, REPORT_SCHEDULE, GRASSROOTS_SCHEDULE, ANALYTICS_SCHEDULE];

/**
 * Claims and runs jobs from the table. Any number of processes may run a worker: claims use SKIP LOCKED, and the
 * per-minute sweep is enqueued under a deterministic key so it runs once per minute whoever schedules it.
 */
export class Worker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopSchedules: (() => void) | null = null;
  readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(private readonly deps: Deps, private readonly intervalMs = 5_000, private readonly handlers = JOB_HANDLERS) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => { this.running ??= this.tick().then(() => undefined, (err) => console.error('[worker]', err)).finally(() => { this.running = null; }); }, this.intervalMs);
    this.timer.unref();
    this.stopSchedules = startSchedules(this.deps, SCHEDULES);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopSchedules?.();
    this.stopSchedules = null;
    await this.running;
  }

  /** One round: schedule this minute's sweeps, recover stale claims, run what is due. Returns jobs run. */
  async tick(): Promise<number> {
    const db = this.deps.database.db;
    const now = this.deps.now();
    const minute = now.toISOString().slice(0, 16);
    for (const j of await listJurisdictions(db)) {
      await enqueueJob(db, { jurisdictionId: j.id, kind: 'deadline_sweep', dedupeKey: `deadline_sweep:${minute}`, runAt: now, maxAttempts: 1 });
      // The outbox is drained every 10 seconds while something is due (a citizen expects the intake SMS promptly);
      // rows are claimed one by one, so the key only keeps the jobs table small, it is not what prevents a double send.
      if (await hasDueNotifications(db, j.id, now)) await enqueueJob(db, { jurisdictionId: j.id, kind: 'notification_delivery', dedupeKey: `notification_delivery:${Math.floor(now.getTime() / 10_000)}`, runAt: now, maxAttempts: 1 });
    }
    await requeueStaleJobs(db, now, 10 * 60_000);
    // Finished scheduled runs are only needed while their dedupe key can still collide.
    await purgeFinishedJobs(db, new Date(now.getTime() - 86_400_000));
    const jobs = await claimJobs(db, this.id, 10, now);
    for (const job of jobs) {
      const handler = this.handlers[job.kind];
      const started = performance.now();
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(this.deps, job);
        await completeJob(db, job, this.deps.now());
        recordJob(job.kind, true, performance.now() - started);
      } catch (err) {
        recordJob(job.kind, false, performance.now() - started);
        await failJob(db, job, err instanceof Error ? err.message : String(err), this.deps.now());
      }
    }
    return jobs.length;
  }
}
