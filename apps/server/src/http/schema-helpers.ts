import { Type } from 'typebox';
import type { TLiteral, TUnion } from 'typebox';

/** A string enum schema from one of the contracts' closed lists. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<TLiteral<T[number]>[]>;
}

export const Id = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'UUID' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), detail: Type.Optional(Type.String()), details: Type.Optional(Type.Any()) }),
});
export const OkBody = Type.Object({ ok: Type.Boolean() });
