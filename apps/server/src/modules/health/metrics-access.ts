import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '@minsheng/contracts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

/**
 * Who may read /metrics (it shows workload per jurisdiction and which routes are hot, never personal data):
 * - MINSHENG_METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`, from anywhere;
 * - otherwise only a direct loopback connection: the socket's peer, not req.ip (trustProxy makes that the
 *   client-supplied X-Forwarded-For), and no proxy header, since a reverse proxy on the same host makes every public
 *   request arrive from loopback.
 * Returns the refusal's error code, or null when the request may read.
 */
export function metricsRefusal(req: FastifyRequest, token: string | undefined): ErrorCode | null {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const digest = (s: string) => createHash('sha256').update(s).digest(); // equal lengths for timingSafeEqual
    return timingSafeEqual(digest(given), digest(token)) ? null : 'UNAUTHENTICATED';
  }
  const peer = req.raw.socket.remoteAddress ?? '';
  if (!LOOPBACK.has(peer) || PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return 'NOT_FOUND';
  return null;
}
