import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { issueHumanCheck } from '../src/modules/portal/human-check';
import { TEST_SECRET } from './harness';
import type { ApiResponse, TestServer } from './harness';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A small but complete PDF (one empty page), with a correct cross-reference table. */
export function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => { offsets.push(body.length); body += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export interface Upload { name: string; bytes: Buffer; type?: string }

/** A solved human check, as a citizen who read the picture would send it. */
export function solvedCheck(now: Date, minutes = 10) {
  const c = issueHumanCheck(TEST_SECRET, now, minutes);
  return { humanCheckToken: c.token, humanCheckAnswer: String(c.answer) };
}

let phoneSeq = 0;

/**
 * The 写信 form's fields, valid unless overridden (the human check is solved at the server's current time). Each
 * letter has its own phone, so the per-phone limit only bites where a test means it to.
 */
export function letter(s: TestServer, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    kind: 'complaint', areaCode: '370812003', title: '小区门口夜间施工噪音扰民',
    content: '我叫张三丰，电话13812345678，家住龙桥街道幸福小区3栋2单元501室。小区东门外道路施工每天夜里十一点后仍在作业，噪音很大，希望督促文明施工。',
    name: '张三丰', phone: `1390000${String(++phoneSeq).padStart(4, '0')}`, address: '龙桥街道幸福小区3栋2单元501室', confidential: 'false', consentPublish: 'true',
    ...solvedCheck(s.clock.now), ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/** POST /api/portal/appeals as multipart/form-data from the given client address. */
export async function submit(s: TestServer, fields: Record<string, string>, files: Upload[] = [], ip = '203.0.113.1'): Promise<ApiResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await fetch(`${s.baseUrl}/api/portal/appeals`, { method: 'POST', body: form, headers: { 'x-forwarded-for': ip } });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* keep text */ }
  return { status: res.status, body: body as never, headers: res.headers };
}

export function refused(res: ApiResponse, status: number, code: string, label = '') {
  assert.equal(res.status, status, `${label} ${JSON.stringify(res.body).slice(0, 300)}`);
  assert.equal(res.body?.error?.code, code, label);
}

export async function appealIdOf(s: TestServer, number: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(s.deps.database.db, sql`SELECT id FROM appeals WHERE number = ${number}`);
  assert.ok(row, `no appeal ${number}`);
  return row.id;
}

/** Row counts of everything a refused submission must leave untouched. */
export async function intakeCounts(s: TestServer) {
  const tables = ['appeals', 'citizens', 'attachments', 'appeal_events', 'human_check_uses'];
  const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql.raw(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`));
  return Object.fromEntries(tables.map((t) => [t, Number(row![t])]));
}

/** Staff take an appeal from intake to 待回访: accept, dispatch to 住建局, sign, reply, approve the reply. */
export async function walkToCallback(s: TestServer, tokens: Record<string, string>, appealId: string, replyText = '经查，施工单位已停止夜间作业，执法人员将持续夜间巡查。') {
  const steps: [string, Record<string, unknown>][] = [
    ['agent', { action: 'accept' }],
    ['dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') }],
    ['zhujian.handler', { action: 'sign' }],
    ['zhujian.handler', { action: 'reply', reply: { text: replyText, result: 'solved' } }],
    ['zhujian.leader', { action: 'approve_reply' }],
  ];
  for (const [user, body] of steps) {
    const res = await s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
}
