import ExcelJS from 'exceljs';
import { MODULES_OF_TIER, REPORT_MODULE_LABELS, REPORT_MODULES, REPORT_TIER_LABELS, REPORT_TIERS } from '@minsheng/domain';
import type { ReportModule } from '@minsheng/domain';
import { SNAPSHOT_MODULES } from '../report-presenter';
import type { MonthlyReport } from './monthly-report';

const RATE = '0.0%';
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const bold = (row: ExcelJS.Row) => { row.font = { bold: true }; };

/**
 * The monthly report as XLSX: one sheet with the ranked table of each tier (score, rate and count of every module)
 * and one sheet per module with the numbers behind it, unit by unit and item by item. Staff names only; no citizen
 * data, so the file can be passed around the district.
 */
export async function monthlyReportWorkbook(r: MonthlyReport): Promise<{ buffer: Buffer; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'minsheng 民声';
  wb.created = r.asOf;
  const title = `${monthLabel(r.month)}群众工作考核`;
  const main = wb.addWorksheet('考核总表');
  main.columns = [{ width: 8 }, { width: 18 }, { width: 10 }, ...REPORT_MODULES.flatMap(() => [{ width: 12 }, { width: 10 }])];
  bold(main.addRow([title]));
  main.addRow([`统计截至 ${r.asOfLocal}${r.complete ? '' : '（本月尚未结束，为截至目前的情况）'}`]);
  main.addRow([`工作网络、居情档案按当前台账计算；其余按当月数据计算。无考核对象的项目不计分，其权重按比例分摊到其他项目。`]);
  for (const tier of REPORT_TIERS) {
    const mods = MODULES_OF_TIER[tier];
    main.addRow([]);
    bold(main.addRow([REPORT_TIER_LABELS[tier].zh]));
    bold(main.addRow(['排名', '单位', '得分', ...mods.flatMap((k) => [`${REPORT_MODULE_LABELS[k].zh}达标率`, '达标/应考核']), '未达标项目']));
    main.addRow(['', '权重', 100, ...mods.flatMap((k) => [r.weights[tier][k], ''])]);
    for (const u of r.tiers[tier]) {
      const row = main.addRow([u.rank, u.unitName, u.score, ...mods.flatMap((k) => [u.modules[k].rate, `${u.modules[k].numerator}/${u.modules[k].denominator}`]), u.gaps.map((g) => REPORT_MODULE_LABELS[g].zh).join('、')]);
      mods.forEach((_, i) => { row.getCell(4 + i * 2).numFmt = RATE; });
    }
  }
  for (const key of REPORT_MODULES) moduleSheet(wb, r, key);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${title}.xlsx` };
}

function moduleSheet(wb: ExcelJS.Workbook, r: MonthlyReport, key: ReportModule) {
  const tiers = REPORT_TIERS.filter((t) => MODULES_OF_TIER[t].includes(key));
  const sheet = wb.addWorksheet(REPORT_MODULE_LABELS[key].zh);
  sheet.columns = [{ width: 14 }, { width: 18 }, { width: 30 }, { width: 10 }, { width: 36 }, { width: 8 }, { width: 8 }]; // the item list below reuses columns 3 and 5 for text
  if ((SNAPSHOT_MODULES as readonly string[]).includes(key)) sheet.addRow(['按当前台账计算']);
  bold(sheet.addRow(['层级', '单位', '达标数', '应考核数', '达标率', '权重', '得分']));
  for (const tier of tiers) {
    for (const u of r.tiers[tier]) {
      const m = u.modules[key];
      sheet.addRow([REPORT_TIER_LABELS[tier].zh, u.unitName, m.numerator, m.denominator, m.rate, m.weight, m.points]).getCell(5).numFmt = RATE;
    }
  }
  sheet.addRow([]);
  bold(sheet.addRow(['层级', '单位', '项目', '是否达标', '说明']));
  for (const tier of tiers) {
    for (const u of r.tiers[tier]) {
      for (const item of u.details[key] ?? []) sheet.addRow([REPORT_TIER_LABELS[tier].zh, u.unitName, item.label, item.ok ? '达标' : '未达标', item.detail ?? '']);
    }
  }
}
