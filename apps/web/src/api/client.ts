import { currentLang } from '../i18n';
import { ApiError, apiErrorFrom } from './errors';

const TOKEN_KEY = 'minsheng.token';

/** The bearer token from POST /api/auth/login lives in sessionStorage: one browser tab, gone when it closes. */
export const tokenStore = {
  get(): string | null {
    try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
  },
  set(token: string | null): void {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch { /* storage disabled: the session lasts until reload */ }
  },
};

let onUnauthenticated: (() => void) | null = null;
/** Called on any 401 from an authenticated request (the auth provider sends the user back to the login page). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** `?a=1&b=x,y` from a query object; empty values are left out, arrays are comma-joined (the API's CSV filters). */
export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) { if (v.length) params.set(k, v.join(',')); continue; }
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions { query?: Query; body?: unknown; form?: FormData; headers?: Record<string, string>; signal?: AbortSignal }

/** The session's CSRF token from the readable `minsheng_csrf` cookie the login sets (null when there is none). */
function csrfCookie(): string | null {
  try {
    const hit = document.cookie.split('; ').find((c) => c.startsWith('minsheng_csrf='));
    return hit ? decodeURIComponent(hit.slice('minsheng_csrf='.length)) : null;
  } catch { return null; }
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLang === 'en' ? 'en' : 'zh-CN', ...options.headers };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  // The server asks for it only on cookie-authenticated writes; alongside the bearer token it is harmless.
  const csrf = method === 'GET' || method === 'HEAD' ? null : csrfCookie();
  if (csrf) headers['x-csrf-token'] = csrf;
  let body: string | FormData | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path + queryString(options.query), { method, headers, body, signal: options.signal, credentials: 'same-origin' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  if (!res.ok) {
    let parsed: unknown = null;
    try { parsed = await res.json(); } catch { /* not JSON: a proxy's error page */ }
    const error = apiErrorFrom(res.status, parsed);
    // A 401 on a signed-in request means the session ended; a 401 on the login itself is wrong credentials.
    if (res.status === 401 && token && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  return res;
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'UNEXPECTED_RESPONSE', 'response is not JSON');
  }
}

/** File name from `Content-Disposition` (RFC 5987 `filename*=UTF-8''…` first). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) { try { return decodeURIComponent(star[1]); } catch { /* fall through */ } }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** The one way the console talks to the server. Every failure is an ApiError; nothing fails silently. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  /** `headers` adds request headers, e.g. an Idempotency-Key so a retried save registers once. */
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => json<T>('POST', path, { body: body ?? {}, headers }),
  /** A POST that only reads (suggestions): abortable when the input it was for has changed. */
  postWithSignal: <T>(path: string, body: unknown, signal?: AbortSignal) => json<T>('POST', path, { body, signal }),
  patch: <T>(path: string, body?: unknown) => json<T>('PATCH', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => json<T>('PUT', path, { body: body ?? {} }),
  del: <T>(path: string) => json<T>('DELETE', path),
  /** GET a file's bytes (an attachment to preview): the bearer token cannot ride on an <img src>. */
  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    return (await send('GET', path, { headers: { accept: '*/*' }, signal })).blob();
  },
  /** POST multipart/form-data (file uploads); the browser sets the boundary. */
  async upload<T>(path: string, form: FormData): Promise<T> {
    return json<T>('POST', path, { form });
  },
  /**
   * GET a file the session may read (a PDF attachment, a report's print page) and show it in a new tab: a plain link
   * cannot carry the bearer token. The tab opens first, during the click, so a popup blocker lets it through.
   */
  async openInTab(path: string): Promise<void> {
    const tab = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await (await send('GET', path, { headers: { accept: '*/*' } })).blob());
      if (tab) tab.location.href = url; else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      throw e;
    }
  },
  /** GET a file (e.g. an XLSX export) and hand it to the browser as a download. */
  async download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
    const res = await send('GET', path, { query, headers: { accept: '*/*' } });
    const blob = await res.blob();
    const name = fileNameFrom(res.headers.get('content-disposition'), fallbackName);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  },
};
