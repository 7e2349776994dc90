import { Type } from 'typebox';
import { SATISFACTION_LEVELS } from '@minsheng/contracts';
import { AreaCode, Id, StringEnum } from '../../http/schema-helpers';
import { PORTAL_LIMITS } from './limits';
import { MONTH_PATTERN } from './month';

const Cursor = Type.String({ maxLength: 300, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page (same filters)' });
const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' });
export const AppealNumber = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9]+$', description: '诉求编号' });
const QueryCode = Type.String({ minLength: 4, maxLength: 16, pattern: '^[A-Za-z0-9]+$', description: '查询码' });

export const AreasQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false });

export const TrackBody = Type.Object({ number: AppealNumber, queryCode: QueryCode }, { additionalProperties: false });

export const RateBody = Type.Object({
  number: AppealNumber,
  queryCode: QueryCode,
  satisfaction: StringEnum(SATISFACTION_LEVELS, { description: '非常满意 满意 基本满意 不满意 非常不满意' }),
  solved: Type.Boolean({ description: '问题是否解决' }),
  contacted: Type.Optional(Type.Boolean({ description: '承办单位是否联系过您 (default true)' })),
  comment: Type.Optional(Type.String({ maxLength: PORTAL_LIMITS.commentMax })),
}, { additionalProperties: false });

export const BoardQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  categoryId: Type.Optional(Id),
  areaCode: Type.Optional(AreaCode),
  unitId: Type.Optional(Id),
  month: Type.Optional(Month),
  cursor: Type.Optional(Cursor),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$', description: '1–50, default 20' })),
}, { additionalProperties: false });

export const BoardParams = Type.Object({ number: AppealNumber }, { additionalProperties: false });
export const StatsQuery = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false });
export const KnowledgeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });
