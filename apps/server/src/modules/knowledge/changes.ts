/** The fields of `patch` whose value differs from `current`, as {field: {from, to}} for the audit row. */
export function changedFields<T extends object>(current: T, patch: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const next = patch[key];
    if (next === undefined) continue;
    if (JSON.stringify(next) !== JSON.stringify(current[key])) changed[key] = next;
  }
  return changed;
}

/** {field: {from, to}} for an audit row's detail: the history of an edited row. */
export function auditDiff<T extends object>(current: T, changed: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries((Object.keys(changed) as (keyof T & string)[]).map((k) => [k, { from: current[k], to: changed[k] }]));
}

/** Keywords as stored: trimmed, unique, in the order given. */
export function cleanKeywords(keywords: readonly string[] | undefined): string[] | undefined {
  return keywords ? [...new Set(keywords.map((k) => k.trim()).filter(Boolean))] : undefined;
}
