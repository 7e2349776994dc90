import type { GeneratedReportHead, GeneratedReportRow } from '@minsheng/db';
import { REPORT_KIND_LABELS } from './report-body';
import type { ReportBody, ReportKind } from './report-body';

/** A report in the list: what it is and when it was made, never its body. */
export function presentReportHead(r: GeneratedReportHead) {
  return {
    id: r.id, kind: r.kind as ReportKind, kindLabel: REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind, period: r.period, title: r.title,
    periodFrom: r.periodFrom.toISOString(), periodTo: r.periodTo.toISOString(), generatedAt: r.generatedAt.toISOString(),
    generatedBy: r.generatedBy, scheduled: r.generatedBy === null,
  };
}

/** One report: its head and the frozen document exactly as generated. */
export function presentReport(r: GeneratedReportRow) {
  return { ...presentReportHead(r), body: r.body as ReportBody };
}
