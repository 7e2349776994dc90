import type { Cell, CellFormat } from './report-body';

const signed = (n: number, digits = 0) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;

/** A cell as a person reads it (the print page); empty figures show as a dash. */
export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'rate': return `${(value * 100).toFixed(1)}%`;
    case 'delta': return signed(value);
    case 'points': return `${signed(value * 100, 1)} 个百分点`;
    case 'count': return Number.isInteger(value) ? String(value) : value.toFixed(2);
    default: return String(value);
  }
}
