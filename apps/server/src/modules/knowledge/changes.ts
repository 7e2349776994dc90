import type { FieldChanges } from '../admin/changes';

/** {field: {from, to}} for an audit row's detail: the history of an edited row. */
export function auditDiff<T>(diff: FieldChanges<T>): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(Object.keys(diff.after).map((k) => [k, { from: diff.before[k as keyof T], to: diff.after[k as keyof T] }]));
}

/** Keywords as stored: trimmed, unique, in the order given. */
export function cleanKeywords(keywords: readonly string[] | undefined): string[] | undefined {
  return keywords ? [...new Set(keywords.map((k) => k.trim()).filter(Boolean))] : undefined;
}
