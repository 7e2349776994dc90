/** The fields of `next` whose value differs from `current`, with the old values beside them (for the audit row). */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
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
