import ExcelJS from 'exceljs';
import { TextInputError } from '../errors';
import { parseCsv } from './csv';

/** Input formats of training and evaluation data. */
export type TableFormat = 'jsonl' | 'csv' | 'xlsx';

/** One input record: field name → value. */
export type TableRecord = Record<string, unknown>;

/** The format implied by a file name's extension, if any. */
export function formatFromName(name: string): TableFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return undefined;
}

function fromHeader(rows: string[][]): TableRecord[] {
  const [header, ...body] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return body.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])));
}

async function readXlsx(bytes: Uint8Array): Promise<TableRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new TextInputError('invalid_input', `not a readable XLSX workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  return fromHeader(rows);
}

/** Reads records from JSONL (one object per line), CSV or XLSX (first sheet) — both with a header row. */
export async function readTable(bytes: Uint8Array, format: TableFormat): Promise<TableRecord[]> {
  if (format === 'xlsx') return readXlsx(bytes);
  const text = Buffer.from(bytes).toString('utf8');
  if (format === 'csv') return fromHeader(parseCsv(text));
  const records: TableRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try { value = JSON.parse(line); } catch { throw new TextInputError('invalid_input', `line ${i + 1} is not valid JSON`); }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TextInputError('invalid_input', `line ${i + 1} is not a JSON object`);
    records.push(value as TableRecord);
  });
  return records;
}
