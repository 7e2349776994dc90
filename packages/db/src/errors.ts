/**
 * True for PostgreSQL's unique_violation (23505). drizzle wraps driver errors, so the code may sit on `cause`;
 * PGlite and node-postgres both use the SQLSTATE code.
 */
export function isUniqueViolation(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}
