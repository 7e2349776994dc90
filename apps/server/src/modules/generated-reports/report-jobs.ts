import { enqueueJob } from '@minsheng/db';
import type { Executor, JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { Schedule } from '../../jobs/schedules';
import { requireRuntime } from '../../runtime/require-runtime';
import { REPORT_KINDS } from './report-body';
import type { ReportKind } from './report-body';
import { lastEndedPeriodKey } from './report-period';
import { generateReport } from './use-cases/generate-report';

export const REPORT_JOB = 'generate_report';

/** The job that generates a scheduled report; a report that exists already is left as it is. */
export const REPORT_JOB_HANDLERS = {
  [REPORT_JOB]: async (deps: Deps, job: JobRow) => {
    const p = job.payload as { kind?: string; period?: string };
    if (!p.kind || !p.period || !(REPORT_KINDS as readonly string[]).includes(p.kind)) throw new Error('generate_report needs kind and period');
    await generateReport(deps, { jurisdictionId: job.jurisdictionId, kind: p.kind as ReportKind, period: p.period, generatedBy: null });
  },
};

/**
 * Enqueue the last ended week (so on Monday: the week before) and the last ended month (so on the 1st: the month
 * before), for the hotline and the petition analysis, under keys naming kind and period: every worker may schedule,
 * each report is generated once (the handler also skips a report that exists, after the finished job is purged).
 */
export async function scheduleReportJobs(deps: Deps, db: Executor, jurisdictionId: string, now: Date): Promise<void> {
  const offset = (await requireRuntime(deps, jurisdictionId)).settings.utcOffsetMinutes;
  const week = lastEndedPeriodKey('weekly', offset, now);
  const month = lastEndedPeriodKey('monthly', offset, now);
  for (const [kind, period] of [['weekly', week], ['monthly', month], ['petition', month]] as const) {
    await enqueueJob(db, { jurisdictionId, kind: REPORT_JOB, dedupeKey: `${REPORT_JOB}:${kind}:${period}`, payload: { kind, period }, runAt: now, maxAttempts: 3 });
  }
}

/** Checked for every jurisdiction when the worker starts and every 10 minutes after (like the portal's jobs). */
export const REPORT_SCHEDULE: Schedule = {
  name: 'reports', everyMs: 600_000,
  enqueue: (deps, jurisdictionId, now) => scheduleReportJobs(deps, deps.database.db, jurisdictionId, now),
};
