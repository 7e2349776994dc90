import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { Id, IdParams } from '../../http/schema-helpers';
import { holdJointMeeting } from './use-cases/hold-joint-meeting';
import { listAppealSupervision } from './use-cases/list-appeal-supervision';
import { supervisionBoard } from './use-cases/supervision-board';

const security = [{ bearer: [] }];
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

const JointMeetingBody = Type.Object({
  topic: Text(200),
  heldAt: Type.String({ format: 'date-time', maxLength: 40 }),
  participantUnitIds: Type.Array(Id, { minItems: 2, maxItems: 50 }),
  decisions: Text(5000),
  leadUnitId: Type.Optional(Id),
  coUnitIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  appealIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });

/** 督办: the supervision overlay of an appeal and joint meetings (urges and notices go through the transition route). */
export function supervisionRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));
    app.get('/api/appeals/:id/supervision', { schema: { tags: ['appeals'], summary: '催办/督办/提级记录与联席会议', security, params: IdParams } }, async (req) => {
      return listAppealSupervision(deps, staff(req), (req.params as { id: string }).id);
    });
    app.get('/api/supervision/board', { schema: { tags: ['appeals'], summary: '督办看板：红灯、黄灯、疑难工单按主办单位计数 (与列表相同的筛选)', security } }, async (req) => {
      return supervisionBoard(deps, staff(req));
    });
    app.post('/api/joint-meetings', { schema: { tags: ['appeals'], summary: '联席会议 (记录决定并可指定主办单位)', security, body: JointMeetingBody } }, async (req, reply) => {
      return reply.status(201).send(await holdJointMeeting(deps, staff(req), req.body as Static<typeof JointMeetingBody>));
    });
  };
}
