import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { APPEAL_KINDS, DURATION_UNITS, ROLES, SATISFACTION_LEVELS, UNIT_KINDS } from '@minsheng/contracts';
import { POLICY_CLOCK_KEYS, REPORT_MODULES } from '@minsheng/domain';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { AreaCode, Id, IdParams, StringEnum } from '../../http/schema-helpers';
import { requireAdmin } from './policy';
import { presentUnit } from './presenter';
import { createUnit } from './use-cases/create-unit';
import { createUser } from './use-cases/create-user';
import { createCategory } from './use-cases/create-category';
import { updateUnit } from './use-cases/update-unit';
import { updateUser } from './use-cases/update-user';
import { resetUserPassword } from './use-cases/reset-user-password';
import { unlockUser } from './use-cases/unlock-user';
import { revokeUserSessions } from './use-cases/revoke-user-sessions';
import { updateCategory } from './use-cases/update-category';
import { removeCalendarOverride, setCalendarOverride } from './use-cases/calendar-overrides';
import { getSettings, listDeadlinePolicies, updateDeadlinePolicy, updateSettings } from './use-cases/configure-rules';
import { addArea, renameArea } from './use-cases/manage-areas';
import { listAreasFor, listCalendarFor, listCategoriesFor, listUnitsFor, listUsersFor } from './use-cases/list-reference';

const security = [{ bearer: [] }];
const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const DateParams = Type.Object({ date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }) }, { additionalProperties: false });

const UnitBody = Type.Object({
  key: Key, name: Name, shortName: Type.Optional(Name), kind: StringEnum(UNIT_KINDS), parentId: Id,
  areaCodes: Type.Optional(Type.Array(AreaCode, { maxItems: 500 })), phone: Type.Optional(Type.String({ maxLength: 50 })),
  address: Type.Optional(Type.String({ maxLength: 200 })), receptionHours: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
const UserBody = Type.Object({
  username: Type.String({ minLength: 2, maxLength: 64 }), displayName: Name, password: Type.String({ minLength: 1, maxLength: 200 }),
  roles: Type.Array(Type.Object({ role: StringEnum(ROLES), unitId: Id }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });
const CategoryBody = Type.Object({
  key: Key, name: Name, parentId: Type.Optional(Id), defaultKind: Type.Optional(StringEnum(APPEAL_KINDS)), defaultUnitId: Type.Optional(Id),
  open311Code: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,32}$' })), keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 50 })),
}, { additionalProperties: false });
// PATCH bodies: only the fields sent change; `active: false` deactivates, `true` reactivates; on categories `null` clears a reference.
const UnitPatch = Type.Object({
  name: Type.Optional(Name), shortName: Type.Optional(Name), kind: Type.Optional(StringEnum(UNIT_KINDS)), parentId: Type.Optional(Id),
  areaCodes: Type.Optional(Type.Array(AreaCode, { maxItems: 500 })), phone: Type.Optional(Type.String({ maxLength: 50 })),
  address: Type.Optional(Type.String({ maxLength: 200 })), receptionHours: Type.Optional(Type.String({ maxLength: 200 })), active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
const UserPatch = Type.Object({
  displayName: Type.Optional(Name), roles: Type.Optional(UserBody.properties.roles), active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
const PasswordBody = Type.Object({ password: UserBody.properties.password }, { additionalProperties: false });
const CategoryPatch = Type.Object({
  name: Type.Optional(Name), parentId: Type.Optional(Type.Union([Id, Type.Null()])), defaultKind: Type.Optional(Type.Union([StringEnum(APPEAL_KINDS), Type.Null()])),
  defaultUnitId: Type.Optional(Type.Union([Id, Type.Null()])), open311Code: Type.Optional(Type.Union([CategoryBody.properties.open311Code, Type.Null()])),
  keywords: CategoryBody.properties.keywords, active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
const OverrideBody = Type.Object({ kind: StringEnum(['holiday', 'workday'] as const), name: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false });
const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const RateLimitBody = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100_000 }), windowMinutes: Type.Integer({ minimum: 1, maximum: 10_080 }) }, { additionalProperties: false });
const Points = Type.Number({ minimum: 0, maximum: 100 });
const ReportWeightsBody = Type.Object(Object.fromEntries(REPORT_MODULES.map((k) => [k, Type.Optional(Points)])), { additionalProperties: false });
const SettingsBody = Type.Object({
  yellowAt: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
  workingHours: Type.Optional(Type.Array(Type.Object({ start: HHMM, end: HHMM }, { additionalProperties: false }), { minItems: 1, maxItems: 6 })),
  utcOffsetMinutes: Type.Optional(Type.Integer({ minimum: -840, maximum: 840 })),
  problem: Type.Optional(Type.Object({ redo: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), unitsWithoutLead: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false })),
  satisfactionWeights: Type.Optional(Type.Object(Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, Type.Optional(Type.Number({ minimum: 0, maximum: 1 }))])), { additionalProperties: false })),
  sessionHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
  security: Type.Optional(Type.Object({
    sessionIdleMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440 })),
    loginMaxFailures: Type.Optional(Type.Integer({ minimum: 3, maximum: 100 })), loginWindowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    loginLockMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })), ipMaxFailures: Type.Optional(Type.Integer({ minimum: 5, maximum: 10_000 })),
    ipWindowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })), passwordMinLength: Type.Optional(Type.Integer({ minimum: 8, maximum: 64 })),
  }, { additionalProperties: false })),
  supervision: Type.Optional(Type.Object({
    autoUrge: Type.Optional(Type.Boolean()), autoNotice: Type.Optional(Type.Boolean()),
    bulletinAfterWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })), sweepHorizonDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 400 })),
  }, { additionalProperties: false })),
  portal: Type.Optional(Type.Object({
    ...Object.fromEntries(['submitPerIp', 'submitPerPhone', 'trackPerIp', 'trackPerNumber'].map((k) => [k, Type.Optional(RateLimitBody)])),
    humanCheckMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  }, { additionalProperties: false })),
  assessment: Type.Optional(Type.Object({
    compositeWeights: Type.Optional(Type.Object({
      response: Type.Optional(Points), resolution: Type.Optional(Points), satisfaction: Type.Optional(Points),
    }, { additionalProperties: false })),
    tiers: Type.Optional(Type.Array(Type.Object({
      key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }), zh: Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' }),
      en: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }), unitKinds: Type.Array(StringEnum(UNIT_KINDS), { minItems: 1, maxItems: UNIT_KINDS.length, uniqueItems: true }),
    }, { additionalProperties: false }), { minItems: 1, maxItems: 10 })),
    deductions: Type.Optional(Type.Object({
      overduePoints: Type.Optional(Points), redoPoints: Type.Optional(Points), maxPoints: Type.Optional(Points),
    }, { additionalProperties: false })),
    listSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  }, { additionalProperties: false })),
  registry: Type.Optional(Type.Object({
    diaryVisitDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })), diaryMinEntriesPerMonth: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
    receptionsPerLeaderPerMonth: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })), receptionEveryWorkingDay: Type.Optional(Type.Boolean()),
    scheduleHorizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })), matterDueWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    stationRequirements: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 })), roomRequirements: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 })),
    stationMinStaff: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), roomMinStaff: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), officersMinStreet: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    officersMinDepartment: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), officersMinCommunity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    disputeRevisitDays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { maxItems: 6 })),
    // 月度考核 weights: each tier's record replaces the stored one and must add up to 100 (checked in updateSettings).
    streetReportWeights: Type.Optional(ReportWeightsBody), departmentReportWeights: Type.Optional(ReportWeightsBody),
  }, { additionalProperties: false })),
}, { additionalProperties: false, minProperties: 1 });
const DurationBody = Type.Object({ amount: Type.Number({ minimum: 0, maximum: 10_000 }), unit: StringEnum(DURATION_UNITS) }, { additionalProperties: false });
const PolicyBody = Type.Object({
  // handling, redo and extensionMax every track needs; the other clocks run only where a policy sets them.
  clocks: Type.Object({
    handling: DurationBody, redo: DurationBody, extensionMax: DurationBody,
    ...Object.fromEntries(POLICY_CLOCK_KEYS.filter((k) => !['handling', 'redo', 'extensionMax'].includes(k)).map((k) => [k, Type.Optional(DurationBody)])),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
const AreasQuery = Type.Object({ parent: Type.Optional(AreaCode), q: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) }, { additionalProperties: false });
const AreaName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const AreaBody = Type.Object({ parentCode: AreaCode, code: AreaCode, name: AreaName, shortName: Type.Optional(AreaName) }, { additionalProperties: false });
const AreaPatch = Type.Object({ name: AreaName, shortName: Type.Optional(AreaName) }, { additionalProperties: false });
const AreaParams = Type.Object({ code: AreaCode }, { additionalProperties: false });
const CalendarQuery = Type.Object({ year: Type.Optional(Type.String({ pattern: '^20[0-9]{2}$' })) }, { additionalProperties: false });

/** Reference data for all staff (GET) and configuration for administrators (/api/admin/*). */
export function adminRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    // Authenticate on request, before body parsing and validation: without a session the answer is always 401.
    app.addHook('onRequest', requireStaff(deps));
    app.get('/api/units', { schema: { tags: ['reference'], summary: '单位', security } }, async (req) => ({ items: await listUnitsFor(deps, staff(req)) }));
    app.get('/api/categories', { schema: { tags: ['reference'], summary: '诉求分类', security } }, async (req) => ({ items: await listCategoriesFor(deps, staff(req)) }));
    app.get('/api/areas', { schema: { tags: ['reference'], summary: '行政区划 (search by name or parent)', security, querystring: AreasQuery } }, async (req) => {
      const q = req.query as Static<typeof AreasQuery>;
      return { items: await listAreasFor(deps, staff(req), q.parent, q.q) };
    });
    app.get('/api/calendar', { schema: { tags: ['reference'], summary: '工作日历', security, querystring: CalendarQuery } }, async (req) => {
      const q = req.query as Static<typeof CalendarQuery>;
      return listCalendarFor(deps, staff(req), q.year ? Number(q.year) : undefined);
    });

    app.post('/api/admin/units', { schema: { tags: ['admin'], summary: '新增单位', security, body: UnitBody } }, async (req, reply) => {
      const unit = await createUnit(deps, staff(req), req.body as Static<typeof UnitBody>);
      return reply.status(201).send(presentUnit(unit, (req.body as Static<typeof UnitBody>).areaCodes ?? []));
    });
    app.get('/api/admin/users', { schema: { tags: ['admin'], summary: '用户', security } }, async (req) => ({ items: await listUsersFor(deps, staff(req)) }));
    app.post('/api/admin/users', { schema: { tags: ['admin'], summary: '新增用户', security, body: UserBody } }, async (req, reply) => {
      const user = staff(req);
      requireAdmin(user);
      const body = req.body as Static<typeof UserBody>;
      return reply.status(201).send(await createUser(deps.database.db, { ...body, jurisdictionId: user.jurisdictionId }, user.userId));
    });
    app.post('/api/admin/categories', { schema: { tags: ['admin'], summary: '新增分类', security, body: CategoryBody } }, async (req, reply) => {
      return reply.status(201).send(await createCategory(deps, staff(req), req.body as Static<typeof CategoryBody>));
    });
    app.post('/api/admin/areas', { schema: { tags: ['admin'], summary: '新增社区/村 (街道/乡镇下; 代码为街道 9 位 + 3 位)', security, body: AreaBody } }, async (req, reply) => {
      return reply.status(201).send(await addArea(deps, staff(req), req.body as Static<typeof AreaBody>));
    });
    app.patch('/api/admin/areas/:code', { schema: { tags: ['admin'], summary: '区域更名 (代码不变)', security, params: AreaParams, body: AreaPatch } }, async (req) => {
      return renameArea(deps, staff(req), (req.params as { code: string }).code, req.body as Static<typeof AreaPatch>);
    });
    app.patch('/api/admin/units/:id', { schema: { tags: ['admin'], summary: '修改/停用/启用单位', security, params: IdParams, body: UnitPatch } }, async (req) => {
      return updateUnit(deps, staff(req), (req.params as { id: string }).id, req.body as Static<typeof UnitPatch>);
    });
    app.patch('/api/admin/users/:id', { schema: { tags: ['admin'], summary: '修改/停用/启用用户', security, params: IdParams, body: UserPatch } }, async (req) => {
      return updateUser(deps, staff(req), (req.params as { id: string }).id, req.body as Static<typeof UserPatch>);
    });
    app.post('/api/admin/users/:id/password', { schema: { tags: ['admin'], summary: '重置密码', security, params: IdParams, body: PasswordBody } }, async (req) => {
      return resetUserPassword(deps, staff(req), (req.params as { id: string }).id, (req.body as Static<typeof PasswordBody>).password);
    });
    app.post('/api/admin/users/:id/unlock', { schema: { tags: ['admin'], summary: '解除登录锁定', security, params: IdParams } }, async (req) => {
      return unlockUser(deps, staff(req), (req.params as { id: string }).id);
    });
    app.delete('/api/admin/users/:id/sessions', { schema: { tags: ['admin'], summary: '强制下线 (结束该用户全部会话)', security, params: IdParams } }, async (req) => {
      return revokeUserSessions(deps, staff(req), (req.params as { id: string }).id);
    });
    app.patch('/api/admin/categories/:id', { schema: { tags: ['admin'], summary: '修改/停用/启用分类', security, params: IdParams, body: CategoryPatch } }, async (req) => {
      return updateCategory(deps, staff(req), (req.params as { id: string }).id, req.body as Static<typeof CategoryPatch>);
    });
    app.put('/api/admin/calendar/:date', { schema: { tags: ['admin'], summary: '设置节假日/调休', security, params: DateParams, body: OverrideBody } }, async (req) => {
      const body = req.body as Static<typeof OverrideBody>;
      return setCalendarOverride(deps, staff(req), (req.params as { date: string }).date, body.kind, body.name ?? '');
    });
    app.get('/api/admin/settings', { schema: { tags: ['admin'], summary: '规则参数 (亮灯比例、工作时间、疑难阈值、满意度权重)', security } }, async (req) => getSettings(deps, staff(req)));
    app.put('/api/admin/settings', { schema: { tags: ['admin'], summary: '修改规则参数', security, body: SettingsBody } }, async (req) => {
      return updateSettings(deps, staff(req), req.body as Static<typeof SettingsBody>);
    });
    app.get('/api/admin/deadline-policies', { schema: { tags: ['admin'], summary: '办理时限策略', security } }, async (req) => ({ items: await listDeadlinePolicies(deps, staff(req)) }));
    app.put('/api/admin/deadline-policies/:id', { schema: { tags: ['admin'], summary: '修改办理时限', security, params: IdParams, body: PolicyBody } }, async (req) => {
      return updateDeadlinePolicy(deps, staff(req), (req.params as { id: string }).id, (req.body as Static<typeof PolicyBody>).clocks);
    });
    app.delete('/api/admin/calendar/:date', { schema: { tags: ['admin'], summary: '删除日历调整', security, params: DateParams } }, async (req) => {
      await removeCalendarOverride(deps, staff(req), (req.params as { date: string }).date);
      return { ok: true };
    });
  };
}
