import { Type } from 'typebox';
import type { Static } from 'typebox';
import { INDICATOR_CODES, PERIOD_KINDS } from '@minsheng/domain';
import { INDICATOR_GROUPINGS } from '@minsheng/db';

const day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local calendar day YYYY-MM-DD' });
const unitId = Type.String({ minLength: 1, maxLength: 64 });

export const IndicatorsQuery = Type.Object({
  period: Type.Optional(Type.Union(PERIOD_KINDS.map((k) => Type.Literal(k)), { description: 'day | week | month | quarter | year | custom (default month)' })),
  from: Type.Optional(day),
  to: Type.Optional(day),
  groupBy: Type.Optional(Type.Union(INDICATOR_GROUPINGS.map((g) => Type.Literal(g)), { description: 'default unit' })),
  unitId: Type.Optional(unitId),
  includeSubunits: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
}, { additionalProperties: false });
export type IndicatorsQueryInput = Static<typeof IndicatorsQuery>;

export const IndicatorParams = Type.Object({ indicator: Type.Union(INDICATOR_CODES.map((c) => Type.Literal(c))) });

export const IndicatorAppealsQuery = Type.Object({
  ...IndicatorsQuery.properties,
  group: Type.Optional(Type.String({ maxLength: 64, description: 'the group key of the figure (absent: the total)' })),
  part: Type.Optional(Type.Union([Type.Literal('numerator'), Type.Literal('denominator')], { description: 'default denominator' })),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '1–200 (default 50)' })),
  offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  after: Type.Optional(Type.String({ maxLength: 300, pattern: '^[A-Za-z0-9_-]+$', description: 'keyset page: the `next` of the previous page (offset then counts from it)' })),
}, { additionalProperties: false });
export type IndicatorAppealsQueryInput = Static<typeof IndicatorAppealsQuery>;

const month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const AssessmentQuery = Type.Object({ month: Type.Optional(month) }, { additionalProperties: false });
export const MonthParams = Type.Object({ month });

export const ExclusionBody = Type.Object({
  appealId: Type.String({ minLength: 1, maxLength: 64 }),
  indicator: Type.Union(INDICATOR_CODES.map((c) => Type.Literal(c))),
  reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }),
}, { additionalProperties: false });
export type ExclusionInput = Static<typeof ExclusionBody>;
