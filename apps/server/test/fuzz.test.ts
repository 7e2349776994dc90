import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { ERROR_CODES } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { routeTable } from './route-table';
import type { RouteSpec } from './route-table';

/**
 * Issue 9 §5: random and malicious input to every route of the built app (its OpenAPI table), each with a staff
 * session: never a 500, every refusal carries a code from the closed list, and a refusal writes nothing.
 * Complements bad-input.test.ts, which goes deep on intake and transitions.
 */

/**
 * Bookkeeping a refused request may legitimately write: throttling counters (a wrong current password counts towards
 * the login lockout), used human checks, sign-ins, the access audit.
 */
const BOOKKEEPING = new Set(['rate_limits', 'login_attempts', 'human_check_uses', 'sessions', 'audit_log']);
/** Routes that would end the session the fuzzer is using. */
const SKIP = new Set(['POST /api/auth/logout']);
const RUNS = Number(process.env.MINSHENG_FC_RUNS ?? 300);

const MALICIOUS = [
  "' OR '1'='1", "1; DROP TABLE appeals; --", "'); DELETE FROM appeal_events; --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '{{7*7}}${7*7}', '${jndi:ldap://127.0.0.1/a}',
  '\r\nSet-Cookie: owned=1', '\u202e\u0000', '\ud800', '𠜎𠜱𠝹', '-1', '1e309', 'NaN', 'null', '[]', '{}', ' ', '',
];
const huge = (n: number) => '长'.repeat(n);

/** The route table as the app documents it, minus the routes the fuzzer must not call. */
function fuzzedRoutes(spec: Parameters<typeof routeTable>[0]): RouteSpec[] {
  return routeTable(spec).filter((r) => !SKIP.has(`${r.method} ${r.path}`));
}

describe('fuzzing every route', () => {
  let s: TestServer;
  let routes: RouteSpec[] = [];
  let tables: string[] = [];
  const tokens: string[] = [];
  const statuses: Record<number, number> = {};
  const knownIds: string[] = [];

  before(async () => {
    s = await startTestServer();
    for (const u of ['admin', 'agent', 'dispatcher', 'supervisor', 'zhujian.handler']) tokens.push(await s.login(u));
    const created = await s.api('POST', '/api/appeals', { token: tokens[1], body: intakeBody({ title: '模糊测试的对象' }) });
    assert.equal(created.status, 201);
    knownIds.push(created.body.id, created.body.number, s.unit('dept-zhujian'), s.unit('centre'));
    routes = fuzzedRoutes(s.app.swagger() as never);
    tables = (await queryRows<{ name: string }>(s.deps.database.db, sql`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`))
      .map((t) => t.name).filter((t) => !BOOKKEEPING.has(t)).sort();
  });
  after(() => s.close());
  after(() => { console.log(`fuzz: ${routes.length} routes; answers by status ${JSON.stringify(statuses)}`); });

  async function counts(): Promise<Record<string, number>> {
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql.raw(`SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')}`));
    return Object.fromEntries(tables.map((t) => [t, Number(row![t])]));
  }

  const text = fc.oneof(fc.constantFrom(...MALICIOUS), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(huge(5_000), huge(60_000)));
  const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), text, { maxKeys: 3 }));
  /** Stands for a real id (appeal, number, unit), filled in at send time: the ids exist only once `before` ran. */
  const known = fc.integer({ min: 0, max: 3 }).map((i) => `__known_${i}__`);
  const fieldValue = fc.oneof(text, wrongType, known);

  type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; bytes: Buffer; type: string };
  function bodyFor(route: RouteSpec): fc.Arbitrary<Body> {
    const fields = route.body.length ? route.body : ['id', 'name', 'title'];
    const shaped = fc.uniqueArray(fc.constantFrom(...fields), { maxLength: fields.length }).chain((keys) =>
      fc.tuple(...keys.map(() => fieldValue)).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))));
    const deep = fc.integer({ min: 50, max: 20_000 }).map((n) => ({ kind: 'raw' as const, bytes: Buffer.from(`${'{"a":['.repeat(n)}1${']}'.repeat(n)}`), type: 'application/json' }));
    const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ kind: 'raw' as const, bytes: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, ...b]), Buffer.from('"}')]), type: 'application/json' }));
    const traversal = fc.constantFrom('../../../../etc/passwd', '..\\..\\boot.ini', '/etc/shadow', 'a/../../b.png', '%2e%2e%2fx.pdf', 'x.png\u0000.exe', '<svg onload=alert(1)>.svg', '').map((name) => {
      const boundary = '----minshengfuzz';
      const bytes = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--${boundary}--\r\n`, 'latin1');
      return { kind: 'raw' as const, bytes, type: `multipart/form-data; boundary=${boundary}` };
    });
    const other = fc.constantFrom(
      { kind: 'raw' as const, bytes: Buffer.from(huge(700_000)), type: 'application/json' },
      { kind: 'raw' as const, bytes: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), type: 'application/xml' },
      { kind: 'raw' as const, bytes: Buffer.from('{"a":1,'), type: 'application/json' },
      { kind: 'raw' as const, bytes: Buffer.from('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'), type: 'application/json' },
    );
    return fc.oneof(
      { arbitrary: shaped.map((value) => ({ kind: 'json' as const, value })), weight: 5 },
      { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value })), weight: 1 },
      { arbitrary: deep, weight: 1 },
      { arbitrary: invalidUtf8, weight: 1 },
      { arbitrary: traversal, weight: route.multipart ? 3 : 1 },
      { arbitrary: other, weight: 1 },
    );
  }

  const resolve = (v: unknown): unknown => {
    const m = typeof v === 'string' ? /^__known_(\d)__$/.exec(v) : null;
    return m ? knownIds[Number(m[1])] : v;
  };
  const pathValue = fc.oneof(fc.constantFrom(...MALICIOUS.filter((m) => m.length < 200)), fc.uuid(), known, fc.string({ maxLength: 20 }));

  /** Percent-encode, sending a lone surrogate as the invalid UTF-8 bytes it would be (encodeURIComponent refuses it). */
  const enc = (v: string) => (v.isWellFormed() ? encodeURIComponent(v) : encodeURIComponent(v.toWellFormed()).replace(/%EF%BF%BD/g, '%ED%A0%80'));

  /** Send one request; refusals must carry a listed code and (for writes) leave every row count unchanged. */
  async function probe(route: RouteSpec, token: string, params: string[], query: [string, unknown][], body: Body | null) {
    let path = route.path;
    route.params.forEach((name, i) => { path = path.replace(`{${name}}`, enc(String(resolve(params[i])))); });
    const qs = query.map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? String(resolve(v)) : JSON.stringify(resolve(v)) ?? '')}`).join('&');
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let payload: Buffer | string | undefined;
    if (body && route.method !== 'GET') {
      if (body.kind === 'json') { payload = JSON.stringify(body.value, (_k, v: unknown) => resolve(v)) ?? 'null'; headers['content-type'] = 'application/json'; }
      else { payload = body.bytes; headers['content-type'] = body.type; }
    }
    const write = route.method !== 'GET';
    const before = write ? await counts() : null;
    const res = await s.app.inject({ method: route.method as 'GET', url: qs ? `${path}?${qs}` : path, headers, ...(payload !== undefined ? { payload } : {}) });
    const label = `${route.method} ${path.slice(0, 120)}${qs ? `?${qs.slice(0, 120)}` : ''} [${headers['content-type'] ?? ''}] ${String(payload ?? '').slice(0, 160)}`;
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 300)} for ${label}`);
    if (res.statusCode >= 400) {
      let code: unknown;
      try { code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code; } catch { code = undefined; }
      // A URL refused before routing (invalid percent-encoding) gets the closed code list on every path.
      if (route.path.startsWith('/open311/') && !ERROR_CODES.includes(code as never)) {
        // GeoReport v2 prescribes its own error shape (a list of {code, description}, in JSON or XML): that is its stable code.
        code = /<errors><error><code>(\d{3})<\/code><description>[^<]+<\/description>/.exec(res.body)?.[1] ?? (() => { try { return (JSON.parse(res.body) as { code?: number; description?: string }[])[0]?.description ? String((JSON.parse(res.body) as { code: number }[])[0]!.code) : undefined; } catch { return undefined; } })();
        assert.equal(code, String(res.statusCode), `Open311 refusal without its error list (${res.statusCode} ${res.body.slice(0, 200)}) for ${label}`);
      } else {
        assert.ok(ERROR_CODES.includes(code as never), `refusal without a listed code (${res.statusCode} ${res.body.slice(0, 200)}) for ${label}`);
      }
      if (before) assert.deepEqual(await counts(), before, `a ${res.statusCode} ${String(code)} wrote rows: ${label}`);
    }
  }

  it('every route × every kind of bad body once, with each role', async () => {
    assert.ok(routes.length > 50, `the route table has ${routes.length} routes`);
    for (const [i, route] of routes.entries()) {
      const token = tokens[i % tokens.length]!;
      const params = route.params.map((_, j) => MALICIOUS[(i + j) % MALICIOUS.length]!);
      await probe(route, token, params, route.query.map((q, j) => [q, MALICIOUS[(i + j + 3) % MALICIOUS.length]]), { kind: 'json', value: Object.fromEntries(route.body.map((b, j) => [b, MALICIOUS[(i + j) % MALICIOUS.length]])) });
      if (route.method === 'GET') continue;
      await probe(route, token, params, [], { kind: 'raw', bytes: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), type: 'application/json' });
      await probe(route, token, params, [], { kind: 'raw', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), type: 'application/json' });
      await probe(route, token, params, [], { kind: 'json', value: route.body.length ? Object.fromEntries(route.body.map((b) => [b, 12345])) : 'not an object' });
    }
  });

  it('property: random payloads to random routes never 500, always a listed code, never a partial write', async () => {
    const request = fc.constantFrom(...routes).chain((route) => fc.record({
      route: fc.constant(route),
      token: fc.constantFrom(...tokens),
      params: fc.tuple(...route.params.map(() => pathValue)),
      query: fc.array(fc.tuple(fc.constantFrom(...route.query, 'x', 'limit', 'cursor'), fc.oneof(text, wrongType)), { maxLength: 3 }),
      body: bodyFor(route),
    }));
    await fc.assert(fc.asyncProperty(request, async (r) => {
      await probe(r.route, r.token, r.params as string[], r.query as [string, unknown][], r.body);
    }), { numRuns: RUNS, endOnFailure: true });
  });
});
