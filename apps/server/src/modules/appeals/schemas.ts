import { Type } from 'typebox';
import { APPEAL_KINDS, STAFF_ACTIONS, TRACKS, APPEAL_STATUSES, CHANNELS, EMERGENCY_LINES, LEGAL_ROUTES, REPLY_RESULTS, SATISFACTION_LEVELS, URGENCIES } from '@minsheng/contracts';
import { AreaCode, Id, StringEnum } from '../../http/schema-helpers';

// Free text must hold something besides white space; NUL and lone surrogates are refused for every route in http/text-guard.
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, pattern: '\\S' });

export const RegisterAppealBody = Type.Object({
  track: Type.Optional(StringEnum(TRACKS)),
  channel: StringEnum(CHANNELS),
  kind: Type.Optional(StringEnum(APPEAL_KINDS)),
  urgency: Type.Optional(StringEnum(URGENCIES)),
  title: Text(200),
  content: Text(10_000),
  citizen: Type.Optional(Type.Object({
    name: Type.Optional(Text(50)),
    phone: Type.Optional(Text(30)),
    idNumber: Type.Optional(Text(18)),
    address: Type.Optional(Text(200)),
  }, { additionalProperties: false })),
  areaCode: Type.Optional(AreaCode),
  location: Type.Optional(Text(200)),
  categoryId: Type.Optional(Id),
  accusedUnitId: Type.Optional(Id),
  confidential: Type.Optional(Type.Boolean()),
  consentPublish: Type.Optional(Type.Boolean()),
  // 信访 group visits: the count and at most 5 representatives (more is refused with TOO_MANY_REPRESENTATIVES).
  visitors: Type.Optional(Type.Object({
    count: Type.Integer({ minimum: 1, maximum: 10_000 }),
    representatives: Type.Array(Type.Object({ name: Text(50), phone: Type.Optional(Text(30)) }, { additionalProperties: false }), { maxItems: 50 }),
  }, { additionalProperties: false })),
  relatedAppealId: Type.Optional(Id),
}, { additionalProperties: false });

export const TransitionBody = Type.Object({
  action: StringEnum(STAFF_ACTIONS),
  version: Type.Optional(Type.Integer({ minimum: 0 })),
  reason: Type.Optional(Text(2000)),
  answer: Type.Optional(Text(10_000)),
  line: Type.Optional(StringEnum(EMERGENCY_LINES)),
  route: Type.Optional(StringEnum(LEGAL_ROUTES)),
  masterId: Type.Optional(Id),
  categoryId: Type.Optional(Id),
  leadUnitId: Type.Optional(Id),
  coUnitIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  reply: Type.Optional(Type.Object({ text: Text(10_000), result: StringEnum(REPLY_RESULTS) }, { additionalProperties: false })),
  satisfaction: Type.Optional(StringEnum(SATISFACTION_LEVELS)),
  contacted: Type.Optional(Type.Boolean()),
  solved: Type.Optional(Type.Boolean()),
  comment: Type.Optional(Text(2000)),
  complex: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const Csv = (pattern: string) => Type.String({ pattern: `^${pattern}(,${pattern})*$`, maxLength: 500 });

export const ListAppealsQuery = Type.Object({
  status: Type.Optional(Csv(`(${APPEAL_STATUSES.join('|')})`)),
  unitId: Type.Optional(Id),
  categoryId: Type.Optional(Id),
  areaCode: Type.Optional(AreaCode),
  channel: Type.Optional(StringEnum(CHANNELS)),
  kind: Type.Optional(StringEnum(APPEAL_KINDS)),
  track: Type.Optional(StringEnum(TRACKS)),
  createdFrom: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'registered at or after (ISO 8601)' })),
  createdTo: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'registered before (ISO 8601)' })),
  overdue: Type.Optional(StringEnum(['true', 'false'] as const)),
  dueSoon: Type.Optional(StringEnum(['true'] as const, { description: '黄灯: a clock past its yellow share, not yet due' })),
  pending: Type.Optional(StringEnum(['extension'] as const, { description: 'a request awaiting a decision' })),
  problem: Type.Optional(StringEnum(['true'] as const, { description: '疑难工单 (redo/units-passed thresholds of the settings) or escalated' })),
  text: Type.Optional(Text(100)),
  cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$' })),
}, { additionalProperties: false });

export const RevealBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const CallerHistoryQuery = Type.Object({ phone: Text(30) }, { additionalProperties: false });
