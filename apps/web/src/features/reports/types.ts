/** The wire shapes of /api/reports (apps/server/src/modules/generated-reports/presenter.ts). */
export type ReportKind = 'weekly' | 'monthly' | 'petition';
export type CellFormat = 'text' | 'count' | 'rate' | 'delta' | 'points';
export type Cell = string | number | null;

export interface ReportColumn { key: string; title: string; format: CellFormat }
export interface ReportSection { key: string; title: string; note?: string; columns: ReportColumn[]; rows: Record<string, Cell>[] }

export interface ReportHead {
  id: string; kind: ReportKind; kindLabel: string; period: string; title: string; periodFrom: string; periodTo: string;
  generatedAt: string; generatedBy: string | null; scheduled: boolean;
}

export interface Report extends ReportHead {
  body: {
    title: string; complete: boolean; generatedAt: string;
    period: { key: string; firstDay: string; lastDay: string };
    previous: { key: string; firstDay: string; lastDay: string };
    sections: ReportSection[];
  };
}

const signed = (n: number, digits = 0) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;

/** A cell as the print page shows it (same rules as the server's format-cell.ts). */
export function formatCell(value: Cell | undefined, format: CellFormat, pointsWord: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'rate': return `${(value * 100).toFixed(1)}%`;
    case 'delta': return signed(value);
    case 'points': return `${signed(value * 100, 1)} ${pointsWord}`;
    case 'count': return Number.isInteger(value) ? String(value) : value.toFixed(2);
    default: return String(value);
  }
}
