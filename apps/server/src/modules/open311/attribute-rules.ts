import { AppError } from '@minsheng/contracts';
import type { CategoryAttributeRow } from '@minsheng/db';
import { parseW3cDateTime } from './fields';
import type { Fields } from './fields';

/** Open311 attribute datatypes (the table's CHECK holds the same list). */
export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];
export const isListType = (t: string): boolean => t === 'singlevaluelist' || t === 'multivaluelist';

/** An answer as stored in open311_requests.attributes. */
export type Answer = string | number | string[];

const KEY = /^attribute\[([^\][]+)\](\[\])?$/;

/** `attribute[CODE]=v` and `attribute[CODE][]=v1&…` (multivaluelist) → values per code. */
export function collectAnswers(fields: Fields): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, values] of Object.entries(fields)) {
    const m = KEY.exec(name);
    if (!m) continue;
    const code = m[1]!;
    out.set(code, [...(out.get(code) ?? []), ...values.map((v) => v.trim()).filter(Boolean)]);
  }
  return out;
}

const fail = (code: string, message: string) => new AppError('VALIDATION_FAILED', message, { field: `attribute[${code}]` });

/**
 * Check the answers against a service definition: required ones present, each of its datatype, list values among
 * the offered keys, no unknown codes. Returns the normalised answers (numbers as numbers, datetimes in ISO form).
 */
export function checkAnswers(defs: readonly CategoryAttributeRow[], answers: Map<string, string[]>): Record<string, Answer> {
  const questions = new Map(defs.filter((d) => d.variable).map((d) => [d.code, d]));
  for (const code of answers.keys()) if (!questions.has(code)) throw fail(code, `unknown attribute ${code}`);
  const out: Record<string, Answer> = {};
  for (const def of questions.values()) {
    const values = answers.get(def.code) ?? [];
    if (!values.length) {
      if (def.required) throw fail(def.code, `attribute ${def.code} is required`);
      continue;
    }
    if (def.datatype !== 'multivaluelist' && values.length > 1) throw fail(def.code, `attribute ${def.code} takes one value`);
    out[def.code] = answerOf(def, values);
  }
  return out;
}

function answerOf(def: CategoryAttributeRow, values: string[]): Answer {
  const v = values[0]!;
  const keys = new Set((def.values as { key: string }[]).map((x) => String(x.key)));
  switch (def.datatype) {
    case 'number': {
      if (!/^-?\d{1,15}(\.\d{1,10})?$/.test(v)) throw fail(def.code, `attribute ${def.code} must be a number`);
      return Number(v);
    }
    case 'datetime': return parseW3cDateTime(v, `attribute[${def.code}]`).toISOString();
    case 'string':
      if (v.length > 500 || /[\r\n]/.test(v)) throw fail(def.code, `attribute ${def.code} must be one line of at most 500 characters`);
      return v;
    case 'text':
      if (v.length > 4000) throw fail(def.code, `attribute ${def.code} is longer than 4000 characters`);
      return v;
    case 'singlevaluelist':
      if (!keys.has(v)) throw fail(def.code, `attribute ${def.code} must be one of its keys`);
      return v;
    case 'multivaluelist': {
      const unique = [...new Set(values)];
      if (unique.some((x) => !keys.has(x))) throw fail(def.code, `attribute ${def.code} values must be among its keys`);
      return unique;
    }
    default: throw fail(def.code, `attribute ${def.code} has an unknown datatype`);
  }
}

/** The answers as lines staff read on the appeal (标签：值), list keys shown by their names. */
export function describeAnswers(defs: readonly CategoryAttributeRow[], answers: Record<string, Answer>): string {
  const lines: string[] = [];
  for (const def of defs) {
    const a = answers[def.code];
    if (a === undefined) continue;
    const names = new Map((def.values as { key: string; name: string }[]).map((x) => [String(x.key), x.name]));
    const text = Array.isArray(a) ? a.map((k) => names.get(k) ?? k).join('、') : names.get(String(a)) ?? String(a);
    lines.push(`${def.description}：${text}`);
  }
  return lines.join('\n');
}

/** An attribute as the administrator edits it. */
export interface AttributeInput {
  code: string; datatype: Datatype; required?: boolean | undefined; variable?: boolean | undefined; description: string;
  datatypeDescription?: string | undefined; values?: { key: string; name: string }[] | undefined; active?: boolean | undefined;
}

/** A category's attribute list must be consistent: unique codes, values exactly for list types, unique keys. */
export function checkDefinitions(list: readonly AttributeInput[]): void {
  const codes = new Set<string>();
  list.forEach((a, i) => {
    const field = `attributes[${i}]`;
    if (codes.has(a.code)) throw new AppError('DUPLICATE_CODE', `attribute code ${a.code} appears twice`, { field: `${field}.code` });
    codes.add(a.code);
    const values = a.values ?? [];
    if (isListType(a.datatype)) {
      if (!values.length) throw new AppError('VALIDATION_FAILED', 'a list attribute needs values', { field: `${field}.values` });
      if (new Set(values.map((v) => v.key)).size !== values.length) throw new AppError('VALIDATION_FAILED', 'value keys must be unique', { field: `${field}.values` });
    } else if (values.length) {
      throw new AppError('VALIDATION_FAILED', 'only list attributes have values', { field: `${field}.values` });
    }
    if (a.required && a.variable === false) throw new AppError('VALIDATION_FAILED', 'an informational attribute cannot be required', { field: `${field}.required` });
  });
}
