import { AppError } from '@minsheng/contracts';

/** Form fields or query parameters as GeoReport v2 sends them: each name may repeat (`attribute[x][]`). */
export type Fields = Record<string, string[]>;

/** application/x-www-form-urlencoded → fields; URLSearchParams decodes `+` and percent-escapes as browsers do. */
export function parseForm(body: string): Fields {
  const out: Fields = {};
  for (const [k, v] of new URLSearchParams(body)) (out[k] ??= []).push(v);
  return out;
}

/** Normalise a parsed query string or body (form, or JSON from a lenient client) into fields; nesting is refused. */
export function fieldsOf(source: unknown): Fields {
  const out: Fields = {};
  if (source === null || source === undefined) return out;
  if (typeof source !== 'object' || Array.isArray(source)) throw new AppError('VALIDATION_FAILED', 'the body must be form fields');
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    const list = Array.isArray(v) ? v : [v];
    out[k] = list.map((x) => {
      if (typeof x === 'string') return x;
      if (typeof x === 'number' || typeof x === 'boolean') return String(x);
      throw new AppError('VALIDATION_FAILED', 'nested values are not allowed', { field: k });
    });
  }
  return out;
}

/** One optional value; an empty value is the same as no value (spec §0), a repeated one is an error. */
export function single(fields: Fields, name: string, max = 4000): string | undefined {
  const list = fields[name];
  if (!list?.length) return undefined;
  if (list.length > 1) throw new AppError('VALIDATION_FAILED', `${name} was given more than once`, { field: name });
  const value = list[0]!.trim();
  if (value.length > max) throw new AppError('VALIDATION_FAILED', `${name} is longer than ${max} characters`, { field: name, max });
  return value || undefined;
}

/** A comma-separated list parameter (service_request_id, service_code, status); empty items are dropped. */
export function commaList(fields: Fields, name: string): string[] | undefined {
  const raw = single(fields, name, 20_000);
  if (!raw) return undefined;
  const items = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  return items.length ? items : undefined;
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A W3C datetime with its mandatory time zone (spec §0); anything else is the client's error. */
export function parseW3cDateTime(value: string, field: string): Date {
  const d = W3C_DATETIME.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', `${field} must be a W3C datetime with a time zone`, { field });
  return d;
}

/** Datetimes go out in UTC without milliseconds (2026-11-23T01:00:00Z): the zone is always present. */
export function w3c(d: Date | null | undefined): string | null {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}
