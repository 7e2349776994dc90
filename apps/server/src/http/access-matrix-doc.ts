import { ROLE_LABELS, ROLES } from '@minsheng/contracts';
import { ACCESS_MATRIX } from './access-matrix';
import type { RouteAccess } from './access-matrix';

const SCOPE_LABELS = { unit: '本单位及下级 (unit subtree)', list: '列表按单位过滤 (list filtered)', none: '—' } as const;

function cells(a: RouteAccess): string[] {
  if (a.access === 'public') return ROLES.map(() => '公开');
  if (a.access === 'platform') return ROLES.map(() => '—');
  return ROLES.map((r) => (a.roles.includes(r) ? (a.scope === 'unit' && (r === 'handler' || r === 'unit_leader') ? '✓ 本单位' : '✓') : '—'));
}

function who(a: RouteAccess): string {
  if (a.access === 'public') return '公开 public';
  if (a.access === 'platform') return '上级平台密钥 platform key';
  return a.personal ? '登录 staff (本人 own only)' : '登录 staff';
}

/** docs/access-matrix.md, rendered from ACCESS_MATRIX (`npm run docs:access`); the matrix test fails when it is stale. */
export function renderAccessMatrix(): string {
  const head = ['接口 route', '访问 access', ...ROLES.map((r) => `${ROLE_LABELS[r]} ${r}`), '范围 scope', '说明 note'];
  const rows = Object.entries(ACCESS_MATRIX).map(([route, a]) => [
    `\`${route}\``, who(a), ...cells(a), a.access === 'staff' ? SCOPE_LABELS[a.scope] : '—', (a.note ?? '').replace(/\|/g, '\\|'),
  ]);
  return [
    '# 权限矩阵 Access matrix',
    '',
    'Generated from `apps/server/src/http/access-matrix.ts` by `npm run docs:access`; do not edit by hand.',
    '`apps/server/test/access-matrix.test.ts` sends every route a schema-valid request as each role (unit roles in',
    'unit A) about a resource of unit A and of its sibling unit B, and fails when an answer disagrees with this table',
    'or when a route has no entry.',
    '',
    '- 匿名 anonymous on a staff route: 401 `UNAUTHENTICATED`. A role not listed: 403 `FORBIDDEN` (or the 404',
    '  `NOT_FOUND` that hides whether an id exists). A listed role: never 401/403/5xx.',
    '- 本单位 (unit scope): a handler or unit leader acts only on resources of their unit and below; another unit\'s',
    '  answers 403/404. Centre roles (at the root unit) reach every unit.',
    '- `/metrics` is not in the API table: loopback or `MINSHENG_METRICS_TOKEN` only.',
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
}
