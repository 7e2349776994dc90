import type { RevealAuditRow } from '@minsheng/db';

/** One reveal as administrators see it: which fields were shown, never their values. */
export function presentReveal(r: RevealAuditRow) {
  return {
    id: r.id, at: r.at.toISOString(),
    user: r.actorUserId ? { id: r.actorUserId, username: r.username, displayName: r.displayName } : null,
    appeal: { id: r.appealId, number: r.appealNumber },
    kind: r.action === 'attachment.read' ? 'attachment' as const : 'citizen' as const,
    fields: r.fields, attachmentId: r.attachmentId, reason: r.reason,
  };
}

const FIELD_ZH: Record<string, string> = { name: '姓名', phone: '电话', id_number: '身份证号', address: '地址', attachment: '附件' };
const cell = (v: string) => (/[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/** CSV (UTF-8 with BOM, so Excel opens the Chinese headers); cells that look like formulas are defused. */
export function revealsCsv(rows: RevealAuditRow[], fmt: (d: Date) => string): string {
  const lines = [['时间', '用户名', '姓名', '诉求编号', '查看内容', '事由'].join(',')];
  for (const r of rows) {
    lines.push([fmt(r.at), r.username ?? '', r.displayName ?? '', r.appealNumber ?? '', r.fields.map((f) => FIELD_ZH[f] ?? f).join('、'), r.reason ?? ''].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
