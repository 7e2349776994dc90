export interface FieldChanges<T> { before: Partial<T>; after: Partial<T> }

/**
 * The fields of `next` whose value differs from `current`, with the old values beside them (for the audit row);
 * null when nothing changes. Admin edits and the knowledge base both diff this way.
 */
export function changedFields<T extends object>(current: T, next: Partial<T>): FieldChanges<T> | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key])) continue;
    before[key] = current[key];
    after[key] = value;
  }
  return Object.keys(after).length ? { before, after } : null;
}
