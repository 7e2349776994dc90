import { Type } from 'typebox';
import { HEARING_ACTIONS } from '@minsheng/domain';
import { Id, StringEnum } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Optional = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

export const HearingBody = Type.Object({
  title: Text(100), topic: Text(2000), organiserUnitId: Type.Optional(Id), place: Text(100), scheduledAt: Instant,
  minNoticeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90 })), notice: Optional(5000),
}, { additionalProperties: false });
export const HearingPatch = Type.Object({
  title: Type.Optional(Text(100)), topic: Type.Optional(Text(2000)), place: Type.Optional(Text(100)), scheduledAt: Type.Optional(Instant),
  minNoticeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90 })), notice: Optional(5000),
}, { additionalProperties: false, minProperties: 1 });
export const RepresentativeBody = Type.Object({
  kind: StringEnum(['resident', 'enterprise'] as const, { description: '居民代表 | 企业代表' }), name: Text(40), phone: Type.Optional(Type.String({ maxLength: 20 })),
  organisation: Optional(100), constituency: Optional(100),
}, { additionalProperties: false });
export const MaterialBody = Type.Object({ title: Text(100), summary: Optional(5000), public: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const ActionBody = Type.Object({
  action: StringEnum(HEARING_ACTIONS), minutes: Optional(20000), attendedRepresentativeIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  outcome: Optional(5000), reason: Optional(500),
}, { additionalProperties: false });
export const PublicationBody = Type.Object({ published: Type.Boolean() }, { additionalProperties: false });
