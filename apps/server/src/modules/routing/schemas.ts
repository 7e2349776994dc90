import { Type } from 'typebox';
import { AreaCode, Id } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** A rule's content; POST creates it, PUT replaces a rule with it as the next version. null/absent = any. */
export const RoutingRuleBody = Type.Object({
  categoryId: Type.Optional(Type.Union([Id, Type.Null()])),
  areaCode: Type.Optional(Type.Union([AreaCode, Type.Null()])),
  leadUnitId: Id,
  coUnitIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  departmentDuty: Type.Optional(Type.Boolean({ description: '部门职责事项: never led by a community station (also derived from the category)' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const RoutingRulesQuery = Type.Object({
  includeRetired: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
}, { additionalProperties: false });

/** 派单异议: a handling unit says a rule routes wrongly. */
export const ObjectionBody = Type.Object({
  reason: Text(1000),
  appealId: Type.Optional(Id),
}, { additionalProperties: false });

/** A queue page's appeals, for their proposals in one request. Checked by the use case, which names the field. */
export const RoutingProposalsQuery = Type.Object({
  appealIds: Type.String({ description: '1–50 distinct appeal ids (UUID), comma-separated' }),
}, { additionalProperties: false });
