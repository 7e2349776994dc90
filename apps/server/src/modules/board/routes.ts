import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { AppealIdParams, BoardPostsQuery, BoardReviewBody, MonthBody, MonthQuery, ScheduleBody, SchedulePatchBody } from './schemas';
import { listBoardPostsForReview } from './use-cases/list-board-posts';
import { reviewBoardPostFor } from './use-cases/review-board-post';
import { createSchedule, listSchedules, patchSchedule } from './use-cases/reception-schedules';
import { publishMonthlyBulletin } from './use-cases/publish-monthly-bulletin';
import { previewMonthlyFigures } from './use-cases/preview-monthly-figures';
import { requirePublisher } from './policy';

const security = [{ bearer: [] }];

/** Staff side of the portal: 留言板 review, 每月通报 figures and publishing, reception schedules. */
export function boardRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/board-posts', { schema: { tags: ['portal-admin'], summary: '留言板审核列表', security, querystring: BoardPostsQuery } }, async (req) => {
      return listBoardPostsForReview(deps, staff(req), (req.query as Static<typeof BoardPostsQuery>).status ?? 'pending');
    });
    app.patch('/api/board-posts/:appealId', { schema: { tags: ['portal-admin'], summary: '审核留言 (修改脱敏文本; 公开或不公开)', security, params: AppealIdParams, body: BoardReviewBody } }, async (req) => {
      return reviewBoardPostFor(deps, staff(req), (req.params as Static<typeof AppealIdParams>).appealId, req.body as Static<typeof BoardReviewBody>);
    });

    app.get('/api/monthly-figures', { schema: { tags: ['portal-admin'], summary: '每月通报数据 (实时计算; 与发布的数字同源)', security, querystring: MonthQuery } }, async (req) => {
      return previewMonthlyFigures(deps, staff(req), (req.query as Static<typeof MonthQuery>).month);
    });
    app.post('/api/admin/monthly-bulletins', { schema: { tags: ['portal-admin'], summary: '发布每月通报 (已发布的月份不变)', security, body: MonthBody } }, async (req) => {
      const user = staff(req);
      requirePublisher(user);
      return publishMonthlyBulletin(deps, user.jurisdictionId, (req.body as Static<typeof MonthBody>).month, user.userId);
    });

    app.get('/api/admin/reception-schedules', { schema: { tags: ['portal-admin'], summary: '领导接访与热线安排', security } }, async (req) => listSchedules(deps, staff(req)));
    app.post('/api/admin/reception-schedules', { schema: { tags: ['portal-admin'], summary: '新增接访/热线安排', security, body: ScheduleBody } }, async (req, reply) => {
      return reply.status(201).send(await createSchedule(deps, staff(req), req.body as Static<typeof ScheduleBody>));
    });
    app.patch('/api/admin/reception-schedules/:id', { schema: { tags: ['portal-admin'], summary: '修改或停用接访/热线安排', security, params: IdParams, body: SchedulePatchBody } }, async (req) => {
      return patchSchedule(deps, staff(req), (req.params as { id: string }).id, req.body as Static<typeof SchedulePatchBody>);
    });
  };
}
