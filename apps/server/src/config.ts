import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parsePreviousSecrets } from '@minsheng/db';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming hot standby for analytics and list reads (PostgreSQL only); unset: every read goes to DATABASE_URL. */
  databaseReadUrl: string | undefined;
  /** The replica is not read from while it is further behind than this (seconds). */
  readMaxLagSeconds: number;
  secret: string;
  /** MINSHENG_SECRET_PREVIOUS: retired secrets still accepted to decrypt personal data until `minsheng secrets rotate` moved it. */
  previousSecrets: string[];
  secretIsDefault: boolean;
  production: boolean;
  jurisdictionId: string | undefined;
  poolSize: number;
  workers: boolean;
  logLevel: string;
  version: string;
  /** Outbound notifications (issue 3 §9); each channel without a URL is written to the log instead. */
  notify: NotifyConfig;
  /** Bearer token that unlocks GET /metrics from anywhere; unset: /metrics answers direct loopback connections only. */
  metricsToken: string | undefined;
  /** How often the background worker claims due jobs (ms). */
  workerIntervalMs: number;
  /**
   * MINSHENG_TRUST_PROXY: the peers whose X-Forwarded-For is believed (fastify's trustProxy, proxy-addr syntax), or
   * false for none. The per-IP portal and login throttles count the address this yields.
   */
  trustProxy: string[] | false;
  /** MINSHENG_PROCESSES: server processes sharing the port (PostgreSQL only; PGlite lives inside one process). */
  processes: number;
}

export interface NotifyConfig {
  /** smtp://user:pass@host:port or smtps://…; unset: unit e-mails go to the log adapter. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** The SMS gateway's webhook (POST {to, text}); unset: citizen SMS go to the log adapter. */
  smsWebhookUrl: string | undefined;
  /** Sent as `Authorization: Bearer …` to the SMS gateway when set. */
  smsWebhookToken: string | undefined;
  /** Attempts before a notification is marked failed. */
  maxAttempts: number;
}

const DEV_SECRET = 'minsheng-development-secret-do-not-use-in-production';

/** Read configuration from the environment (every variable is documented in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const secret = env.MINSHENG_SECRET ?? '';
  if (production && !secret) throw new Error('MINSHENG_SECRET is required when NODE_ENV=production');
  if (secret && secret.length < 16) throw new Error('MINSHENG_SECRET must be at least 16 characters');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.MINSHENG_DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    ...readReplica(env),
    secret: secret || DEV_SECRET,
    previousSecrets: previousSecrets(env),
    secretIsDefault: !secret,
    production,
    jurisdictionId: env.MINSHENG_JURISDICTION || undefined,
    poolSize: Number(env.MINSHENG_DB_POOL ?? 10),
    workers: env.MINSHENG_WORKERS !== '0',
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    version: packageVersion(),
    notify: loadNotifyConfig(env),
    metricsToken: metricsToken(env),
    workerIntervalMs: workerIntervalMs(env),
    trustProxy: trustProxy(env),
    processes: processes(env),
  };
}

function readReplica(env: NodeJS.ProcessEnv): Pick<Config, 'databaseReadUrl' | 'readMaxLagSeconds'> {
  const url = env.DATABASE_READ_URL || undefined;
  if (url !== undefined && !env.DATABASE_URL) throw new Error('DATABASE_READ_URL needs DATABASE_URL: the embedded PGlite database has no read replica');
  if (url !== undefined && !/^postgres(ql)?:\/\/./.test(url)) throw new Error('DATABASE_READ_URL must be a postgres:// URL');
  const lag = Number(env.MINSHENG_READ_MAX_LAG_S || 30);
  if (!Number.isFinite(lag) || lag < 0 || lag > 86_400) throw new Error(`MINSHENG_READ_MAX_LAG_S must be 0–86400 seconds, got ${env.MINSHENG_READ_MAX_LAG_S}`);
  return { databaseReadUrl: url, readMaxLagSeconds: lag };
}

function previousSecrets(env: NodeJS.ProcessEnv): string[] {
  const list = parsePreviousSecrets(env.MINSHENG_SECRET_PREVIOUS);
  if (list.some((s) => s.length < 16)) throw new Error('every MINSHENG_SECRET_PREVIOUS entry must be at least 16 characters');
  return list;
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.MINSHENG_METRICS_TOKEN || undefined;
  // A short token is guessable and /metrics shows workload per jurisdiction: refuse it rather than run exposed.
  if (token !== undefined && token.length < 16) throw new Error('MINSHENG_METRICS_TOKEN must be at least 16 characters');
  return token;
}

function workerIntervalMs(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.MINSHENG_WORKER_INTERVAL_MS ?? 5_000);
  if (!Number.isInteger(ms) || ms < 50 || ms > 600_000) throw new Error(`MINSHENG_WORKER_INTERVAL_MS must be 50–600000, got ${env.MINSHENG_WORKER_INTERVAL_MS}`);
  return ms;
}

function processes(env: NodeJS.ProcessEnv): number {
  const raw = (env.MINSHENG_PROCESSES ?? '').trim();
  if (raw === '') return 1;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 64) throw new Error(`MINSHENG_PROCESSES must be a whole number from 1 to 64, got ${JSON.stringify(raw)}`);
  if (n > 1 && !(env.DATABASE_URL || '').trim()) throw new Error('MINSHENG_PROCESSES > 1 needs DATABASE_URL: the embedded PGlite database lives inside one process');
  return n;
}

/** proxy-addr's names for address ranges; anything else is an IP address or a CIDR range. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Whose X-Forwarded-For to believe. Default `loopback`: a reverse proxy on the same host (and the tests and benchmarks,
 * which connect over loopback). Trusting everyone would let any client pick the address the per-IP throttles count.
 */
function trustProxy(env: NodeJS.ProcessEnv): string[] | false {
  const raw = (env.MINSHENG_TRUST_PROXY ?? '').trim();
  if (raw === '') return ['loopback'];
  if (raw === 'false' || raw === 'none') return false;
  const usage = 'MINSHENG_TRUST_PROXY must be loopback, linklocal, uniquelocal, IP addresses or CIDR ranges (comma-separated), or none';
  // fastify ignores a hop count (it cannot tell a proxy from a client that connects directly), so name the proxies.
  if (/^\d+$/.test(raw)) throw new Error(`${usage}; a hop count (${raw}) is not accepted: name the proxies' addresses instead`);
  const entries = raw.split(',').map((e) => e.trim());
  const invalid = entries.find((e) => !PROXY_RANGE_NAMES.includes(e) && !isAddressOrRange(e));
  if (invalid !== undefined) throw new Error(`${usage}, got ${JSON.stringify(invalid)}`);
  return entries;
}

/** `10.0.0.1`, `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `fd00::/8`: what proxy-addr accepts, without its odd IPv4 forms. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', range, ...rest] = entry.split('/');
  const kind = isIP(address);
  if (!kind || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) >= 1 && Number(range) <= (kind === 4 ? 32 : 128);
  if (kind !== 4 || isIP(range) !== 4) return false;
  // A netmask: ones then zeros, at least one one.
  const bits = range.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
  return /^1+0*$/.test(bits);
}

function loadNotifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const maxAttempts = Number(env.MINSHENG_NOTIFY_MAX_ATTEMPTS ?? 8);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 50) throw new Error(`MINSHENG_NOTIFY_MAX_ATTEMPTS must be 1–50, got ${env.MINSHENG_NOTIFY_MAX_ATTEMPTS}`);
  return {
    smtpUrl: env.MINSHENG_SMTP_URL || undefined,
    smtpFrom: env.MINSHENG_SMTP_FROM || 'minsheng@localhost',
    smsWebhookUrl: env.MINSHENG_SMS_WEBHOOK_URL || undefined,
    smsWebhookToken: env.MINSHENG_SMS_WEBHOOK_TOKEN || undefined,
    maxAttempts,
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
