import { Type } from 'typebox';
import { StringEnum } from '../../http/schema-helpers';
import { DATATYPES } from './attribute-rules';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const KeyBody = Type.Object({ name: Text(100) }, { additionalProperties: false });

/** One attribute of a category's list; `values` only (and required) for the two list datatypes. */
export const AttributeBody = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
  datatype: StringEnum(DATATYPES),
  required: Type.Optional(Type.Boolean()),
  variable: Type.Optional(Type.Boolean()),
  description: Text(500),
  datatypeDescription: Type.Optional(Type.String({ maxLength: 200 })),
  values: Type.Optional(Type.Array(Type.Object({
    key: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }), name: Text(100),
  }, { additionalProperties: false }), { maxItems: 100 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const AttributesBody = Type.Object({ attributes: Type.Array(AttributeBody, { maxItems: 50 }) }, { additionalProperties: false });
