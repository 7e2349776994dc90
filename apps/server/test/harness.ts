import { createTestDatabase } from '@minsheng/db/testing';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { listUnits } from '@minsheng/db';
import { loadConfig } from '../src/config';
import { createDeps } from '../src/compose';
import type { Deps } from '../src/deps';
import { buildApp } from '../src/http/app';
import type { App } from '../src/http/app';
import { seedDemo } from '../src/demo/seed-demo';
import { setSessionIdleMinutes } from '../src/modules/auth/session-idle';

export const TEST_SECRET = 'test-secret-for-minsheng-0123456789';

export interface ApiResponse<T = any> { status: number; body: T; headers: Headers }

export interface TestServer {
  app: App;
  deps: Deps;
  baseUrl: string;
  /** The simulated clock; tests move it to make deadlines pass. */
  clock: { now: Date };
  /** Unit id by demo key ('centre', 'dept-zhujian', 'street-370812001', …). */
  unit: (key: string) => string;
  login: (username: string, password?: string) => Promise<string>;
  api: <T = any>(method: string, path: string, options?: { token?: string | undefined; body?: unknown; rawBody?: string; headers?: Record<string, string> }) => Promise<ApiResponse<T>>;
  close: () => Promise<void>;
}

/**
 * A real server for one test file: a fresh database (PGlite or PostgreSQL per MINSHENG_TEST_DB) with the demo
 * jurisdiction's units, categories and users but no appeals, listening on a random loopback port.
 */
export async function startTestServer(options: { now?: Date; logStream?: NodeJS.WritableStream; env?: Record<string, string> } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const clock = { now: options.now ?? new Date('2026-11-23T09:00:00+08:00') }; // a Monday
  const config = loadConfig({ MINSHENG_SECRET: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: options.logStream ? 'info' : 'warn', ...options.env } as NodeJS.ProcessEnv);
  const deps = await createDeps(config, database, { now: () => clock.now });
  await seedDemo(deps, { appeals: 0, compactAreas: true });
  // The simulated clock jumps hours between requests of one session: sessions last their 12 hours, idle or not.
  await setSessionIdleMinutes(deps, '370812', 720);
  deps.defaultJurisdictionId = '370812';
  const app = await buildApp(deps, options.logStream ? { logger: true, logStream: options.logStream } : {});
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const units = new Map((await listUnits(database.db, '370812')).map((u) => [u.key, u.id]));

  const api: TestServer['api'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* non-JSON (HTML) bodies stay text */ }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };

  return {
    app, deps, baseUrl, clock, api,
    unit: (key) => { const id = units.get(key); if (!id) throw new Error(`no unit ${key}`); return id; },
    async login(username, password = DEMO_PASSWORD) {
      const res = await api<{ token: string }>('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    async close() { await app.close(); await database.close(); },
  };
}

/** A valid intake body; override any field. */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone_12345', kind: 'complaint', urgency: 'normal', title: '小区门口夜间施工噪音扰民',
    content: '龙桥街道某小区东门外道路施工每天夜里十一点后仍在作业，噪音很大，影响休息，希望有关部门督促文明施工。',
    citizen: { name: '王建国', phone: '13905371234', address: '兖州区建设东路18号3单元201' }, areaCode: '370812003',
    ...overrides,
  };
}
