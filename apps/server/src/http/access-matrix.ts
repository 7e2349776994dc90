import { ROLES } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';

/**
 * Who may call each route (issue 9 §6), as data: reviewed here, rendered to docs/access-matrix.md
 * (`npm run docs:access`) and checked against the running app by apps/server/test/access-matrix.test.ts, which fails
 * for a route without an entry. Written from DOMAIN.md §8 and the module policies, not read off the code's answers.
 *
 * - `public`: anyone, no session (the portal, Open311 with its own keys, health, sign-in).
 * - `platform`: an upstream platform's key (the exchange API), never a staff session.
 * - `staff`: a session whose user holds one of `roles`; `scope` says how far a unit role reaches:
 *   `unit` — the route acts on one resource (in the path or the body) that belongs to a unit: a unit role (handler,
 *   unit leader) acts only inside its unit's subtree, elsewhere it meets 403 or the "not found" that hides existence;
 *   `list` — the answer is filtered to the caller's units (checked by scoping.test.ts and the module tests);
 *   `none` — not tied to a unit.
 *   `personal` — further limited to the resource's own person (the author of a diary entry, the holder of a roster
 *   slot): allowed roles may still meet 403/404 on someone else's.
 */
export type Scope = 'unit' | 'list' | 'none';
export type RouteAccess =
  | { access: 'public'; note?: string }
  | { access: 'platform'; note?: string }
  | { access: 'staff'; roles: readonly Role[]; scope: Scope; personal?: boolean; note?: string };

const ALL = ROLES;
const ADMIN: readonly Role[] = ['admin'];
/** 话务员, 派单员: intake at the centre. */
const INTAKE: readonly Role[] = ['agent', 'dispatcher'];
/** Everyone the transition table lets act on an appeal (领导 reads, 管理员 administers: neither acts). */
const CASEWORK: readonly Role[] = ['agent', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'callback'];
/** The centre's oversight: 督办员, 领导, 管理员. */
const OVERSIGHT: readonly Role[] = ['supervisor', 'leader', 'admin'];
/** The centre's oversight plus the units' leaders and handlers (grassroots network, files, disputes). */
const GRASSROOTS: readonly Role[] = ['supervisor', 'leader', 'admin', 'handler', 'unit_leader'];
const GRASSROOTS_EDIT: readonly Role[] = ['supervisor', 'admin', 'handler', 'unit_leader'];
const NETWORK_EDIT: readonly Role[] = ['supervisor', 'admin', 'unit_leader'];
const INDICATOR_READERS: readonly Role[] = ['dispatcher', 'supervisor', 'leader', 'admin', 'unit_leader'];
/** 接访安排: the centre's dispatcher, supervisor, leader and admin. */
const RECEPTION: readonly Role[] = ['dispatcher', 'supervisor', 'leader', 'admin'];
/** Everyone staffing or overseeing the hotline reads the duty roster. */
const ROSTER_VIEW: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'callback', 'leader', 'admin'];
const ROSTER_EDIT: readonly Role[] = ['supervisor', 'admin'];
/** 代办员: intake at the centre and the units' staff; supervisors and admins oversee. */
const PROXY: readonly Role[] = ['agent', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'admin'];
const HEARING_ORGANISERS: readonly Role[] = ['supervisor', 'leader', 'admin', 'unit_leader'];
const LEADERS: readonly Role[] = ['leader', 'unit_leader'];

const pub = (note?: string): RouteAccess => ({ access: 'public', ...(note ? { note } : {}) });
const staff = (roles: readonly Role[], scope: Scope = 'none', extra: { personal?: boolean; note?: string } = {}): RouteAccess => ({ access: 'staff', roles, scope, ...extra });

/** Every route of the API as `METHOD /path` (OpenAPI path syntax): one line each. */
export const ACCESS_MATRIX: Readonly<Record<string, RouteAccess>> = {
  // system and sign-in
  'GET /api/health': pub(),
  'GET /api/health/live': pub(),
  'GET /api/health/ready': pub(),
  'GET /api/meta': pub('sign-in page: jurisdiction, version; demo accounts only on a demo server'),
  'POST /api/auth/login': pub(),
  'POST /api/auth/logout': pub('ends the caller\'s session, if any'),
  'GET /api/auth/me': staff(ALL),
  'POST /api/auth/password': staff(ALL, 'none', { note: 'one\'s own password' }),
  // appeals
  'POST /api/appeals': staff(INTAKE),
  'GET /api/appeals': staff(ALL, 'list'),
  'GET /api/appeals/{id}': staff(ALL, 'unit'),
  'GET /api/appeals/{id}/events': staff(ALL, 'unit'),
  'POST /api/appeals/{id}/transitions': staff(CASEWORK, 'unit', { note: 'which actions, in which state: the transition table' }),
  'POST /api/appeals/{id}/citizen/reveal': staff(CASEWORK, 'unit', { note: 'confidential appeals: intake and the assigned handler only (DOMAIN.md §8)' }),
  'GET /api/citizens/history': staff(INTAKE, 'none', { note: '来电历史 is an intake tool' }),
  'GET /api/appeals/{id}/attachments': staff(ALL, 'unit'),
  'POST /api/appeals/{id}/attachments': staff(ALL, 'unit', { note: 'whoever may read the appeal' }),
  'GET /api/attachments/{id}': staff(ALL, 'unit'),
  'GET /api/appeals/{id}/routing-proposal': staff(ALL, 'unit'),
  'GET /api/routing-proposals': staff(ALL, 'list', { note: 'the single route\'s rule per appeal: ids the caller may not read are left out' }),
  'GET /api/appeals/{id}/supervision': staff(ALL, 'unit'),
  'GET /api/appeals/{id}/duplicates': staff(ALL, 'unit'),
  'GET /api/registry/first-inquiry/{appealId}': staff(ALL, 'unit'),
  'GET /api/supervision/board': staff(ALL, 'list'),
  'POST /api/joint-meetings': staff(['supervisor', 'dispatcher'], 'unit', { note: 'on appeals the convener can read' }),
  // reference data every console screen reads
  'GET /api/units': staff(ALL),
  'GET /api/categories': staff(ALL),
  'GET /api/areas': staff(ALL),
  'GET /api/calendar': staff(ALL),
  'GET /api/staff/names': staff(ALL),
  'GET /api/admin/settings': staff(ALL, 'none', { note: 'read by every screen that shows deadline lights' }),
  'GET /api/admin/deadline-policies': staff(ALL),
  'GET /api/knowledge': staff(ALL),
  'GET /api/reply-templates': staff(ALL),
  // administration
  'GET /api/admin/users': staff(ADMIN),
  'POST /api/admin/users': staff(ADMIN),
  'PATCH /api/admin/users/{id}': staff(ADMIN),
  'POST /api/admin/users/{id}/password': staff(ADMIN),
  'POST /api/admin/users/{id}/unlock': staff(ADMIN),
  'DELETE /api/admin/users/{id}/sessions': staff(ADMIN),
  'GET /api/admin/audit/reveals': staff(ADMIN),
  'GET /api/admin/audit/reveals.csv': staff(ADMIN),
  'POST /api/admin/units': staff(ADMIN),
  'PATCH /api/admin/units/{id}': staff(ADMIN),
  'POST /api/admin/categories': staff(ADMIN),
  'PATCH /api/admin/categories/{id}': staff(ADMIN),
  'GET /api/admin/categories/{id}/attributes': staff(ADMIN),
  'PUT /api/admin/categories/{id}/attributes': staff(ADMIN),
  'POST /api/admin/areas': staff(ADMIN),
  'PATCH /api/admin/areas/{code}': staff(ADMIN),
  'PUT /api/admin/calendar/{date}': staff(ADMIN),
  'DELETE /api/admin/calendar/{date}': staff(ADMIN),
  'PUT /api/admin/settings': staff(ADMIN),
  'PUT /api/admin/deadline-policies/{id}': staff(ADMIN),
  'GET /api/admin/routing-rules': staff(ADMIN),
  'POST /api/admin/routing-rules': staff(ADMIN),
  'PUT /api/admin/routing-rules/{id}': staff(ADMIN),
  'DELETE /api/admin/routing-rules/{id}': staff(ADMIN),
  'POST /api/routing-rules/{id}/objections': staff(['handler', 'unit_leader'], 'unit', { note: 'a unit the rule routes to' }),
  'GET /api/admin/notifications': staff(['supervisor', 'admin']),
  'POST /api/admin/notifications/{id}/retry': staff(['supervisor', 'admin']),
  'GET /api/admin/upstream-platforms': staff(ADMIN),
  'POST /api/admin/upstream-platforms': staff(ADMIN),
  'POST /api/admin/upstream-platforms/{id}/deactivate': staff(ADMIN),
  'GET /api/admin/open311-keys': staff(ADMIN),
  'POST /api/admin/open311-keys': staff(ADMIN),
  'DELETE /api/admin/open311-keys/{id}': staff(ADMIN),
  'POST /api/knowledge': staff(ADMIN),
  'PATCH /api/knowledge/{id}': staff(ADMIN),
  'DELETE /api/knowledge/{id}': staff(ADMIN),
  'POST /api/reply-templates': staff(ADMIN),
  'PATCH /api/reply-templates/{id}': staff(ADMIN),
  'DELETE /api/reply-templates/{id}': staff(ADMIN),
  // text analysis
  'POST /api/text/suggest': staff(INTAKE),
  'GET /api/text/hot-topics': staff(ALL, 'list'),
  'GET /api/text/warnings': staff(['supervisor', 'leader']),
  'POST /api/text/warnings/{id}/acknowledge': staff(['supervisor', 'leader']),
  'GET /api/admin/text/models': staff(ADMIN),
  'POST /api/admin/text/models': staff(ADMIN),
  'POST /api/admin/text/models/{id}/activate': staff(ADMIN),
  'POST /api/admin/text/retrain': staff(ADMIN),
  'GET /api/admin/text/jobs/{id}': staff(ADMIN),
  'GET /api/admin/text/settings': staff(ADMIN),
  'PUT /api/admin/text/settings': staff(ADMIN),
  // exchange with upper-level platforms
  'POST /api/exchange/v1/appeals': { access: 'platform' },
  'GET /api/exchange/v1/appeals/{externalId}': { access: 'platform' },
  // reports and indicators
  'GET /api/reports/dashboard': staff(ALL, 'list'),
  'GET /api/reports/volume-trend': staff(ALL, 'list'),
  'GET /api/reports/breakdown': staff(ALL, 'list'),
  'GET /api/reports/streets': staff(ALL, 'list'),
  'GET /api/reports/appeals.xlsx': staff(ALL, 'list'),
  'GET /api/indicators': staff(INDICATOR_READERS, 'list'),
  'GET /api/indicators/{indicator}/appeals': staff(INDICATOR_READERS, 'list'),
  'GET /api/assessment': staff(INDICATOR_READERS, 'list'),
  'POST /api/assessment/{month}/freeze': staff(ADMIN),
  'POST /api/assessment/exclusions': staff(['supervisor', 'admin']),
  'DELETE /api/assessment/exclusions': staff(['supervisor', 'admin']),
  'POST /api/reports': staff(OVERSIGHT),
  'GET /api/reports': staff(OVERSIGHT),
  'GET /api/reports/{id}': staff(OVERSIGHT),
  'GET /api/reports/{id}.xlsx': staff(OVERSIGHT),
  'GET /api/reports/{id}/print': staff(OVERSIGHT),
  // portal publication (staff side)
  'GET /api/board-posts': staff(OVERSIGHT),
  'PATCH /api/board-posts/{appealId}': staff(OVERSIGHT),
  'GET /api/monthly-figures': staff(OVERSIGHT),
  'POST /api/admin/monthly-bulletins': staff(OVERSIGHT),
  'GET /api/admin/reception-schedules': staff(ADMIN),
  'POST /api/admin/reception-schedules': staff(ADMIN),
  'PATCH /api/admin/reception-schedules/{id}': staff(ADMIN),
  // mass-work registry
  'GET /api/registry/on-duty': staff(ALL),
  'GET /api/registry/shifts': staff(ROSTER_VIEW),
  'POST /api/registry/shifts': staff(ROSTER_EDIT),
  'PATCH /api/registry/shifts/{id}': staff(ROSTER_EDIT),
  'POST /api/registry/shifts/{id}/swaps': staff(ROSTER_VIEW, 'none', { personal: true, note: 'the person on the slot asks' }),
  'GET /api/registry/swaps': staff(ROSTER_VIEW),
  'POST /api/registry/swaps/{id}/decision': staff(ROSTER_EDIT),
  'GET /api/registry/first-inquiries': staff(ALL, 'list'),
  'GET /api/registry/reception-rules': staff(RECEPTION),
  'POST /api/registry/reception-rules': staff(RECEPTION),
  'PATCH /api/registry/reception-rules/{id}': staff(RECEPTION),
  'POST /api/registry/reception-rules/{id}/cancel': staff(RECEPTION),
  'GET /api/registry/reception-coverage': staff(RECEPTION),
  'GET /api/registry/staff': staff(RECEPTION, 'none', { note: 'names for the roster and the reception calendar' }),
  'GET /api/registry/sessions': staff(ALL, 'list'),
  'POST /api/registry/sessions': staff(RECEPTION),
  'GET /api/registry/sessions/{id}': staff(ALL, 'unit'),
  'GET /api/registry/sessions/{id}/minutes': staff(ALL, 'unit'),
  'PATCH /api/registry/sessions/{id}': staff(RECEPTION, 'none', { note: 'and the receiving leader, their own session' }),
  'POST /api/registry/sessions/{id}/cancel': staff(RECEPTION, 'none', { note: 'and the receiving leader, their own session' }),
  'POST /api/registry/sessions/{id}/matters': staff(RECEPTION),
  'GET /api/registry/cases': staff(ALL, 'list'),
  'POST /api/registry/cases': staff(RECEPTION),
  'POST /api/registry/cases/{id}/progress': staff(RECEPTION, 'none', { note: 'and the leader who owns the case (包案)' }),
  'GET /api/registry/diaries': staff(ALL, 'list'),
  'POST /api/registry/diaries': staff(LEADERS),
  'POST /api/registry/diaries/{id}/to-appeal': staff(LEADERS, 'unit', { personal: true, note: 'the entry\'s author' }),
  'GET /api/registry/report': staff(['supervisor', 'leader', 'admin', 'unit_leader'], 'list'),
  'GET /api/registry/report.xlsx': staff(['supervisor', 'leader', 'admin', 'unit_leader'], 'list'),
  'GET /api/registry/diary-compliance': staff(['supervisor', 'leader', 'admin', 'unit_leader'], 'list'),
  // grassroots network, community files, disputes
  'GET /api/grassroots/posts': staff(GRASSROOTS, 'list'),
  'POST /api/grassroots/posts': staff(NETWORK_EDIT, 'unit'),
  'PATCH /api/grassroots/posts/{id}': staff(NETWORK_EDIT, 'unit'),
  'GET /api/grassroots/officers': staff(GRASSROOTS, 'list'),
  'POST /api/grassroots/officers': staff(NETWORK_EDIT, 'unit'),
  'DELETE /api/grassroots/officers/{id}': staff(NETWORK_EDIT, 'unit'),
  'POST /api/grassroots/officers/{id}/reports': staff(GRASSROOTS_EDIT, 'unit'),
  'GET /api/grassroots/compliance': staff(GRASSROOTS, 'list'),
  'GET /api/grassroots/reports': staff(GRASSROOTS, 'list'),
  'POST /api/grassroots/reports/{id}/to-dispute': staff(GRASSROOTS_EDIT, 'unit'),
  'POST /api/grassroots/reports/{id}/to-appeal': staff(GRASSROOTS_EDIT, 'unit'),
  'POST /api/grassroots/reports/{id}/dismiss': staff(GRASSROOTS_EDIT, 'unit'),
  'GET /api/grassroots/files': staff(GRASSROOTS, 'list'),
  'GET /api/grassroots/files/{code}': staff(GRASSROOTS, 'unit'),
  'PUT /api/grassroots/files/{code}/{section}': staff(GRASSROOTS_EDIT, 'unit'),
  'GET /api/grassroots/disputes': staff(GRASSROOTS, 'list'),
  'POST /api/grassroots/disputes': staff(GRASSROOTS_EDIT, 'unit'),
  'GET /api/grassroots/disputes/{id}': staff(GRASSROOTS, 'unit'),
  'POST /api/grassroots/disputes/{id}/steps': staff(GRASSROOTS_EDIT, 'unit'),
  'GET /api/grassroots/revisits': staff(GRASSROOTS, 'list'),
  'POST /api/grassroots/disputes/{id}/revisits/{seq}': staff(GRASSROOTS_EDIT, 'unit'),
  'GET /api/grassroots/warnings': staff(OVERSIGHT),
  'POST /api/grassroots/warnings/{id}/ack': staff(OVERSIGHT),
  'GET /api/grassroots/screening-rounds': staff(GRASSROOTS, 'list'),
  'POST /api/grassroots/screening-rounds': staff(ROSTER_EDIT),
  'POST /api/grassroots/screening-rounds/{id}/returns': staff(GRASSROOTS_EDIT, 'unit'),
  // hearings and proxy services
  'GET /api/hearings': staff(ALL, 'list'),
  'POST /api/hearings': staff(HEARING_ORGANISERS, 'unit'),
  'GET /api/hearings/{id}': staff(ALL, 'unit'),
  'PATCH /api/hearings/{id}': staff(HEARING_ORGANISERS, 'unit'),
  'POST /api/hearings/{id}/representatives': staff(HEARING_ORGANISERS, 'unit'),
  'POST /api/hearings/{id}/materials': staff(HEARING_ORGANISERS, 'unit'),
  'POST /api/hearings/{id}/actions': staff(HEARING_ORGANISERS, 'unit'),
  'POST /api/hearings/{id}/publication': staff(HEARING_ORGANISERS, 'unit'),
  'GET /api/proxy/items': staff(PROXY),
  'POST /api/proxy/items': staff(ADMIN),
  'PATCH /api/proxy/items/{id}': staff(ADMIN),
  'GET /api/proxy/requests': staff(PROXY, 'list'),
  'POST /api/proxy/requests': staff(PROXY, 'unit'),
  'GET /api/proxy/requests/{id}': staff(PROXY, 'unit'),
  'POST /api/proxy/requests/{id}/actions': staff(PROXY, 'unit'),
  // the public portal
  'GET /api/portal/config': pub(),
  'GET /api/portal/areas': pub(),
  'GET /api/portal/human-check': pub(),
  'POST /api/portal/appeals': pub('human check and rate limit'),
  'POST /api/portal/track': pub('number + query code'),
  'POST /api/portal/track/rate': pub('number + query code'),
  'GET /api/portal/board': pub('published, redacted posts only'),
  'GET /api/portal/board/{number}': pub('published, redacted posts only'),
  'GET /api/portal/stats': pub(),
  'GET /api/portal/directory': pub(),
  'GET /api/portal/knowledge': pub('public articles only'),
  'GET /api/portal/hearings': pub('published hearings only'),
  'GET /api/portal/hearings/{id}': pub('published hearings only'),
  'GET /api/portal/proxy-items': pub(),
  'POST /api/portal/proxy-track': pub('number + query code'),
  // Open311 GeoReport v2: public reads, writes with an Open311 key (OPEN311.md); the catch-alls answer its own 404
  'GET /open311/v2': pub(),
  'GET /open311/v2/{doc}': pub(),
  'POST /open311/v2/{doc}': pub('an Open311 API key'),
  'GET /open311/v2/services/{doc}': pub(),
  'GET /open311/v2/requests/{doc}': pub(),
  'GET /open311/v2/tokens/{doc}': pub(),
  '* /open311/v2': pub('any other method: GeoReport\'s own 404/405'),
  '* /open311/v2/{*}': pub('any other path: GeoReport\'s own 404'),
};

/** The entry for a route (`*` entries cover every method of their path), or undefined: an undeclared route. */
export function accessOf(method: string, path: string): RouteAccess | undefined {
  return ACCESS_MATRIX[`${method} ${path}`] ?? ACCESS_MATRIX[`* ${path}`];
}
