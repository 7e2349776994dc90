import { Type } from 'typebox';
import { Id, StringEnum } from '../../http/schema-helpers';
import { MONTH_PATTERN } from '../portal/month';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Optional = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const LocalDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const ReceptionKind = StringEnum(['leader_reception', 'hotline'] as const, { description: '领导接访 | 领导热线' });

export const MonthQuery = Type.Object({ month: Type.Optional(Type.String({ pattern: MONTH_PATTERN })) }, { additionalProperties: false });
export const RangeQuery = Type.Object({ from: Type.Optional(Instant), to: Type.Optional(Instant) }, { additionalProperties: false });
export const AppealIdParams = Type.Object({ appealId: Id }, { additionalProperties: false });

export const ShiftBody = Type.Object({
  post: Text(40), startsAt: Instant, endsAt: Instant, aUserId: Id, bUserId: Id, unitId: Type.Optional(Id), note: Optional(200),
}, { additionalProperties: false });
export const ShiftPatch = Type.Object({
  post: Type.Optional(Text(40)), startsAt: Type.Optional(Instant), endsAt: Type.Optional(Instant), aUserId: Type.Optional(Id), bUserId: Type.Optional(Id), note: Optional(200),
}, { additionalProperties: false, minProperties: 1 });
export const SwapBody = Type.Object({ slot: StringEnum(['a', 'b'] as const), toUserId: Id, reason: Optional(200) }, { additionalProperties: false });
export const SwapDecisionBody = Type.Object({ decision: StringEnum(['approve', 'reject'] as const) }, { additionalProperties: false });
export const SwapsQuery = Type.Object({ status: Type.Optional(StringEnum(['pending', 'approved', 'rejected'] as const)) }, { additionalProperties: false });

export const Recurrence = Type.Union([
  Type.Object({ freq: Type.Literal('weekly'), weekday: Type.Integer({ minimum: 0, maximum: 6 }) }, { additionalProperties: false }),
  Type.Object({ freq: Type.Literal('monthly'), nth: Type.Integer({ minimum: -1, maximum: 5 }), weekday: Type.Integer({ minimum: 0, maximum: 6 }) }, { additionalProperties: false }),
  Type.Object({ freq: Type.Literal('working_days') }, { additionalProperties: false }),
]);
export const ReceptionRuleBody = Type.Object({
  kind: ReceptionKind, unitId: Type.Optional(Type.Union([Id, Type.Null()])), leaderUserId: Type.Optional(Id), leaderName: Text(40), leaderTitle: Optional(40),
  recurrence: Recurrence, startTime: HHMM, endTime: HHMM, place: Optional(100), topic: Optional(200),
}, { additionalProperties: false });
export const ActiveBody = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });
/** `version`: the one the editor read; a stale one is refused (EDIT_CONFLICT) rather than overwriting someone's edit. */
const Version = Type.Optional(Type.Integer({ minimum: 1 }));
/** An edit of a schedule's fields, or (as before) just `active` to stop or restart it. */
export const ReceptionRulePatch = Type.Object({
  kind: Type.Optional(ReceptionKind), unitId: Type.Optional(Type.Union([Id, Type.Null()])), leaderUserId: Type.Optional(Type.Union([Id, Type.Null()])),
  leaderName: Type.Optional(Text(40)), leaderTitle: Optional(40), recurrence: Type.Optional(Recurrence), startTime: Type.Optional(HHMM), endTime: Type.Optional(HHMM),
  place: Optional(100), topic: Optional(200), active: Type.Optional(Type.Boolean()), version: Version,
}, { additionalProperties: false, minProperties: 1 });
export const CancelBody = Type.Object({ reason: Text(200), version: Version }, { additionalProperties: false });
export const StaffQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40, description: '按姓名搜索' })), leaders: Type.Optional(StringEnum(['true', 'false'] as const, { description: '只列领导' })),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|[1-4][0-9][0-9]|500)$', description: '1–500 (default 200)' })),
}, { additionalProperties: false });

export const SessionBody = Type.Object({
  kind: ReceptionKind, leaderUserId: Id, heldAt: Instant, ruleId: Type.Optional(Id), unitId: Type.Optional(Id), place: Optional(100), summary: Optional(2000),
}, { additionalProperties: false });
export const SessionPatch = Type.Object({
  kind: Type.Optional(ReceptionKind), leaderUserId: Type.Optional(Id), heldAt: Type.Optional(Instant), unitId: Type.Optional(Id), place: Optional(100), summary: Optional(2000), version: Version,
}, { additionalProperties: false, minProperties: 1 });
export const MatterBody = Type.Object({
  content: Text(5000), title: Type.Optional(Text(100)), visitorName: Type.Optional(Text(40)), visitorPhone: Type.Optional(Type.String({ maxLength: 20 })),
  visitorCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), kind: Type.Optional(StringEnum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'opinion'] as const)),
  categoryId: Type.Optional(Id), areaCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })), assignedUnitId: Type.Optional(Id),
}, { additionalProperties: false });

export const CaseBody = Type.Object({ leaderUserId: Id, title: Text(200), appealId: Type.Optional(Id), unitId: Type.Optional(Id) }, { additionalProperties: false });
export const ProgressBody = Type.Object({ note: Text(2000), resolved: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const DiaryBody = Type.Object({
  visitDate: LocalDate, place: Text(100), peopleMet: Optional(500), needsHeard: Text(5000), plan: Optional(2000),
}, { additionalProperties: false });
export const DiaryAppealBody = Type.Object({
  title: Type.Optional(Text(100)), kind: Type.Optional(StringEnum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'opinion'] as const)),
  categoryId: Type.Optional(Id), areaCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
}, { additionalProperties: false });
