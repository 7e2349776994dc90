import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody } from './harness';
import type { TestServer } from './harness';

/** Unit A and its sibling B under the centre: unit roles sit in A, so B's resources are out of their scope. */
export const UNIT_A = 'street-370812001'; // 鼓楼街道
export const UNIT_B = 'street-370812102'; // 新驿镇
export const AREA = { A: '370812001', B: '370812102' } as const;
/** One demo user per role; the unit roles belong to unit A. */
export const USER_OF_ROLE = {
  agent: 'agent', dispatcher: 'dispatcher', handler: 'gulou.handler', unit_leader: 'gulou.leader', supervisor: 'supervisor',
  callback: 'callback', leader: 'leader', admin: 'admin',
} as const;

/** Whose resources a request is about: unit A's, unit B's, or any (centre roles and public routes see all alike). */
export type Side = 'A' | 'B' | 'any';
/** Which row stands for a route's `{param}`: a table, and the SQL naming the row's unit when the resource belongs to one. */
interface Resource { table: string; id?: string; unit?: string; where?: string }

const inAppealOf = (column: string) => `(SELECT lead_unit_id FROM appeals a WHERE a.jurisdiction_id = t.jurisdiction_id AND a.id = t.${column})`;

/**
 * Path parameter → resource, by route pattern (first match wins). Rows come from the demo data and from `buildWorld`.
 * A resource with `unit` is unit-scoped: side A picks a row of unit A's subtree, side B one of unit B's.
 */
const RESOURCES: [RegExp, Record<string, Resource>][] = [
  [/^\/api\/(appeals|registry\/first-inquiry)\/\{(id|appealId)\}/, { id: { table: 'appeals', unit: 'lead_unit_id' }, appealId: { table: 'appeals', unit: 'lead_unit_id' } }],
  [/^\/api\/board-posts\//, { appealId: { table: 'board_posts', id: 'appeal_id' } }],
  [/^\/api\/attachments\//, { id: { table: 'attachments', unit: inAppealOf('appeal_id') } }],
  [/^\/api\/admin\/areas\//, { code: { table: 'areas', id: 'code', where: "code = '370812003'" } }],
  [/^\/api\/admin\/units\//, { id: { table: 'units', where: "key = 'dept-huanjing'" } }],
  [/^\/api\/admin\/users\//, { id: { table: 'users', where: "username = 'huanjing.handler'" } }],
  [/^\/api\/admin\/categories\//, { id: { table: 'categories' } }],
  [/^\/api\/admin\/deadline-policies\//, { id: { table: 'deadline_policies' } }],
  [/^\/api\/admin\/routing-rules\//, { id: { table: 'routing_rules' } }],
  [/^\/api\/routing-rules\//, { id: { table: 'routing_rules', unit: 'lead_unit_id' } }],
  [/^\/api\/admin\/notifications\//, { id: { table: 'notifications' } }],
  [/^\/api\/admin\/upstream-platforms\//, { id: { table: 'upstream_platforms' } }],
  [/^\/api\/text\/warnings\//, { id: { table: 'text_warnings' } }],
  [/^\/api\/admin\/text\/(models|jobs)\//, { id: { table: 'text_models' } }],
  [/^\/api\/knowledge\//, { id: { table: 'knowledge_articles' } }],
  [/^\/api\/reply-templates\//, { id: { table: 'reply_templates' } }],
  [/^\/api\/admin\/open311-keys\//, { id: { table: 'open311_api_keys' } }],
  [/^\/api\/admin\/reception-schedules\//, { id: { table: 'reception_schedules' } }],
  [/^\/api\/registry\/shifts\//, { id: { table: 'duty_shifts' } }],
  [/^\/api\/registry\/swaps\//, { id: { table: 'duty_swaps' } }],
  [/^\/api\/registry\/reception-rules\//, { id: { table: 'reception_rules' } }],
  [/^\/api\/registry\/sessions\//, { id: { table: 'reception_sessions', unit: 'unit_id', where: 'cancelled_at IS NULL' } }],
  [/^\/api\/registry\/cases\//, { id: { table: 'case_ownerships' } }],
  [/^\/api\/registry\/diaries\//, { id: { table: 'diary_entries', unit: 'unit_id' } }],
  [/^\/api\/grassroots\/posts\//, { id: { table: 'work_posts', unit: 'unit_id' } }],
  [/^\/api\/grassroots\/officers\//, { id: { table: 'information_officers', unit: 'unit_id' } }],
  [/^\/api\/grassroots\/reports\//, { id: { table: 'warning_reports', unit: 'unit_id' } }],
  [/^\/api\/grassroots\/disputes\//, { id: { table: 'disputes', unit: 'owner_unit_id' } }],
  [/^\/api\/grassroots\/warnings\//, { id: { table: 'dispute_warnings' } }],
  [/^\/api\/grassroots\/screening-rounds\//, { id: { table: 'screening_rounds' } }],
  [/^\/api\/hearings\//, { id: { table: 'hearings', unit: 'organiser_unit_id' } }],
  [/^\/api\/portal\/hearings\//, { id: { table: 'hearings', where: 'published_at IS NOT NULL' } }],
  [/^\/api\/proxy\/items\//, { id: { table: 'proxy_items' } }],
  [/^\/api\/proxy\/requests\//, { id: { table: 'proxy_requests', unit: 'unit_id' } }],
  [/^\/api\/reports\//, { id: { table: 'generated_reports' } }],
];

export interface World {
  unitId: Record<'A' | 'B' | 'centre', string>;
  appealId: Record<'A' | 'B', string>;
  appealNumber: Record<'A' | 'B', string>;
  /** A community (社区) area code below unit A's and unit B's street. */
  community: Record<'A' | 'B', string>;
  userId: (username: string) => string;
  /** Any row of a table (a proxy item, a category…) for body fields generation fills by name. */
  anyRow: Record<string, string>;
  /** The row standing for `{param}` of a route on a side; null when the test data has none, undefined for no such resource. */
  param: (path: string, param: string, side: Side) => Promise<string | null | undefined>;
  /** Does one of the route's `{params}` name a resource that belongs to a unit (so side B is out of a unit role's scope)? */
  scoped: (path: string) => boolean;
}

/** Appeals dispatched to A and to B (with an attachment each), then the lookup of every other resource in the demo data. */
export async function buildWorld(s: TestServer, tokens: { agent: string; dispatcher: string; admin: string }): Promise<World> {
  const { agent, dispatcher } = tokens;
  const unitId = { A: s.unit(UNIT_A), B: s.unit(UNIT_B), centre: s.unit('centre') };
  const appealId = {} as World['appealId'];
  const appealNumber = {} as World['appealNumber'];
  for (const side of ['A', 'B'] as const) {
    const created = await s.api('POST', '/api/appeals', { token: agent, body: intakeBody({ title: `权限矩阵诉求${side}`, areaCode: AREA[side] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    appealId[side] = created.body.id;
    appealNumber[side] = created.body.number;
    for (const [token, body] of [[agent, { action: 'accept' }], [dispatcher, { action: 'dispatch', leadUnitId: unitId[side] }]] as const) {
      const res = await s.api('POST', `/api/appeals/${created.body.id}/transitions`, { token, body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const upload = multipartPng();
    const res = await s.app.inject({ method: 'POST', url: `/api/appeals/${created.body.id}/attachments`, headers: { authorization: `Bearer ${agent}`, ...upload.headers }, payload: upload.payload });
    assert.equal(res.statusCode, 201, res.body);
  }
  // The compact test area tree has communities only below unit A's street: B gets one too (community files need one).
  const village = await s.api('POST', '/api/admin/areas', { token: tokens.admin, body: { parentCode: AREA.B, code: `${AREA.B}201`, name: '权限矩阵村' } });
  assert.equal(village.status, 201, JSON.stringify(village.body));
  await seedSideResources(s, tokens.admin, unitId);
  const db = s.deps.database.db;
  const first = async (query: string) => (await queryRows<{ id: string }>(db, sql.raw(query)))[0]?.id ?? null;
  const community = {
    A: (await first(`SELECT code AS id FROM areas WHERE jurisdiction_id = '370812' AND code LIKE '${AREA.A}%' AND length(code) = 12 ORDER BY 1`))!,
    B: (await first(`SELECT code AS id FROM areas WHERE jurisdiction_id = '370812' AND code LIKE '${AREA.B}%' AND length(code) = 12 ORDER BY 1`))!,
  };
  const users = new Map((await queryRows<{ id: string; username: string }>(db, sql`SELECT id, username FROM users WHERE jurisdiction_id = '370812'`)).map((u) => [u.username, u.id]));
  const anyRow: Record<string, string> = {};
  for (const table of ['proxy_items', 'categories']) anyRow[table] = (await first(`SELECT id FROM ${table} WHERE jurisdiction_id = '370812' ORDER BY 1`))!;
  const cache = new Map<string, string | null>();
  const lookup = (path: string, param: string) => RESOURCES.find(([re, r]) => re.test(path) && r[param])?.[1][param];
  return {
    unitId, appealId, appealNumber, community, anyRow,
    userId: (username) => { const id = users.get(username); if (!id) throw new Error(`no user ${username}`); return id; },
    scoped: (path) => [...path.matchAll(/\{(\w+)\}/g)].some((m) => Boolean(lookup(path, m[1]!)?.unit)),
    async param(path, param, side) {
      const r = lookup(path, param);
      if (!r) return undefined;
      const filters = [`t.jurisdiction_id = '370812'`];
      if (r.unit && side !== 'any') filters.push(`${r.unit} IN (SELECT id FROM units WHERE '${unitId[side]}' = ANY(path))`);
      if (r.where) filters.push(r.where);
      const query = `SELECT t.${r.id ?? 'id'} AS id FROM ${r.table} t WHERE ${filters.join(' AND ')} ORDER BY 1 LIMIT 1`;
      if (!cache.has(query)) cache.set(query, await first(query));
      return cache.get(query)!;
    },
  };
}

/**
 * The demo data has some resources only at unit A (or only at the centre): each side gets its own, so the
 * out-of-scope case meets a real row of B rather than a random id that anyone would "not find".
 */
async function seedSideResources(s: TestServer, admin: string, unitId: Record<'A' | 'B', string>) {
  const post = async (path: string, body: unknown, token = admin) => {
    const res = await s.api('POST', path, { token, body });
    assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const leaderB = await s.login('xinyi.leader');
  const leaderA = await s.login('gulou.leader');
  const me = async (token: string) => ((await s.api('GET', '/api/auth/me', { token })).body as { user: { id: string } }).user.id;
  for (const [side, leader] of [['A', leaderA], ['B', leaderB]] as const) {
    const unit = unitId[side];
    await post('/api/hearings', { title: `权限矩阵听证${side}`, topic: '听证事项', organiserUnitId: unit, place: '会议室', scheduledAt: '2026-12-20T09:00:00+08:00' });
    await post('/api/admin/routing-rules', { leadUnitId: unit, areaCode: AREA[side] });
    await post('/api/registry/sessions', { kind: 'leader_reception', leaderUserId: await me(leader), heldAt: '2026-11-20T09:00:00+08:00', unitId: unit });
    if (side === 'B') {
      const officer = await post('/api/grassroots/officers', { level: 'street', unitId: unit, name: '权限矩阵信息员' });
      await post(`/api/grassroots/officers/${officer.id}/reports`, { content: '村里两户因宅基地边界争执', riskLevel: 'low' });
      await post('/api/registry/diaries', { visitDate: '2026-11-20', place: '新驿镇', needsHeard: '群众反映村道破损' }, leader);
    }
  }
}

/** A one-pixel PNG as a multipart upload (the attachment routes read files, not JSON). */
export function multipartPng(field = 'file') {
  const boundary = '----minshengaccess';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
    png, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
}
