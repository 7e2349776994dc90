import { findGeneratedReport, findScheduledReport, insertGeneratedReport, newId, writeAudit } from '@minsheng/db';
import type { GeneratedReportRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { REPORT_KIND_LABELS } from '../report-body';
import type { ReportBody, ReportKind } from '../report-body';
import { loadReportNames } from '../report-names';
import { reportPeriod } from '../report-period';
import { buildPeriodicReport } from './build-periodic-report';
import { buildPetitionReport } from './build-petition-report';

export interface GenerateReport {
  jurisdictionId: string;
  kind: ReportKind;
  period: string;
  /** The staff member who asked; null for the scheduled run (kept once per kind and period). */
  generatedBy: string | null;
  suggestions?: readonly string[] | undefined;
}

/**
 * Build a report of one kind and period from the events as they are now and store it frozen. On demand, every call
 * makes a new report (earlier ones stay as published); the scheduled run makes one per kind and period and returns
 * the existing one when it is asked again, without computing anything.
 */
export async function generateReport(deps: Deps, o: GenerateReport): Promise<{ report: GeneratedReportRow; created: boolean }> {
  const runtime = await requireRuntime(deps, o.jurisdictionId);
  const now = deps.now();
  const rp = reportPeriod(o.kind, o.period, runtime.settings.utcOffsetMinutes, now);
  const db = deps.database.db;
  if (o.generatedBy === null) {
    const existing = await findScheduledReport(db, o.jurisdictionId, o.kind, rp.key);
    if (existing) return { report: existing, created: false };
  }
  const names = await loadReportNames(deps, o.jurisdictionId, runtime.settings.utcOffsetMinutes);
  const sections = o.kind === 'petition'
    ? await buildPetitionReport(deps, runtime, rp, names, (o.suggestions ?? []).map((s) => s.trim()).filter(Boolean))
    : await buildPeriodicReport(deps, runtime, rp, names);
  const title = o.kind === 'petition' ? `${runtime.name}信访情况分析报告（${rp.label}）` : `${runtime.name}12345热线${REPORT_KIND_LABELS[o.kind]}（${rp.label}）`;
  const body: ReportBody = {
    version: 1, kind: o.kind, title, jurisdiction: { id: runtime.id, name: runtime.name },
    period: { key: rp.key, firstDay: rp.period.firstDay, lastDay: rp.period.lastDay, from: rp.period.from.toISOString(), to: rp.period.to.toISOString() },
    previous: { key: rp.previousKey, firstDay: rp.previous.firstDay, lastDay: rp.previous.lastDay },
    complete: rp.period.to.getTime() <= now.getTime(), generatedAt: now.toISOString(), sections,
  };
  const row: GeneratedReportRow = {
    jurisdictionId: o.jurisdictionId, id: newId(now.getTime()), kind: o.kind, period: rp.key, periodFrom: rp.period.from, periodTo: rp.period.to,
    title, generatedAt: now, generatedBy: o.generatedBy, body,
  };
  const created = await db.transaction(async (tx) => {
    const ok = await insertGeneratedReport(tx, row);
    if (ok && o.generatedBy) {
      await writeAudit(tx, { jurisdictionId: o.jurisdictionId, actorUserId: o.generatedBy, action: 'report.generate', targetType: 'generated_report', targetId: row.id, detail: { kind: o.kind, period: rp.key }, at: now });
    }
    return ok;
  });
  // A concurrent scheduled run stored its copy first: that one is the report.
  if (!created) return { report: (await findScheduledReport(db, o.jurisdictionId, o.kind, rp.key)) ?? (await findGeneratedReport(db, o.jurisdictionId, row.id))!, created: false };
  return { report: row, created: true };
}
