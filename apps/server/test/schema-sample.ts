import type { JsonSchema } from './route-table';

/**
 * The smallest schema-valid value of a route's JSON schema (required fields only), so a request passes Fastify's
 * validation and reaches the authorisation check. `known` fills fields by name with real ids of the test's world
 * (unitId, appealId…): a random uuid would pass validation but only ever meet "not found".
 */
export function sampleOf(schema: JsonSchema | undefined, known: (name: string) => unknown = () => undefined, name = ''): unknown {
  if (!schema) return undefined;
  const fromWorld = name ? known(name) : undefined;
  if (fromWorld !== undefined && accepts(schema, fromWorld)) return fromWorld;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema && accepts(schema, schema.default)) return schema.default;
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches?.length) {
    // Prefer a branch that is not null: a null is valid but rarely meaningful.
    const branch = branches.find((b) => b.type !== 'null') ?? branches[0];
    return sampleOf(branch, known, name);
  }
  if (schema.allOf) return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((s) => sampleOf(s, known, name)));
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of (schema.required ?? []) as string[]) out[key] = sampleOf(schema.properties?.[key], known, key);
      // Optional fields naming the world's ids (organiserUnitId, unitId…) decide whose resource the request is about.
      for (const [key, sub] of Object.entries<JsonSchema>(schema.properties ?? {})) {
        const value = key in out ? undefined : known(key);
        if (value !== undefined && accepts(sub, value)) out[key] = value;
      }
      // A patch body needs at least one field: take the optional ones in declaration order.
      for (const key of Object.keys(schema.properties ?? {})) {
        if (Object.keys(out).length >= (schema.minProperties ?? 0)) break;
        if (!(key in out)) out[key] = sampleOf(schema.properties[key], known, key);
      }
      return out;
    }
    case 'array': return Array.from({ length: schema.minItems ?? 0 }, (_, i) => {
      const item = sampleOf(schema.items, known, name);
      return typeof item === 'string' && schema.uniqueItems && i > 0 ? `${item}${i}` : item;
    });
    case 'string': return sampleString(schema);
    case 'integer': case 'number': return sampleNumber(schema);
    case 'boolean': return false;
    case 'null': return null;
    default: return undefined;
  }
}

const FORMATS: Record<string, string> = {
  'date-time': '2026-11-23T09:00:00+08:00', date: '2026-11-23', time: '09:00:00', email: 'zhang@example.org',
  uri: 'https://example.org/x', uuid: '00000000-0000-4000-8000-000000000000',
};
/** Values that satisfy the patterns the API uses (area codes, months, times, ids…); the first one that fits wins. */
const CANDIDATES = [
  '测试', 'x', '1', '7', '10', '2026', '2026-11', '2026-11-23', '09:00', '370812001', '370812001002', '13905371234',
  '00000000-0000-4000-8000-000000000000', 'https://example.org/x', 'abc', 'a1',
];

function sampleString(schema: JsonSchema): string {
  if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format]!;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const pattern = schema.pattern ? new RegExp(schema.pattern as string, 'u') : null;
  for (const c of CANDIDATES) {
    const padded = c.length < min ? c.padEnd(min, c.slice(-1)) : c;
    if (padded.length <= max && (!pattern || pattern.test(padded))) return padded;
  }
  throw new Error(`no sample string for ${JSON.stringify(schema)}: add a candidate or a route override`);
}

function sampleNumber(schema: JsonSchema): number {
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return schema.type === 'integer' ? Math.floor(schema.exclusiveMinimum) + 1 : schema.exclusiveMinimum + 0.5;
  if (typeof schema.maximum === 'number' && schema.maximum < 1) return schema.maximum;
  return 1;
}

/** A cheap structural check of a known value against the schema (type, enum, pattern, length): enough to not break validation. */
function accepts(schema: JsonSchema, value: unknown): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return branches.some((b) => accepts(b, value));
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (typeof value === 'string') {
    if (types.length && !types.includes('string')) return false;
    if (schema.pattern && !new RegExp(schema.pattern as string, 'u').test(value)) return false;
    return value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);
  }
  if (Array.isArray(value)) return types.includes('array') && value.every((v) => accepts(schema.items ?? {}, v));
  if (typeof value === 'number') return types.includes('integer') || types.includes('number');
  if (typeof value === 'boolean') return types.includes('boolean');
  return typeof value === 'object' && value !== null && types.includes('object');
}
