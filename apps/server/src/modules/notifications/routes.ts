import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { Id, IdParams, StringEnum } from '../../http/schema-helpers';
import { listNotificationsFor } from './use-cases/list-notifications';
import { retryNotification } from './use-cases/retry-notification';

const security = [{ bearer: [] }];
const ListQuery = Type.Object({
  status: Type.Optional(StringEnum(['queued', 'sent', 'failed'] as const)),
  appealId: Type.Optional(Id),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' })),
}, { additionalProperties: false });

/** The notification outbox for administrators and supervisors: what went out, what is waiting, what failed. */
export function notificationRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));
    app.get('/api/admin/notifications', { schema: { tags: ['admin'], summary: '消息通知发送记录', security, querystring: ListQuery } }, async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      return listNotificationsFor(deps, staff(req), { status: q.status, appealId: q.appealId, limit: Number(q.limit ?? 50) });
    });
    app.post('/api/admin/notifications/:id/retry', { schema: { tags: ['admin'], summary: '重新发送失败的通知', security, params: IdParams } }, async (req) => {
      return retryNotification(deps, staff(req), (req.params as { id: string }).id);
    });
  };
}
