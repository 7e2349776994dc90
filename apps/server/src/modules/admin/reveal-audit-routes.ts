import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { REVEAL_KINDS } from '@minsheng/db';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { Id, StringEnum } from '../../http/schema-helpers';
import { requireRuntime } from '../../runtime/require-runtime';
import { presentReveal, revealsCsv } from './reveal-audit-presenter';
import { listRevealAuditFor, REVEAL_EXPORT_MAX_ROWS } from './use-cases/list-reveal-audit';

const security = [{ bearer: [] }];
const Filter = {
  from: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'at or after (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'before (ISO 8601)' })),
  userId: Type.Optional(Id),
  appealNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
  kind: Type.Optional(StringEnum(REVEAL_KINDS, { description: 'what was revealed' })),
};
const RevealsQuery = Type.Object({
  ...Filter,
  // Query strings are never coerced here: numbers arrive as digit strings.
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$', description: '1–9999' })),
  pageSize: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$', description: '1–100, default 20' })),
}, { additionalProperties: false });
const ExportQuery = Type.Object(Filter, { additionalProperties: false });

/** 个人信息查看审计 (DOMAIN.md §8): every reveal of masked personal data, for administrators. */
export function revealAuditRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));
    app.get('/api/admin/audit/reveals', { schema: { tags: ['admin'], summary: '个人信息查看审计 (谁在何时因何查看了哪件诉求的哪些个人信息；最新在前)', security, querystring: RevealsQuery } }, async (req) => {
      const q = req.query as Static<typeof RevealsQuery>;
      const found = await listRevealAuditFor(deps, staff(req), { ...q, page: q.page ? Number(q.page) : undefined, pageSize: q.pageSize ? Number(q.pageSize) : undefined });
      return { items: found.rows.map(presentReveal), total: found.total, page: found.page, pageSize: found.pageSize };
    });
    app.get('/api/admin/audit/reveals.csv', { schema: { tags: ['admin'], summary: '导出个人信息查看审计 (CSV；最多 10000 行)', security, querystring: ExportQuery } }, async (req, reply) => {
      const user = staff(req);
      const found = await listRevealAuditFor(deps, user, req.query as Static<typeof ExportQuery>, { limit: REVEAL_EXPORT_MAX_ROWS, offset: 0 });
      const offset = (await requireRuntime(deps, user.jurisdictionId)).settings.utcOffsetMinutes;
      const fmt = (d: Date) => new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19).replace('T', ' ');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="reveal-audit.csv"; filename*=UTF-8''${encodeURIComponent('个人信息查看审计.csv')}`)
        .header('cache-control', 'no-store')
        .send(revealsCsv(found.rows, fmt));
    });
  };
}
