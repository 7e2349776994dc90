import { tokenStore } from '../../api/client';
import { ApiError, apiErrorFrom } from '../../api/errors';
import { currentLang } from '../../i18n';

/** A fresh Idempotency-Key for one intake form: a retried save (double Enter, flaky network) registers once. */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `intake-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * POST with an Idempotency-Key header. The shared client's `api.post` takes no headers, so this sends the same
 * request it would (bearer token, language, JSON) and answers with the same ApiError on failure.
 */
export async function postWithKey<T>(path: string, body: unknown, key: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json', 'content-type': 'application/json', 'accept-language': currentLang === 'en' ? 'en' : 'zh-CN', 'idempotency-key': key,
  };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  let parsed: unknown = null;
  try { parsed = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw apiErrorFrom(res.status, parsed);
  if (parsed === null) throw new ApiError(res.status, 'UNEXPECTED_RESPONSE', 'response is not JSON');
  return parsed as T;
}

/** Digits that may be a phone number worth looking up (the server validates precisely). */
export function lookupablePhone(raw: string): string | null {
  const p = raw.replace(/[\s\-()]/g, '');
  return /^(1[3-9]\d{9}|0\d{9,11}|[2-9]\d{6,7})$/.test(p) ? p : null;
}
