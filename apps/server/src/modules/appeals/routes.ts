import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { AppError } from '@minsheng/contracts';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { CallerHistoryQuery, ListAppealsQuery, RegisterAppealBody, RevealBody, TransitionBody } from './schemas';
import { registerAppeal } from './use-cases/register-appeal';
import { transitionAppeal } from './use-cases/transition-appeal';
import { getAppeal } from './use-cases/get-appeal';
import { listAppealsForUser } from './use-cases/list-appeals';
import { listFilter } from './list-filter';
import { listAppealEvents } from './use-cases/list-appeal-events';
import { revealCitizen } from './use-cases/reveal-citizen';
import { callerHistory } from './use-cases/caller-history';
import { withIdempotency } from './idempotency';
import { presentAppeal } from './presenter';
import { requireRuntime } from '../../runtime/require-runtime';

const security = [{ bearer: [] }];

/** Staff appeal routes: authenticate → validate (schema) → use case (authorises) → presenter. */
export function appealRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    // Authenticate on request, before body parsing and validation: without a session the answer is always 401.
    app.addHook('onRequest', requireStaff(deps));

    app.post('/api/appeals', { schema: { tags: ['appeals'], summary: '登记诉求 (intake)', security, body: RegisterAppealBody } }, async (req, reply) => {
      const user = staff(req);
      const body = req.body as Static<typeof RegisterAppealBody>;
      const result = await withIdempotency(deps, user, idempotencyKey(req), body, async (record) => {
        const saved = await registerAppeal(deps, { kind: 'staff', user }, body, record);
        // Presented from what was just written: no re-read on the hottest path.
        const runtime = await requireRuntime(deps, user.jurisdictionId);
        return presentAppeal({ appeal: saved.appeal, clocks: [], citizen: saved.citizen, paths: { [saved.appeal.ownerUnitId]: saved.ownerPath } }, user, runtime, deps.cipher, deps.now());
      }, (appealId) => getAppeal(deps, user, appealId));
      return reply.status(result.replayed ? 200 : 201).send(result.body);
    });

    app.get('/api/appeals', { schema: { tags: ['appeals'], summary: '诉求列表', security, querystring: ListAppealsQuery } }, async (req) => {
      const q = req.query as Static<typeof ListAppealsQuery>;
      return listAppealsForUser(deps, staff(req), { ...listFilter(q), cursor: q.cursor, limit: Number(q.limit ?? 20) });
    });

    app.get('/api/appeals/:id', { schema: { tags: ['appeals'], summary: '诉求详情', security, params: IdParams } }, async (req) => {
      return getAppeal(deps, staff(req), (req.params as { id: string }).id);
    });

    app.get('/api/appeals/:id/events', { schema: { tags: ['appeals'], summary: '办理时间线', security, params: IdParams } }, async (req) => {
      return { items: await listAppealEvents(deps, staff(req), (req.params as { id: string }).id) };
    });

    app.post('/api/appeals/:id/transitions', { schema: { tags: ['appeals'], summary: '办理操作 (state transition)', security, params: IdParams, body: TransitionBody } }, async (req) => {
      const user = staff(req);
      const body = req.body as Static<typeof TransitionBody>;
      const { action, version, ...input } = body;
      const id = (req.params as { id: string }).id;
      // A retried action (timeout, double click) with the same Idempotency-Key acts once and answers with the appeal.
      const result = await withIdempotency(deps, user, idempotencyKey(req), { appealId: id, ...body }, async (record) => {
        await transitionAppeal(deps, user, id, { action, input, expectedVersion: version }, { idempotency: record });
        return getAppeal(deps, user, id);
      }, (appealId) => getAppeal(deps, user, appealId));
      return result.body;
    });

    app.post('/api/appeals/:id/citizen/reveal', { schema: { tags: ['appeals'], summary: '查看完整个人信息 (audited)', security, params: IdParams, body: RevealBody } }, async (req) => {
      return revealCitizen(deps, staff(req), (req.params as { id: string }).id, (req.body as Static<typeof RevealBody>).reason);
    });

    app.get('/api/citizens/history', { schema: { tags: ['appeals'], summary: '来电人历史诉求', security, querystring: CallerHistoryQuery } }, async (req) => {
      const { phone } = req.query as Static<typeof CallerHistoryQuery>;
      return callerHistory(deps, staff(req), phone);
    });
  };
}

function idempotencyKey(req: FastifyRequest): string | null {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1–200 visible ASCII characters', { field: 'Idempotency-Key' });
  return key;
}
