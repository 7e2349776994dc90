/** The kinds of generated report: 周报, 月报, 信访情况分析报告 (信访条例 art. 39 / 信访工作条例). */
export const REPORT_KINDS = ['weekly', 'monthly', 'petition'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = { weekly: '周报', monthly: '月报', petition: '信访分析报告' };

/**
 * How a cell is shown: `count` a whole number; `rate` a fraction shown as a percentage; `delta` a signed count;
 * `points` a signed difference of two rates (shown in percentage points); `text` as it is.
 */
export type CellFormat = 'text' | 'count' | 'rate' | 'delta' | 'points';
export type Cell = string | number | null;

export interface ReportColumn { key: string; title: string; format: CellFormat }

/** One section of a report: a titled table. The console, the workbook and the print page all render this one shape. */
export interface ReportSection { key: string; title: string; note?: string; columns: ReportColumn[]; rows: Record<string, Cell>[] }

/** The frozen document stored in generated_reports.body; its shape is versioned so old reports stay readable. */
export interface ReportBody {
  version: 1;
  kind: ReportKind;
  title: string;
  jurisdiction: { id: string; name: string };
  period: { key: string; firstDay: string; lastDay: string; from: string; to: string };
  previous: { key: string; firstDay: string; lastDay: string };
  /** False when generated before the period ended: its figures cover the period so far. */
  complete: boolean;
  generatedAt: string;
  sections: ReportSection[];
}

/** A column in one call: `col('count', '件数', 'count')`. */
export const col = (key: string, title: string, format: CellFormat = 'text'): ReportColumn => ({ key, title, format });
