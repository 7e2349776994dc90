import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, fileNameFrom, queryString, setUnauthenticatedHandler, tokenStore } from './client';
import { ApiError } from './errors';

function respond(status: number, body: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => { vi.unstubAllGlobals(); setUnauthenticatedHandler(null); });

describe('api client', () => {
  it('sends the bearer token, the language and JSON; builds CSV query strings', async () => {
    tokenStore.set('tok-1');
    const fetch = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    await api.post('/api/appeals/1/transitions', { action: 'sign', version: 3 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/appeals/1/transitions');
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok-1');
    expect(headers['accept-language']).toBe('zh-CN');
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ action: 'sign', version: 3 });
    expect(queryString({ status: ['handling', 'dispatched'], text: '', unitId: undefined, limit: 20 })).toBe('?status=handling%2Cdispatched&limit=20');
  });

  it('turns error bodies into ApiError with the code', async () => {
    vi.stubGlobal('fetch', respond(409, { error: { code: 'STALE_STATE', message: '诉求已被他人处理', details: { status: 'handling', version: 4 } } }));
    const err = await api.get('/api/appeals/1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('STALE_STATE');
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).details).toEqual({ status: 'handling', version: 4 });
  });

  it('a 401 on a signed-in request ends the session; a failed login does not', async () => {
    const expired = vi.fn();
    setUnauthenticatedHandler(expired);
    vi.stubGlobal('fetch', respond(401, { error: { code: 'INVALID_CREDENTIALS', message: 'x' } }));
    tokenStore.set(null);
    await expect(api.post('/api/auth/login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(expired).not.toHaveBeenCalled();
    tokenStore.set('old');
    vi.stubGlobal('fetch', respond(401, { error: { code: 'UNAUTHENTICATED', message: 'x' } }));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(expired).toHaveBeenCalledOnce();
  });

  it('a network failure is an ApiError NETWORK, never an unhandled TypeError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    await expect(api.get('/api/units')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('reads RFC 5987 file names', () => {
    expect(fileNameFrom(`attachment; filename="appeals.xlsx"; filename*=UTF-8''${encodeURIComponent('诉求导出.xlsx')}`, 'x')).toBe('诉求导出.xlsx');
    expect(fileNameFrom('attachment; filename="a.xlsx"', 'x')).toBe('a.xlsx');
    expect(fileNameFrom(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
