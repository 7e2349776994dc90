import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GeneratedReportRow } from '@minsheng/db';
import type { CellFormat, ReportBody } from '../report-body';

/** Excel number formats per cell format; points are written as percentage points (×100). */
const NUM_FMT: Partial<Record<CellFormat, string>> = { rate: '0.0%', delta: '+0;-0;0', points: '+0.0;-0.0;0.0' };

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '、').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}

/**
 * The report as an XLSX workbook (exceljs' streaming writer, like the appeal export): a cover sheet, then one sheet
 * per section with Chinese headers and real numbers (rates as percentages). The report holds no personal data, so
 * neither does the workbook.
 */
export function reportWorkbook(row: GeneratedReportRow): { stream: Readable; fileName: string } {
  const body = row.body as ReportBody;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'minsheng 民声';
  workbook.created = row.generatedAt;
  const used = new Set<string>();
  const produce = async () => {
    const cover = workbook.addWorksheet(sheetName('报告信息', used));
    cover.columns = [{ width: 14 }, { width: 80 }];
    for (const [k, v] of [
      ['报告', body.title], ['辖区', body.jurisdiction.name], ['统计期间', `${body.period.firstDay} 至 ${body.period.lastDay}`],
      ['对比期间', `${body.previous.firstDay} 至 ${body.previous.lastDay}`], ['生成时间', body.generatedAt], ['生成方式', row.generatedBy ? '手动生成' : '定时生成'],
      ['说明', body.complete ? '统计期间已结束，报告生成后不再变化。' : '生成时统计期间尚未结束，数字为截至生成时的情况。'],
      ['个人信息', '报告不含诉求人姓名、电话、地址与诉求内容；标题已脱敏，保密件不显示标题。'],
    ]) cover.addRow([k, v]).commit();
    cover.getColumn(1).font = { bold: true };
    cover.commit();
    for (const section of body.sections) {
      const sheet = workbook.addWorksheet(sheetName(section.title, used), { views: [{ state: 'frozen', ySplit: section.note ? 2 : 1 }] });
      sheet.columns = section.columns.map((c) => ({
        key: c.key, width: c.format === 'text' ? 24 : 12, style: NUM_FMT[c.format] ? { numFmt: NUM_FMT[c.format] } : {},
      }));
      if (section.note) sheet.addRow([section.note]).commit();
      const header = sheet.addRow(section.columns.map((c) => (c.format === 'points' ? `${c.title}（百分点）` : c.title)));
      header.font = { bold: true };
      header.commit();
      for (const r of section.rows) {
        sheet.addRow(section.columns.map((c) => {
          const v = r[c.key] ?? null;
          return c.format === 'points' && typeof v === 'number' ? Math.round(v * 1000) / 10 : v;
        })).commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  produce().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: out, fileName: `${body.title}.xlsx` };
}
