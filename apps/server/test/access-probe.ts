import { randomUUID } from 'node:crypto';
import { sampleOf } from './schema-sample';
import type { RouteSpec } from './route-table';
import { AREA, multipartPng } from './access-world';
import type { Side, World } from './access-world';
import type { TestServer } from './harness';

/** What an answer says about authorisation; the matrix test compares these classes, not exact statuses. */
export type Outcome = 'unauthenticated' | 'forbidden' | 'not_found' | 'served' | 'server_error';

export function outcomeOf(status: number, code: unknown): Outcome {
  if (status >= 500) return 'server_error';
  // A wrong password at sign-in is an answer, not a refusal to authenticate the request.
  if (status === 401 && code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404 && code === 'NOT_FOUND') return 'not_found';
  return 'served';
}

/** The world a request is about: unit A's or B's ids ('any' means A's: centre roles see both alike). */
interface Context { world: World; side: 'A' | 'B'; unit: string; community: string }

/**
 * Requests generation cannot make meaningful, by `METHOD /path`: fields merged over the generated body or query, a
 * multipart upload instead of JSON, or a fresh session for the route that ends the one it uses. One line per route.
 */
export interface Override { body?: (c: Context) => Record<string, unknown>; query?: (c: Context) => Record<string, string>; multipart?: boolean; freshSession?: boolean }
const PASSWORD = 'Matrix-Passw0rd!2026';
export const OVERRIDES: Record<string, Override> = {
  'POST /api/auth/logout': { freshSession: true },
  'POST /api/auth/password': { freshSession: true },
  'POST /api/appeals/{id}/attachments': { multipart: true },
  'POST /api/portal/appeals': { multipart: true },
  'POST /api/appeals/{id}/transitions': { body: () => ({ action: 'note', reason: '权限矩阵' }) },
  'POST /api/admin/units': { body: (c) => ({ key: 'matrix-unit', parentId: c.world.unitId.centre, kind: 'department' }) },
  'POST /api/admin/areas': { body: (c) => ({ parentCode: AREA[c.side], code: `${AREA[c.side]}999`, name: '权限矩阵社区' }) },
  'POST /api/admin/reception-schedules': { body: () => ({ startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00+08:00' }) },
  'POST /api/admin/monthly-bulletins': { body: () => ({ month: '2026-10' }) },
  'POST /api/registry/reception-rules': { body: () => ({ startTime: '09:00', endTime: '11:00' }) },
  'POST /api/registry/shifts': { body: (c) => ({ startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T17:00:00+08:00', aUserId: c.world.userId('agent'), bUserId: c.world.userId('agent2') }) },
  'POST /api/joint-meetings': { body: (c) => ({ participantUnitIds: [c.unit, c.world.unitId.centre], appealIds: [c.world.appealId[c.side]] }) },
  'POST /api/grassroots/posts': { body: (c) => ({ kind: 'station', unitId: c.unit, areaCode: undefined }) },
  'POST /api/grassroots/officers': { body: (c) => ({ unitId: c.unit }) },
  'POST /api/grassroots/disputes': { body: (c) => ({ ownerUnitId: c.unit }) },
  'POST /api/grassroots/screening-rounds/{id}/returns': { body: (c) => ({ unitId: c.unit }) },
  'POST /api/reports': { body: () => ({ kind: 'monthly', period: '2026-10' }) },
};

/** Body, query and path fields generation fills by name with the world's real ids (a random uuid only meets "not found"). */
function knownValues(c: Context): (name: string) => unknown {
  return (name) => {
    if (/^(unitId|leadUnitId|ownerUnitId|organiserUnitId|assignedUnitId)$/.test(name)) return c.unit;
    if (name === 'areaCode') return AREA[c.side];
    if (name === 'code') return c.community;
    if (name === 'appealId') return c.world.appealId[c.side];
    if (name === 'number') return c.world.appealNumber[c.side];
    if (name === 'phone') return '13905371234';
    if (name === 'password') return PASSWORD;
    if (name === 'leaderUserId') return c.world.userId('leader');
    if (name === 'toUserId' || name === 'aUserId') return c.world.userId('agent');
    if (name === 'bUserId') return c.world.userId('agent2');
    if (name === 'itemId') return c.world.anyRow.proxy_items;
    if (name === 'categoryId') return c.world.anyRow.categories;
    if (name === 'month') return '2026-10';
    return undefined;
  };
}

export interface Probe { status: number; code: unknown; outcome: Outcome; url: string; fixture: boolean }

/**
 * Send one schema-valid request for `route` as `token` (null: anonymous) about `side`'s resources. `fixture` says
 * whether every `{param}` named a real row (else a generated value stood in and "not found" is all one can expect).
 */
export async function probe(s: TestServer, world: World, route: RouteSpec, token: string | null, side: Side): Promise<Probe> {
  const concrete = side === 'any' ? 'A' : side;
  const c: Context = { world, side: concrete, unit: world.unitId[concrete], community: world.community[concrete] };
  const known = knownValues(c);
  let url = route.path;
  let fixture = true;
  for (const name of route.params) {
    // A row of the test data, else a value the world knows by name (an area code), else a generated stand-in; a
    // generated enum value (a section, an indicator) is as real as any.
    const row = await world.param(route.path, name, side);
    const value = row === undefined ? (known(name) as string | undefined) ?? null : row;
    const schema = route.schemas.params[name] ?? {};
    if (value === null && !schema.enum && !(schema.anyOf as { const?: unknown }[] | undefined)?.every((b) => 'const' in b)) fixture = false;
    const generated = () => String(sampleOf(schema, known, name) ?? randomUUID());
    url = url.replace(`{${name}}`, encodeURIComponent(value ?? generated()));
  }
  const override = OVERRIDES[`${route.method} ${route.path}`] ?? {};
  const query = new URLSearchParams();
  for (const [name, q] of Object.entries(route.schemas.query)) if (q.required) query.set(name, String(sampleOf(q.schema, known, name)));
  for (const [name, value] of Object.entries(override.query?.(c) ?? {})) query.set(name, value);
  if (query.size) url += `?${query}`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: string | Buffer | undefined;
  if (override.multipart) {
    const upload = multipartPng();
    Object.assign(headers, upload.headers);
    payload = upload.payload;
  } else if (route.schemas.body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify({ ...(sampleOf(route.schemas.body, known) as object), ...override.body?.(c) });
  }
  const res = await s.app.inject({ method: route.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
  let code: unknown;
  try { code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code; } catch { code = undefined; }
  return { status: res.statusCode, code, outcome: outcomeOf(res.statusCode, code), url, fixture };
}
