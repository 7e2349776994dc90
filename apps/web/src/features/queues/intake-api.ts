/** A fresh Idempotency-Key for one intake form: a retried save (double Enter, flaky network) registers once. */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `intake-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Digits that may be a phone number worth looking up (the server validates precisely). */
export function lookupablePhone(raw: string): string | null {
  const p = raw.replace(/[\s\-()]/g, '');
  return /^(1[3-9]\d{9}|0\d{9,11}|[2-9]\d{6,7})$/.test(p) ? p : null;
}
