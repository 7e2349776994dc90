import { Type } from 'typebox';
import type { TLiteral, TUnion } from 'typebox';

/** A string enum schema from one of the contracts' closed lists. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<TLiteral<T[number]>[]>;
}

export const Id = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'UUID' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
/** GB/T 2260 and statistical area codes: 2 (province) to 12 (community/village) digits. */
export const AreaCode = Type.String({ pattern: '^[0-9]{2,12}$' });
