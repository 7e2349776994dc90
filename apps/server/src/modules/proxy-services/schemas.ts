import { Type } from 'typebox';
import { PROXY_ACTIONS, PROXY_LEVELS } from '@minsheng/domain';
import { Id, StringEnum } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Optional = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Steps = Type.Array(Text(300), { minItems: 1, maxItems: 30 });
const Level = StringEnum(PROXY_LEVELS, { description: '区 | 镇街 | 村居' });

export const ItemBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' }), name: Text(100), level: Level, unitId: Type.Optional(Type.Union([Id, Type.Null()])),
  procedure: Steps, materials: Type.Array(Text(300), { maxItems: 30 }), promisedDays: Type.Integer({ minimum: 1, maximum: 90 }), fee: Optional(100),
}, { additionalProperties: false });
export const ItemPatch = Type.Object({
  name: Type.Optional(Text(100)), level: Type.Optional(Level), unitId: Type.Optional(Type.Union([Id, Type.Null()])), procedure: Type.Optional(Steps),
  materials: Type.Optional(Type.Array(Text(300), { maxItems: 30 })), promisedDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })), fee: Optional(100),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export const CatalogueQuery = Type.Object({ level: Type.Optional(Level), q: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });

export const RequestBody = Type.Object({
  itemId: Id, applicantName: Text(40), applicantPhone: Type.Optional(Type.String({ maxLength: 20 })), matter: Optional(2000), unitId: Type.Optional(Id),
}, { additionalProperties: false });
export const RequestsQuery = Type.Object({
  state: Type.Optional(StringEnum(['open', 'overdue', 'due_soon', 'closed'] as const, { description: '未办结 | 超期 (含超期办结) | 临期 | 已办结' })),
}, { additionalProperties: false });
export const RequestActionBody = Type.Object({ action: StringEnum(PROXY_ACTIONS), note: Optional(1000) }, { additionalProperties: false });

export const ProxyNumber = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9]+$', description: '代办编号' });
export const ProxyTrackBody = Type.Object({
  number: ProxyNumber, queryCode: Type.String({ minLength: 4, maxLength: 16, pattern: '^[A-Za-z0-9]+$', description: '查询码' }),
}, { additionalProperties: false });
