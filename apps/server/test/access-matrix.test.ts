import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROLES } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import { ACCESS_MATRIX, accessOf } from '../src/http/access-matrix';
import type { RouteAccess } from '../src/http/access-matrix';
import { renderAccessMatrix } from '../src/http/access-matrix-doc';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { routeTable } from './route-table';
import type { RouteSpec } from './route-table';
import { buildWorld, USER_OF_ROLE } from './access-world';
import type { Side, World } from './access-world';
import { OVERRIDES, probe } from './access-probe';
import type { Outcome, Probe } from './access-probe';

/**
 * Issue 9 §6: the authorisation matrix (src/http/access-matrix.ts) against the live route table. Every route × every
 * role (+ anonymous) × {a resource of unit A, one of its sibling B} gets a schema-valid request, and the answer's class
 * must be the one the matrix promises. Unit roles sit in A, so B is out of their scope; centre roles reach both.
 */
type Identity = Role | 'anonymous';
const UNIT_ROLES: readonly Role[] = ['handler', 'unit_leader'];
/** Routes whose first allowed call uses the resource up (a delete, a deactivation): later roles meet "not found". */
const CONSUMES = new Set(['DELETE /api/grassroots/officers/{id}', 'DELETE /api/knowledge/{id}', 'DELETE /api/reply-templates/{id}',
  'DELETE /api/admin/open311-keys/{id}', 'DELETE /api/admin/routing-rules/{id}', 'DELETE /api/assessment/exclusions']);

/** Routes that end or change the caller's own session: they run last, each with a fresh session. */
const SESSION_ROUTES = new Set(['/api/auth/logout', '/api/auth/password']);
/** Reads first, writes next, deletions after them, the caller's own session last: no case runs on what an earlier one removed. */
const rank = (r: RouteSpec) => (SESSION_ROUTES.has(r.path) ? 3 : r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1);

/** Why an outcome breaks the matrix, or null when it is the one promised. */
function violation(entry: RouteAccess, route: RouteSpec, who: Identity, side: Side, p: Probe): string | null {
  if (p.outcome === 'server_error') return 'a 5xx';
  if (entry.access === 'public') return p.outcome === 'unauthenticated' || p.outcome === 'forbidden' ? 'a public route refused' : null;
  if (entry.access === 'platform') return p.outcome === 'unauthenticated' ? null : 'a platform route answered without a platform key';
  if (who === 'anonymous') return p.outcome === 'unauthenticated' ? null : 'a staff route answered without a session';
  const refused: Outcome[] = ['forbidden', 'not_found'];
  if (!entry.roles.includes(who)) return refused.includes(p.outcome) ? null : 'a role not in the matrix was served';
  if (side === 'B') return refused.includes(p.outcome) ? null : 'a unit role reached another unit\'s resource';
  if (p.outcome === 'unauthenticated' || (p.outcome === 'forbidden' && !entry.personal)) return 'an allowed role was refused';
  // "Not found" for an allowed role is only right where no real row stood in or a resource was used up by an earlier case.
  if (p.outcome === 'not_found' && p.fixture && !entry.personal && !CONSUMES.has(`${route.method} ${route.path}`)) return 'an allowed role did not find an existing resource';
  return null;
}

describe('authorisation matrix: every route × role × unit scope', () => {
  let s: TestServer;
  let world: World;
  let routes: RouteSpec[] = [];
  const tokens = {} as Record<Role, string>;

  before(async () => {
    s = await startTestServer();
    for (const role of ROLES) tokens[role] = await s.login(USER_OF_ROLE[role]);
    world = await buildWorld(s, tokens);
    routes = routeTable(s.app.swagger() as never).sort((a, b) => rank(a) - rank(b));
  });
  after(() => s.close());

  it('has an entry for every route, and every entry names a route that exists', () => {
    const missing = routes.filter((r) => !accessOf(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(missing, [], `routes without an entry in apps/server/src/http/access-matrix.ts (add one line each):\n${missing.join('\n')}`);
    const live = new Set(routes.flatMap((r) => [`${r.method} ${r.path}`, `* ${r.path}`]));
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !live.has(key));
    assert.deepEqual(stale, [], `matrix entries for routes that no longer exist:\n${stale.join('\n')}`);
    for (const key of Object.keys(OVERRIDES)) assert.ok(live.has(key), `request override for a route that no longer exists: ${key}`);
  });

  it('answers every route × role × scope as the matrix says', async () => {
    const failures: string[] = [];
    const tally: Record<string, number> = {};
    let cases = 0;
    const withoutFixture = new Set<string>();
    const started = Date.now();
    for (const route of routes) {
      const entry = accessOf(route.method, route.path);
      if (!entry) continue; // reported by the test above
      const key = `${route.method} ${route.path}`;
      const run = async (who: Identity, side: Side) => {
        const token = who === 'anonymous' ? null : OVERRIDES[key]?.freshSession ? await s.login(USER_OF_ROLE[who]) : tokens[who];
        const p = await probe(s, world, route, token, side);
        cases += 1;
        if (!p.fixture) withoutFixture.add(`${key}${side === 'any' ? '' : ` (${side})`}`);
        tally[p.outcome] = (tally[p.outcome] ?? 0) + 1;
        const why = violation(entry, route, who, side, p);
        if (why) failures.push(`${key} as ${who}${side === 'any' ? '' : ` (unit ${side}'s)`}: ${why} — ${p.status} ${String(p.code ?? '')} for ${p.url}`);
      };
      const calls = (['anonymous', ...ROLES] as Identity[]).flatMap((who) => {
        const unitScoped = entry.access === 'staff' && entry.scope === 'unit' && who !== 'anonymous' && UNIT_ROLES.includes(who);
        return ((unitScoped ? ['A', 'B'] : ['any']) as Side[]).map((side) => [who, side] as const);
      });
      // Reads cannot disturb each other: they go together. Writes go one by one, in role order, so a case that
      // changes state (an announced hearing) comes before the next role's case, never during it.
      if (route.method === 'GET') await Promise.all(calls.map(([who, side]) => run(who, side)));
      else for (const [who, side] of calls) await run(who, side);
    }
    console.log(`access matrix: ${routes.length} routes × ${ROLES.length + 1} identities = ${cases} cases in ${Date.now() - started} ms; `
      + `outcomes ${JSON.stringify(tally)}; a generated id (no such row in the test data) for ${withoutFixture.size} routes: ${[...withoutFixture].join(', ')}`);
    assert.deepEqual(failures, [], `${failures.length} answers disagree with the matrix:\n${failures.join('\n')}`);
  });

  it('docs/access-matrix.md is the rendering of the matrix (npm run docs:access)', () => {
    const committed = readFileSync(new URL('../../../docs/access-matrix.md', import.meta.url), 'utf8');
    assert.equal(committed, renderAccessMatrix(), 'docs/access-matrix.md is out of date: run npm run docs:access');
  });
});
