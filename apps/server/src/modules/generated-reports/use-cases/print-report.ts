import type { GeneratedReportRow } from '@minsheng/db';
import { formatCell } from '../format-cell';
import type { ReportBody, ReportSection } from '../report-body';

/** Every text that reaches the page goes through this: titles and names come from staff and citizens. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// System CJK fonts only (Noto Sans CJK SC from Debian's fonts-noto-cjk in CI): nothing is fetched by the page.
const CSS = `
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
         color: #1f1f1f; margin: 24px auto; max-width: 1080px; padding: 0 16px; font-size: 13px; line-height: 1.6; }
  h1 { font-size: 22px; text-align: center; margin: 0 0 4px; }
  .meta { text-align: center; color: #595959; margin-bottom: 18px; }
  .hint { background: #f0f5ff; border: 1px solid #adc6ff; padding: 6px 10px; margin-bottom: 16px; border-radius: 4px; }
  h2 { font-size: 16px; border-left: 4px solid #c41d7f; padding-left: 8px; margin: 22px 0 6px; break-after: avoid; }
  p.note { color: #595959; margin: 0 0 6px; font-size: 12px; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
  th, td { border: 1px solid #bfbfbf; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #fafafa; font-weight: 600; white-space: nowrap; }
  td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr { break-inside: avoid; }
  .empty { color: #8c8c8c; }
  footer { margin-top: 24px; color: #8c8c8c; font-size: 11px; text-align: center; }
  @media print { body { margin: 0; max-width: none; padding: 0; font-size: 11px; } .hint { display: none; } thead { display: table-header-group; } }
`;

function sectionHtml(s: ReportSection, n: number): string {
  const head = s.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const rows = s.rows.length
    ? s.rows.map((r) => `<tr>${s.columns.map((c) => `<td${c.format === 'text' ? '' : ' class="num"'}>${escapeHtml(formatCell(r[c.key] ?? null, c.format))}</td>`).join('')}</tr>`).join('\n')
    : `<tr><td class="empty" colspan="${s.columns.length}">本期无数据</td></tr>`;
  return `<section id="${escapeHtml(s.key)}"><h2>${'一二三四五六七八九十'[n] ?? n + 1}、${escapeHtml(s.title)}</h2>
${s.note ? `<p class="note">${escapeHtml(s.note)}</p>` : ''}<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

/** The report as a printable zh-CN page (server-rendered, no script): the browser prints it or saves it as PDF. */
export function printReport(row: GeneratedReportRow): string {
  const b = row.body as ReportBody;
  // The period's local midnight against its instant gives the jurisdiction's offset, so times print in local time.
  const offsetMs = Date.parse(`${b.period.firstDay}T00:00:00Z`) - Date.parse(b.period.from);
  const generated = new Date(Date.parse(b.generatedAt) + offsetMs).toISOString().slice(0, 16).replace('T', ' ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(b.title)}</title><style>${CSS}</style></head>
<body>
<div class="hint">打印或保存为 PDF：使用浏览器的“打印”（Ctrl+P / ⌘P），目标选择“另存为 PDF”。此提示不会打印。</div>
<h1>${escapeHtml(b.title)}</h1>
<div class="meta">${escapeHtml(b.jurisdiction.name)} · 统计期间 ${escapeHtml(b.period.firstDay)} 至 ${escapeHtml(b.period.lastDay)} · 生成于 ${escapeHtml(generated)}${b.complete ? '' : ' · 期间未结束，数字截至生成时'}</div>
${b.sections.map(sectionHtml).join('\n')}
<footer>民声 minsheng · 本报告生成后不再变化（编号 ${escapeHtml(row.id)}）；不含诉求人个人信息。</footer>
</body></html>`;
}
