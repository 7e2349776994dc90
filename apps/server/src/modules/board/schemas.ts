import { Type } from 'typebox';
import { Id, StringEnum } from '../../http/schema-helpers';
import { MONTH_PATTERN } from '../portal/month';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the version read; a stale one is 409 STALE_STATE' });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const ScheduleKind = StringEnum(['leader_reception', 'hotline'] as const, { description: '领导接访 | 领导热线' });

export const BoardPostsQuery = Type.Object({ status: Type.Optional(StringEnum(['pending', 'approved', 'rejected'] as const)) }, { additionalProperties: false });
export const AppealIdParams = Type.Object({ appealId: Id }, { additionalProperties: false });
export const BoardReviewBody = Type.Object({
  version: Version,
  title: Text(200),
  content: Text(10_000),
  reply: Text(10_000),
  decision: StringEnum(['approve', 'reject'] as const),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const MonthBody = Type.Object({ month: Type.String({ pattern: MONTH_PATTERN }) }, { additionalProperties: false });
export const MonthQuery = MonthBody;

export const ScheduleBody = Type.Object({
  kind: ScheduleKind,
  unitId: Type.Optional(Type.Union([Id, Type.Null()])),
  leaderName: Text(50),
  leaderTitle: Type.Optional(Type.String({ maxLength: 100 })),
  startsAt: Instant,
  endsAt: Instant,
  place: Type.Optional(Type.String({ maxLength: 200 })),
  topic: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const SchedulePatchBody = Type.Object({
  kind: Type.Optional(ScheduleKind),
  unitId: Type.Optional(Type.Union([Id, Type.Null()])),
  leaderName: Type.Optional(Text(50)),
  leaderTitle: Type.Optional(Type.String({ maxLength: 100 })),
  startsAt: Type.Optional(Instant),
  endsAt: Type.Optional(Instant),
  place: Type.Optional(Type.String({ maxLength: 200 })),
  topic: Type.Optional(Type.String({ maxLength: 200 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
